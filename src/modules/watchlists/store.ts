// Reads of lists and versions: summaries, version resolution, per-version counts, and the validity predicate.
import { sql, type ExpressionBuilder } from 'kysely';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { Tables, WlExecutor } from './tables.js';

export const LIST_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function assertListName(name: string): void {
  if (!LIST_NAME.test(name)) throw invalid('list', `"${name.slice(0, 80)}" is not a list name: lower-case letters, digits, - and _, at most 64`);
}

export interface VersionInfo {
  version: number;
  importedAt: string;
  sha256: string;
  files: string[];
  counts: Record<string, number>;
  total: number;
  auxiliaries: number;
  active: boolean;
  importedBy: string | null;
  format: string;
}

export interface ListSummary {
  name: string;
  title: string;
  format: string;
  activeVersion: number | null;
  updatedAt: string | null;
  versions: VersionInfo[];
}

/** Rows valid in version `v`: first_version <= v and (last_version is null or last_version >= v). */
export const validIn = (v: number) => (eb: ExpressionBuilder<Tables, 'watchlist_entities'>) =>
  eb.and([
    eb('watchlist_entities.first_version', '<=', v),
    eb.or([eb('watchlist_entities.last_version', 'is', null), eb('watchlist_entities.last_version', '>=', v)]),
  ]);

export async function listSummaries(exec: WlExecutor, name?: string): Promise<ListSummary[]> {
  let lists = exec.selectFrom('watchlist_lists').selectAll().orderBy('name');
  let versions = exec.selectFrom('watchlist_versions').selectAll().orderBy('list').orderBy('version', 'desc');
  if (name !== undefined) {
    lists = lists.where('name', '=', name);
    versions = versions.where('list', '=', name);
  }
  const byList = new Map<string, VersionInfo[]>();
  const listRows = await lists.execute();
  const active = new Map(listRows.map((l) => [l.name, l.active_version]));
  for (const v of await versions.execute()) {
    const info: VersionInfo = {
      version: v.version,
      importedAt: v.imported_at,
      sha256: v.sha256,
      files: JSON.parse(v.files) as string[],
      counts: JSON.parse(v.counts) as Record<string, number>,
      total: v.total,
      auxiliaries: v.auxiliaries,
      active: active.get(v.list) === v.version,
      importedBy: v.imported_by,
      format: v.format,
    };
    byList.set(v.list, [...(byList.get(v.list) ?? []), info]);
  }
  return listRows.map((l) => ({
    name: l.name,
    title: l.title,
    format: l.format,
    activeVersion: l.active_version,
    updatedAt: l.updated_at,
    versions: byList.get(l.name) ?? [],
  }));
}

export async function getList(exec: WlExecutor, name: string): Promise<ListSummary> {
  const [found] = await listSummaries(exec, name);
  if (!found) throw notFound('list', name);
  return found;
}

/** A version given as a number or `active` (the default); the list's active version, else its latest. */
export function resolveVersion(list: ListSummary, given?: string | number): number {
  if (given === undefined || given === 'active') {
    const v = list.activeVersion ?? list.versions[0]?.version;
    if (v === undefined) throw new AppError('not-found', `list ${list.name} has no version yet`);
    return v;
  }
  const n = typeof given === 'number' ? given : /^\d{1,9}$/.test(given) ? Number(given) : NaN;
  if (!Number.isInteger(n)) throw invalid('version', `"${String(given).slice(0, 40)}" is not a version number or "active"`);
  if (!list.versions.some((v) => v.version === n)) throw notFound(`version ${n} of list`, list.name);
  return n;
}

/** Counts of the rows open now (the latest version): listed entities by schema, and auxiliaries. */
export async function countVersion(exec: WlExecutor, list: string): Promise<{ counts: Record<string, number>; total: number; auxiliaries: number }> {
  const rows = await exec
    .selectFrom('watchlist_entities')
    .select(['schema', 'listed', sql<number>`count(*)`.as('n')])
    .where('list', '=', list)
    .where('last_version', 'is', null)
    .groupBy(['schema', 'listed'])
    .orderBy('schema')
    .execute();
  const counts: Record<string, number> = {};
  let total = 0;
  let auxiliaries = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.listed === 1) {
      counts[r.schema] = n;
      total += n;
    } else auxiliaries += n;
  }
  return { counts, total, auxiliaries };
}

/**
 * Gives auxiliaries of version `version` that came without an owner (e.g. an FtM Address only a Person's addressEntity
 * names) the listed entity linking to them, so they show on its page and count in its diffs.
 */
export async function adoptOrphans(exec: WlExecutor, list: string, version: number): Promise<void> {
  await sql`update watchlist_entities set owner_id = (
      select min(l.entity_id) from watchlist_links l
      join watchlist_entities o on o.list = l.list and o.id = l.entity_id and o.first_version = l.first_version
      where l.list = ${list} and l.target_id = watchlist_entities.id and o.listed = 1 and o.last_version is null)
    where list = ${list} and first_version = ${version} and listed = 0 and owner_id is null`.execute(exec);
}
