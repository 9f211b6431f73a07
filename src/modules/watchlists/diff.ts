// Differences between two versions of a list, over listed entities; a change of an auxiliary counts as a change of its owner.
import type { Selectable } from 'kysely';
import { invalid } from '../../platform/errors.js';
import { resolveVersion, validIn, type ListSummary } from './store.js';
import type { EntityRow, WlExecutor } from './tables.js';

export interface EntityRef {
  id: string;
  schema: string;
  caption: string;
}

export interface DiffResult {
  list: string;
  from: number;
  to: number;
  added: EntityRef[];
  removed: EntityRef[];
  changed: (EntityRef & { properties: string[] })[];
}

type Row = Pick<Selectable<EntityRow>, 'id' | 'listed' | 'owner_id' | 'schema' | 'caption' | 'properties'>;
const COLUMNS = ['id', 'listed', 'owner_id', 'schema', 'caption', 'properties'] as const;

/** Rows valid in `v` but not in `other` (a range over first_version or last_version, so only changed rows are read). */
async function onlyIn(exec: WlExecutor, list: string, v: number, other: number): Promise<Map<string, Row>> {
  if (v === other || v === 0) return new Map();
  let q = exec.selectFrom('watchlist_entities').select(COLUMNS).where('list', '=', list);
  q =
    other < v
      ? q.where('first_version', '>', other).where(validIn(v))
      : q.where('first_version', '<=', v).where('last_version', '>=', v).where('last_version', '<', other);
  return new Map((await q.execute()).map((r) => [r.id, r]));
}

const ref = (r: Row): EntityRef => ({ id: r.id, schema: r.schema, caption: r.caption });
/** `Address` → `address`, `UnknownLink` → `unknownLink`: how an auxiliary's properties are named in a diff. */
export const auxName = (schema: string) => schema.charAt(0).toLowerCase() + schema.slice(1);

/** Names of the properties whose value sets differ (and `schema` when the schema changed). */
export function changedProperties(a: { schema: string; properties: string }, b: { schema: string; properties: string }, prefix = ''): string[] {
  const pa = JSON.parse(a.properties) as Record<string, string[]>;
  const pb = JSON.parse(b.properties) as Record<string, string[]>;
  const out = a.schema !== b.schema ? [`${prefix}schema`] : [];
  for (const key of [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()) {
    const sa = new Set(pa[key] ?? []);
    const sb = new Set(pb[key] ?? []);
    if (sa.size !== sb.size || [...sa].some((x) => !sb.has(x))) out.push(`${prefix}${key}`);
  }
  return out;
}

export async function diffVersions(exec: WlExecutor, list: ListSummary, from?: string | number, to?: string | number): Promise<DiffResult> {
  const toV = resolveVersion(list, to);
  const fromV = from === undefined ? toV - 1 : from === 0 || from === '0' ? 0 : resolveVersion(list, from);
  if (fromV < 0) throw invalid('from', 'must be a version number');
  const plus = await onlyIn(exec, list.name, toV, fromV);
  const minus = await onlyIn(exec, list.name, fromV, toV);

  const added: EntityRef[] = [];
  const removed: EntityRef[] = [];
  const changed = new Map<string, EntityRef & { properties: string[] }>();
  for (const [id, r] of plus) {
    if (r.listed !== 1) continue;
    const old = minus.get(id);
    if (old?.listed !== 1) added.push(ref(r));
    else {
      // Different rows with the same content (changed, then changed back) are no change.
      const properties = changedProperties(old, r);
      if (properties.length) changed.set(id, { ...ref(r), properties });
    }
  }
  for (const [id, r] of minus) if (r.listed === 1 && plus.get(id)?.listed !== 1) removed.push(ref(r));

  // Auxiliaries (sanctions, addresses, documents…) added, removed or changed, reported on their owner.
  const gone = new Set([...added, ...removed].map((r) => r.id));
  const auxChanges = new Map<string, Set<string>>();
  const note = (owner: string | null, names: string[]) => {
    if (!owner || gone.has(owner) || !names.length) return;
    const set = auxChanges.get(owner) ?? new Set<string>();
    for (const n of names) set.add(n);
    auxChanges.set(owner, set);
  };
  for (const [id, r] of plus) {
    if (r.listed === 1) continue;
    const old = minus.get(id);
    if (old && old.listed !== 1) {
      note(r.owner_id, changedProperties(old, r, `${auxName(r.schema)}.`));
      if (old.owner_id !== r.owner_id) note(old.owner_id, [auxName(old.schema)]);
    } else note(r.owner_id, [auxName(r.schema)]);
  }
  for (const [id, r] of minus) if (r.listed !== 1 && (!plus.has(id) || plus.get(id)!.listed === 1)) note(r.owner_id, [auxName(r.schema)]);

  const unseen = [...auxChanges.keys()].filter((id) => !changed.has(id));
  for (let i = 0; i < unseen.length; i += 500) {
    const owners = await exec
      .selectFrom('watchlist_entities')
      .select(COLUMNS)
      .where('list', '=', list.name)
      .where('id', 'in', unseen.slice(i, i + 500))
      .where('listed', '=', 1)
      .where(validIn(toV))
      .execute();
    // An owner listed only on one side was reported as added or removed, so these are listed on both.
    for (const o of owners) changed.set(o.id, { ...ref(o), properties: [] });
  }
  for (const [owner, names] of auxChanges) {
    const entry = changed.get(owner);
    if (entry) entry.properties = [...new Set([...entry.properties, ...[...names].sort()])];
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { list: list.name, from: fromV, to: toV, added: added.sort(byId), removed: removed.sort(byId), changed: [...changed.values()].sort(byId) };
}
