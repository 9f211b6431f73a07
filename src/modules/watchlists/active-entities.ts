// Reads for screening: the listed entities of every active list version, with documents from their Passport/Identification auxiliaries.
import type { EntityData } from '../../core/model/types.js';
import type { Executor } from '../../platform/db/index.js';
import { validIn } from './store.js';
import { wl } from './tables.js';

/** A document of a listed entity, read from an auxiliary Passport or Identification. */
export interface ActiveDocument {
  type?: string;
  number: string;
  country?: string;
}

/** A listed entity of an active version, with its documents and the list it is on. */
export interface ActiveEntity extends EntityData {
  list: string;
  documents: ActiveDocument[];
}

const DOC_SCHEMATA = ['Passport', 'Identification'];

/** Lists with an active version: name → active version. */
export async function activeVersions(exec: Executor): Promise<Record<string, number>> {
  const rows = await wl(exec)
    .selectFrom('watchlist_lists')
    .select(['name', 'active_version'])
    .where('active_version', 'is not', null)
    .orderBy('name')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.active_version)]));
}

function documentOf(schema: string, props: Record<string, string[]>): ActiveDocument | null {
  const number = props.number?.[0];
  if (!number) return null;
  const type = props.type?.[0] ?? (schema === 'Passport' ? 'passport' : 'id');
  const country = props.country?.[0];
  return { type, number, ...(country ? { country } : {}) };
}

async function entitiesOf(exec: Executor, list: string, version: number, ids?: readonly string[]): Promise<ActiveEntity[]> {
  const t = wl(exec);
  const out: ActiveEntity[] = [];
  const chunks = ids ? Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, i * 500 + 500)) : [undefined];
  for (const chunk of chunks) {
    if (chunk && !chunk.length) continue;
    let listed = t
      .selectFrom('watchlist_entities')
      .select(['id', 'schema', 'properties'])
      .where('list', '=', list)
      .where('listed', '=', 1)
      .where(validIn(version));
    let aux = t
      .selectFrom('watchlist_entities')
      .select(['owner_id', 'schema', 'properties'])
      .where('list', '=', list)
      .where('listed', '=', 0)
      .where('schema', 'in', DOC_SCHEMATA)
      .where(validIn(version));
    if (chunk) {
      listed = listed.where('id', 'in', chunk);
      aux = aux.where('owner_id', 'in', chunk);
    }
    const docs = new Map<string, ActiveDocument[]>();
    for (const a of await aux.execute()) {
      const d = a.owner_id ? documentOf(a.schema, JSON.parse(a.properties) as Record<string, string[]>) : null;
      if (d) docs.set(a.owner_id!, [...(docs.get(a.owner_id!) ?? []), d]);
    }
    for (const r of await listed.orderBy('id').execute())
      out.push({ id: r.id, schema: r.schema, properties: JSON.parse(r.properties) as Record<string, string[]>, list, documents: docs.get(r.id) ?? [] });
  }
  return out;
}

/** Every listed entity of every active version (one entry per list it is on). */
export async function activeEntities(exec: Executor): Promise<{ versions: Record<string, number>; entities: ActiveEntity[] }> {
  const versions = await activeVersions(exec);
  const entities: ActiveEntity[] = [];
  for (const [list, version] of Object.entries(versions)) entities.push(...(await entitiesOf(exec, list, version)));
  return { versions, entities };
}

/** The listed entities of `list` in version `version` among `ids` (those still listed there). */
export async function entitiesIn(exec: Executor, list: string, version: number, ids: readonly string[]): Promise<ActiveEntity[]> {
  return entitiesOf(exec, list, version, ids);
}

/**
 * Ids of the listed entities of `list` that differ between versions `from` and `to` (null: no earlier version):
 * added, changed (their row or one of their auxiliaries), or removed.
 */
export async function changedEntities(exec: Executor, list: string, from: number | null, to: number): Promise<string[]> {
  const t = wl(exec);
  const ids = new Set<string>();
  const lo = Math.min(from ?? 0, to);
  const hi = Math.max(from ?? 0, to);
  // A row opened or closed between the two versions differs between them.
  const rows = await t
    .selectFrom('watchlist_entities')
    .select(['id', 'owner_id', 'listed'])
    .where('list', '=', list)
    .where((eb) =>
      eb.or([eb.and([eb('first_version', '>', lo), eb('first_version', '<=', hi)]), eb.and([eb('last_version', '>=', lo), eb('last_version', '<', hi)])]),
    )
    .execute();
  for (const r of rows) {
    if (r.listed) ids.add(r.id);
    else if (r.owner_id) ids.add(r.owner_id);
  }
  return [...ids].sort();
}

/** Whether `list` has a version `version` (an event names a version of this database). */
export async function hasVersion(exec: Executor, list: string, version: number): Promise<boolean> {
  const r = await wl(exec).selectFrom('watchlist_versions').select('version').where('list', '=', list).where('version', '=', version).executeTakeFirst();
  return !!r;
}
