// Bulk writer for SQLite: prepared statements on the raw better-sqlite3 handle, inside the import's open transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { BulkWriter, CurrentRow, PreparedEntity, RowKey } from './writer.js';

/** Page cache while importing (KiB): the indexes of a large list stay in memory instead of being re-read. */
const IMPORT_CACHE_KIB = 256 * 1024;

export function createSqliteWriter(handle: BetterSqlite3.Database, list: string, firstVersion: boolean): BulkWriter {
  const cacheSize = Number(handle.pragma('cache_size', { simple: true }));
  handle.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  // Temporary tables live in the connection's temp schema: invisible to other connections, gone with a rollback.
  handle.exec('create temp table if not exists watchlist_seen (id text primary key) without rowid');
  handle.exec('delete from temp.watchlist_seen');
  // By the key index only: without statistics a planner may prefer (list, last_version) and scan every open row per id.
  const markSeen = handle.prepare('insert or ignore into temp.watchlist_seen (id) values (?)');
  const current = handle.prepare<[string, string], { hash: string; first_version: number; last_version: number | null }>(
    'select hash, first_version, last_version from watchlist_entities indexed by watchlist_entities_key where list = ? and id = ? order by first_version desc limit 1',
  );
  const closeOne = handle.prepare(
    'update watchlist_entities indexed by watchlist_entities_key set last_version = ? where list = ? and id = ? and first_version = ?',
  );
  const insertEntity = handle.prepare(
    'insert into watchlist_entities (list, id, first_version, last_version, listed, owner_id, schema, caption, source_id, properties, hash) values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertName = handle.prepare('insert into watchlist_names (list, entity_id, first_version, name) values (?, ?, ?, ?)');
  const insertLink = handle.prepare('insert into watchlist_links (list, entity_id, first_version, property, target_id) values (?, ?, ?, ?, ?)');
  const closeUnseen = handle.prepare(
    'update watchlist_entities set last_version = ? where list = ? and last_version is null and first_version < ? and id not in (select id from temp.watchlist_seen)',
  );

  const close = (keys: readonly RowKey[], lastVersion: number) => {
    for (const k of keys) closeOne.run(lastVersion, list, k.id, k.firstVersion);
  };
  const insert = (rows: readonly PreparedEntity[], version: number) => {
    for (const r of rows) {
      insertEntity.run(list, r.id, version, r.listed ? 1 : 0, r.ownerId, r.schema, r.caption, r.sourceId, JSON.stringify(r.properties), r.hash);
      for (const name of r.names) insertName.run(list, r.id, version, name);
      for (const [property, target] of r.links) insertLink.run(list, r.id, version, property, target);
    }
  };

  return {
    async begin() {},
    async seen(ids) {
      const fresh = new Set<string>();
      const found = new Map<string, CurrentRow>();
      for (const id of ids) {
        if (markSeen.run(id).changes === 0) continue;
        fresh.add(id);
        // The open row, if any, is the newest row of the id.
        const row = firstVersion ? undefined : current.get(list, id);
        if (row && row.last_version === null) found.set(id, { hash: row.hash, firstVersion: row.first_version });
      }
      return { fresh, current: found };
    },
    async write(closes, rows, version) {
      close(closes, version - 1);
      insert(rows, version);
    },
    async close(keys, lastVersion) {
      close(keys, lastVersion);
    },
    async insert(rows, version) {
      insert(rows, version);
    },
    async closeUnseen(version) {
      return closeUnseen.run(version - 1, list, version).changes;
    },
    async end() {
      handle.exec('drop table if exists temp.watchlist_seen');
    },
    dispose() {
      handle.pragma(`cache_size = ${cacheSize}`);
    },
  };
}
