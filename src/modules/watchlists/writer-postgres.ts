// Bulk writer for PostgreSQL: two statements per batch (arrays through unnest, data-modifying CTEs), inside the import's transaction.
// Rows are found by their key (list, id, first_version): the table grows inside the one transaction without statistics, and
// the planner would otherwise take the (list, last_version) index and scan every open row for each id.
import { sql, type Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.js';
import type { BulkWriter, CurrentRow, PreparedEntity, RowKey } from './writer.js';

function insertStatement(list: string, closes: readonly RowKey[], rows: readonly PreparedEntity[], version: number, lastVersion = version - 1) {
  const nameIds: string[] = [];
  const names: string[] = [];
  const linkIds: string[] = [];
  const linkProps: string[] = [];
  const linkTargets: string[] = [];
  for (const r of rows) {
    for (const n of r.names) {
      nameIds.push(r.id);
      names.push(n);
    }
    for (const [p, t] of r.links) {
      linkIds.push(r.id);
      linkProps.push(p);
      linkTargets.push(t);
    }
  }
  return sql`with closed as (
      update watchlist_entities e set last_version = ${lastVersion}
      from unnest(${closes.map((k) => k.id)}::text[], ${closes.map((k) => k.firstVersion)}::int[]) as k(id, first_version)
      where e.list = ${list} and e.id = k.id and e.first_version = k.first_version returning 1
    ), entities as (
      insert into watchlist_entities (list, id, first_version, last_version, listed, owner_id, schema, caption, source_id, properties, hash)
      select ${list}, t.id, ${version}, null, t.listed, t.owner_id, t.schema, t.caption, t.source_id, t.properties, t.hash
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => (r.listed ? 1 : 0))}::int[], ${rows.map((r) => r.ownerId)}::text[],
        ${rows.map((r) => r.schema)}::text[], ${rows.map((r) => r.caption)}::text[], ${rows.map((r) => r.sourceId)}::text[],
        ${rows.map((r) => JSON.stringify(r.properties))}::text[], ${rows.map((r) => r.hash)}::text[])
      as t(id, listed, owner_id, schema, caption, source_id, properties, hash) returning 1
    ), names as (
      insert into watchlist_names (list, entity_id, first_version, name)
      select ${list}, t.id, ${version}, t.name from unnest(${nameIds}::text[], ${names}::text[]) as t(id, name) returning 1
    ), links as (
      insert into watchlist_links (list, entity_id, first_version, property, target_id)
      select ${list}, t.id, ${version}, t.property, t.target from unnest(${linkIds}::text[], ${linkProps}::text[], ${linkTargets}::text[])
      as t(id, property, target) returning 1
    ) select (select count(*) from closed) as closed, (select count(*) from entities) as entities,
      (select count(*) from names) as names, (select count(*) from links) as links`;
}

export function createPostgresWriter(trx: Transaction<PlatformTables>, list: string, firstVersion: boolean): BulkWriter {
  const write = async (closes: readonly RowKey[], rows: readonly PreparedEntity[], version: number, lastVersion = version - 1) => {
    if (closes.length || rows.length) await insertStatement(list, closes, rows, version, lastVersion).execute(trx);
  };
  return {
    async begin() {
      await sql`create temp table if not exists watchlist_seen (id text primary key) on commit drop`.execute(trx);
      await sql`truncate watchlist_seen`.execute(trx);
    },
    async seen(ids) {
      const fresh = new Set<string>();
      const current = new Map<string, CurrentRow>();
      if (!ids.length) return { fresh, current };
      if (firstVersion) {
        const res = await sql<{ id: string }>`insert into watchlist_seen (id) select unnest(${[...ids]}::text[]) on conflict do nothing returning id`.execute(
          trx,
        );
        for (const r of res.rows) fresh.add(r.id);
        return { fresh, current };
      }
      // The open row, if any, is the newest row of the id: found by the key index, newest first.
      const res = await sql<{ id: string; hash: string | null; first_version: number | null; last_version: number | null }>`with fresh as (
          insert into watchlist_seen (id) select unnest(${[...ids]}::text[]) on conflict do nothing returning id
        ) select f.id, e.hash, e.first_version, e.last_version from fresh f
          left join lateral (select hash, first_version, last_version from watchlist_entities
            where list = ${list} and id = f.id order by first_version desc limit 1) e on true`.execute(trx);
      for (const r of res.rows) {
        fresh.add(r.id);
        if (r.hash !== null && r.last_version === null) current.set(r.id, { hash: r.hash, firstVersion: r.first_version! });
      }
      return { fresh, current };
    },
    write,
    close: (keys, lastVersion) => write(keys, [], lastVersion + 1, lastVersion),
    insert: (rows, version) => write([], rows, version),
    async closeUnseen(version) {
      const res = await sql`update watchlist_entities e set last_version = ${version - 1}
        where e.list = ${list} and e.last_version is null and e.first_version < ${version}
          and not exists (select 1 from watchlist_seen s where s.id = e.id)`.execute(trx);
      return Number(res.numAffectedRows ?? 0);
    },
    async end() {
      await sql`drop table if exists watchlist_seen`.execute(trx);
    },
    dispose() {},
  };
}
