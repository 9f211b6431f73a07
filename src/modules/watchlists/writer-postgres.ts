// Bulk writer for PostgreSQL: two statements per batch (arrays through unnest, data-modifying CTEs), inside the import's transaction.
import { sql, type Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.js';
import type { BulkWriter, CurrentRow, PreparedEntity } from './writer.js';

function insertStatement(list: string, closes: readonly string[], rows: readonly PreparedEntity[], version: number) {
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
      update watchlist_entities set last_version = ${version - 1}
      where list = ${list} and id = any(${[...closes]}::text[]) and last_version is null returning 1
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

export function createPostgresWriter(trx: Transaction<PlatformTables>, list: string): BulkWriter {
  const write = async (closes: readonly string[], rows: readonly PreparedEntity[], version: number) => {
    if (closes.length || rows.length) await insertStatement(list, closes, rows, version).execute(trx);
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
      const res = await sql<{ id: string; hash: string | null; first_version: number | null }>`with fresh as (
          insert into watchlist_seen (id) select unnest(${[...ids]}::text[]) on conflict do nothing returning id
        ) select f.id, e.hash, e.first_version from fresh f
          left join watchlist_entities e on e.list = ${list} and e.id = f.id and e.last_version is null`.execute(trx);
      for (const r of res.rows) {
        fresh.add(r.id);
        if (r.hash !== null) current.set(r.id, { hash: r.hash, firstVersion: r.first_version! });
      }
      return { fresh, current };
    },
    write,
    close: (ids, lastVersion) => write(ids, [], lastVersion + 1),
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
