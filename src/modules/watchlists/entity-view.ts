// One entity as the entity page shows it: its properties, the lists holding it, its auxiliaries and related entities.
import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import { notFound } from '../../platform/errors.js';
import { validIn } from './store.js';
import { wl, type EntityRow, type WlExecutor } from './tables.js';
import type { EntityRef } from './diff.js';

export interface EntityData {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
}

export interface EntityView {
  entity: EntityData;
  /** The list and version the entity is shown from. */
  list: string;
  version: number;
  lists: { name: string; title: string; firstVersion: number; lastVersion: number | null; inActiveVersion: boolean }[];
  auxiliaries: EntityData[];
  related: (EntityRef & { property: string; direction: 'out' | 'in' })[];
}

const MAX_RELATED = 500;
type Row = Selectable<EntityRow>;
const data = (r: Row): EntityData => ({ id: r.id, schema: r.schema, caption: r.caption, properties: JSON.parse(r.properties) as Record<string, string[]> });
const isValid = (r: Row, v: number | null) => v !== null && r.first_version <= v && (r.last_version === null || r.last_version >= v);

export async function entityView(exec: WlExecutor, id: string, listName?: string): Promise<EntityView> {
  // By (list, id): every list is asked through the key index (lists are few).
  const listNames = listName ? [listName] : (await exec.selectFrom('watchlist_lists').select('name').execute()).map((l) => l.name);
  const rows = listNames.length
    ? await exec
        .selectFrom('watchlist_entities')
        .selectAll()
        .where('list', 'in', listNames)
        .where('id', '=', id)
        .orderBy('list')
        .orderBy('first_version', 'desc')
        .execute()
    : [];
  if (!rows.length) throw notFound('entity', listName ? `${id} in list ${listName}` : id);
  const names = [...new Set(rows.map((r) => r.list))];
  const meta = new Map(
    (await exec.selectFrom('watchlist_lists').select(['name', 'title', 'active_version']).where('name', 'in', names).execute()).map((l) => [l.name, l]),
  );
  const activeOf = (list: string) => meta.get(list)?.active_version ?? null;
  const lists = names.map((name) => {
    const mine = rows.filter((r) => r.list === name);
    return {
      name,
      title: meta.get(name)?.title ?? name,
      firstVersion: Math.min(...mine.map((r) => r.first_version)),
      lastVersion: mine.some((r) => r.last_version === null) ? null : Math.max(...mine.map((r) => r.last_version!)),
      inActiveVersion: mine.some((r) => isValid(r, activeOf(r.list))),
    };
  });
  // Shown: a listed row valid in its list's active version, else any such row, else the newest row.
  const row =
    rows.find((r) => r.listed === 1 && isValid(r, activeOf(r.list))) ??
    rows.find((r) => isValid(r, activeOf(r.list))) ??
    [...rows].sort((a, b) => b.first_version - a.first_version)[0]!;
  const version = isValid(row, activeOf(row.list)) ? activeOf(row.list)! : (row.last_version ?? row.first_version);
  const inList = () =>
    exec.selectFrom('watchlist_entities').selectAll('watchlist_entities').where('watchlist_entities.list', '=', row.list).where(validIn(version));
  const auxiliaries = await inList().where('owner_id', '=', id).orderBy('schema').orderBy('id').execute();
  const own = new Set([id, ...auxiliaries.map((a) => a.id)]);

  const related: EntityView['related'] = [];
  const sources = [row, ...auxiliaries];
  const out = await exec
    .selectFrom('watchlist_links')
    .select(['property', 'target_id'])
    .where('list', '=', row.list)
    .where((eb) => eb.or(sources.map((s) => eb.and([eb('entity_id', '=', s.id), eb('first_version', '=', s.first_version)]))))
    .limit(MAX_RELATED)
    .execute();
  const wanted = out.filter((l) => !own.has(l.target_id));
  const refs = new Map<string, Row>();
  const targets = [...new Set(wanted.map((l) => l.target_id))];
  for (let i = 0; i < targets.length; i += 500)
    for (const r of await inList()
      .where('id', 'in', targets.slice(i, i + 500))
      .execute())
      refs.set(r.id, r);
  for (const l of wanted) {
    const r = refs.get(l.target_id);
    if (r) related.push({ id: r.id, schema: r.schema, caption: r.caption, property: l.property, direction: 'out' });
  }
  const incoming = await inList()
    .innerJoin('watchlist_links as l', (j) =>
      j
        .onRef('l.list', '=', 'watchlist_entities.list')
        .onRef('l.entity_id', '=', 'watchlist_entities.id')
        .onRef('l.first_version', '=', 'watchlist_entities.first_version'),
    )
    .select(['l.property as link_property'])
    .where('l.list', '=', row.list)
    .where('l.target_id', '=', id)
    .limit(MAX_RELATED)
    .execute();
  const owners = new Map<string, Row>();
  const ownerIds = [...new Set(incoming.filter((r) => r.listed !== 1 && r.owner_id && !own.has(r.owner_id)).map((r) => r.owner_id!))];
  for (let i = 0; i < ownerIds.length; i += 500)
    for (const r of await inList()
      .where('id', 'in', ownerIds.slice(i, i + 500))
      .execute())
      owners.set(r.id, r);
  for (const r of incoming) {
    if (own.has(r.id)) continue;
    // A link held by an auxiliary (e.g. a Family record) relates its owner.
    const from = r.listed === 1 ? r : r.owner_id ? owners.get(r.owner_id) : undefined;
    if (from && !own.has(from.id)) related.push({ id: from.id, schema: from.schema, caption: from.caption, property: r.link_property, direction: 'in' });
  }
  const seen = new Set<string>();
  const unique = related.filter((r) => {
    const key = `${r.direction}\u0000${r.property}\u0000${r.id}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { entity: data(row), list: row.list, version, lists, auxiliaries: auxiliaries.map(data), related: unique.slice(0, MAX_RELATED) };
}

/** Reads an entity for a person and records the view (entity.view, ids only). */
export async function viewEntity(
  ctx: AppContext,
  id: string,
  listName: string | undefined,
  by: { actor: Actor; requestId?: string | undefined },
): Promise<EntityView> {
  const view = await entityView(wl(ctx.db.kysely), id, listName);
  await ctx.audit.record(ctx.db.kysely, {
    action: 'entity.view',
    actor: by.actor,
    target: { type: 'entity', id: view.entity.id },
    ...(by.requestId ? { requestId: by.requestId } : {}),
    details: { list: view.list, version: view.version },
  });
  return view;
}
