// Row types of the watchlists tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';

export interface ListRow {
  name: string;
  title: string;
  format: string;
  active_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface VersionRow {
  list: string;
  version: number;
  format: string;
  imported_at: string;
  sha256: string;
  files: string; // JSON array
  counts: string; // JSON object
  total: number;
  auxiliaries: number;
  imported_by: string | null;
}

export interface EntityRow {
  list: string;
  id: string;
  first_version: number;
  last_version: number | null;
  listed: number;
  owner_id: string | null;
  schema: string;
  caption: string;
  source_id: string;
  properties: string; // JSON object of string arrays
  hash: string;
}

export interface NameRow {
  list: string;
  entity_id: string;
  first_version: number;
  name: string;
}

export interface LinkRow {
  list: string;
  entity_id: string;
  first_version: number;
  property: string;
  target_id: string;
}

export interface SourceRow {
  list: string;
  urls: string; // JSON array
  format: string;
  every_hours: number | null;
  validators: string; // JSON object
  last_checked_at: string | null;
  last_status: string | null;
  last_changed_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface WatchlistTables {
  watchlist_lists: ListRow;
  watchlist_versions: VersionRow;
  watchlist_entities: EntityRow;
  watchlist_names: NameRow;
  watchlist_links: LinkRow;
  watchlist_sources: SourceRow;
}

export type Tables = WatchlistTables & PlatformTables;
export type WlExecutor = Kysely<Tables> | Transaction<Tables>;

/** The same executor, typed with this module's tables. */
export const wl = (exec: Executor): WlExecutor => exec as unknown as WlExecutor;
