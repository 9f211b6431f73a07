// Bulk writes of one import inside its open transaction: the contract both backends' writers keep.
import type { Transaction } from 'kysely';
import type { Database, PlatformTables } from '../../platform/db/index.js';
import { createSqliteWriter } from './writer-sqlite.js';
import { createPostgresWriter } from './writer-postgres.js';

/** An entity ready to store: cleaned, captioned and hashed. */
export interface PreparedEntity {
  id: string;
  schema: string;
  listed: boolean;
  ownerId: string | null;
  sourceId: string;
  caption: string;
  properties: Record<string, string[]>;
  /** Content hash over schema, listed flag, owner and property value sets. */
  hash: string;
  /** Folded name forms (listed entities only). */
  names: string[];
  /** Entity-typed property values: [property, target id]. */
  links: [string, string][];
}

export interface CurrentRow {
  hash: string;
  firstVersion: number;
}

/** An open row to close, by its full key (so every backend finds it through the unique index). */
export interface RowKey {
  id: string;
  firstVersion: number;
}

export interface BulkWriter {
  /** Creates the per-import table of ids seen so far. */
  begin(): Promise<void>;
  /** Records ids as seen in this import; returns those seen for the first time, with their open rows (last_version null). */
  seen(ids: readonly string[]): Promise<{ fresh: Set<string>; current: Map<string, CurrentRow> }>;
  /** Closes the rows `closes` at version - 1, then inserts `rows` opened at `version` with their names and links. */
  write(closes: readonly RowKey[], rows: readonly PreparedEntity[], version: number): Promise<void>;
  /** Closes these rows at `lastVersion` (merging duplicates). */
  close(keys: readonly RowKey[], lastVersion: number): Promise<void>;
  /** Inserts rows opened at `version` (merging duplicates). */
  insert(rows: readonly PreparedEntity[], version: number): Promise<void>;
  /** Closes every open row opened before `version` whose id was not seen; returns how many. */
  closeUnseen(version: number): Promise<number>;
  /** Drops the per-import table. */
  end(): Promise<void>;
  /** Restores connection settings changed for the import; called after the transaction, whether it committed or not. */
  dispose(): void;
}

/** `firstVersion`: the list has no rows yet, so there are no open rows to look up. */
export function createWriter(db: Database, trx: Transaction<PlatformTables>, list: string, firstVersion: boolean): BulkWriter {
  if (db.dialect === 'sqlite') {
    if (!db.sqlite) throw new Error('the SQLite backend has no raw handle');
    return createSqliteWriter(db.sqlite, list, firstVersion);
  }
  return createPostgresWriter(trx, list, firstVersion);
}
