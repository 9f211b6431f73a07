// Row types of the lost and stolen registry, and typed access through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../../platform/db/index.js';

export interface LostVersionRow {
  version: number;
  imported_at: string;
  sha256: string;
  file: string;
  format: string;
  mode: string;
  total: number;
  counts: string;
  changes: string;
  imported_by: string | null;
}

export interface LostStateRow {
  id: string;
  active_version: number | null;
  updated_at: string;
}

export interface LostDocumentRow {
  id: string;
  first_version: number;
  last_version: number | null;
  country: string;
  icao: string;
  alpha2: string | null;
  document_type: string | null;
  document_number: string;
  skeleton: string;
  status: string;
  reported_on: string | null;
  hash: string;
}

export interface LostTables {
  lost_versions: LostVersionRow;
  lost_state: LostStateRow;
  lost_documents: LostDocumentRow;
}

export type Tables = LostTables & PlatformTables;
export type LostExecutor = Kysely<Tables> | Transaction<Tables>;

export const lost = (exec: Executor): LostExecutor => exec as unknown as LostExecutor;

/** The one row of lost_state. */
export const STATE_ID = 'registry';
