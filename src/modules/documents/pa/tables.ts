// Row types of the passive-authentication trust store and typed access through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../../platform/db/index.js';

export interface CscaRow {
  fingerprint: string;
  der: string;
  subject: string;
  issuer: string;
  country: string | null;
  serial: string;
  key_id: string | null;
  not_before: string;
  not_after: string;
  key: string;
  source: 'certificate' | 'master-list';
  source_sha256: string;
  imported_at: string;
  imported_by: string | null;
}

export interface CrlRow {
  fingerprint: string;
  der: string;
  issuer: string;
  country: string | null;
  this_update: string;
  next_update: string | null;
  revoked: number;
  imported_at: string;
  imported_by: string | null;
}

export interface PaTables {
  pa_cscas: CscaRow;
  pa_crls: CrlRow;
}

export type PaExecutor = Kysely<PaTables & PlatformTables> | Transaction<PaTables & PlatformTables>;
export const pa = (exec: Executor): PaExecutor => exec as unknown as PaExecutor;
