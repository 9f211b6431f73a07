// Row types of the screening tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';

export interface SubjectRow {
  id: string;
  reference: string | null;
  query: string;
  active: number;
  created_at: string;
  created_by: string | null;
  last_screened_at: string | null;
}

export type Tables = { screening_subjects: SubjectRow } & PlatformTables;
export type ScExecutor = Kysely<Tables> | Transaction<Tables>;
export const sc = (exec: Executor): ScExecutor => exec as unknown as ScExecutor;
