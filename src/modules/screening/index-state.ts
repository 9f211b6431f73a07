// The per-process candidate index over the active list versions: built lazily, updated with each version's changes.
import { CandidateIndex, DEFAULT_MODEL } from '../../core/match/index.js';
import type { AppContext } from '../../platform/context.js';
import { activeEntities, activeVersions, changedEntities, entitiesIn, type ActiveEntity } from '../watchlists/index.js';

export interface IndexStatus {
  built: boolean;
  builtAt: string | null;
  entities: number;
  names: number;
  tokens: number;
  /** Approximate bytes held by the index (postings, vocabulary, prepared names, scratch space). */
  bytes: number;
  lists: Array<{ list: string; version: number }>;
  weightsVersion: string;
  builds: number;
  /** Incremental updates applied since the last full build. */
  updates: number;
}

/** Facts of the indexed entities (properties and documents), for the entity side of alerts. */
export interface EntitySources {
  facts(entityId: string): Record<string, string[]>;
}

interface State {
  index: CandidateIndex | null;
  facts: Map<string, Record<string, string[]>>;
  /** Per entity id, its record on each active list it is on. */
  records: Map<string, Map<string, ActiveEntity>>;
  versions: Record<string, number>;
  builtAt: string | null;
  builds: number;
  updates: number;
  building: Promise<CandidateIndex> | null;
}

/** A version change touching more than this share of the indexed entities is applied by a full rebuild (faster then). */
const REBUILD_SHARE = 0.5;

const states = new WeakMap<AppContext, State>();

function stateOf(ctx: AppContext): State {
  let s = states.get(ctx);
  if (!s) {
    s = { index: null, facts: new Map(), records: new Map(), versions: {}, builtAt: null, builds: 0, updates: 0, building: null };
    states.set(ctx, s);
  }
  return s;
}

const sameVersions = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

const factsOf = (e: ActiveEntity): Record<string, string[]> => ({
  ...e.properties,
  ...(e.documents.length ? { documents: e.documents.map((d) => [d.type, d.number, d.country].filter(Boolean).join(' ')) } : {}),
});

/** One indexed entry of an entity: its record on the first active list it is on (in list order), with every list. */
function merged(byList: Map<string, ActiveEntity>, versions: Record<string, number>): (ActiveEntity & { lists: string[] }) | null {
  const lists = Object.keys(versions).filter((l) => byList.has(l));
  return lists.length ? { ...byList.get(lists[0]!)!, lists } : null;
}

async function build(ctx: AppContext, s: State): Promise<CandidateIndex> {
  const { versions, entities } = await activeEntities(ctx.db.kysely);
  const records = new Map<string, Map<string, ActiveEntity>>();
  for (const e of entities) {
    let byList = records.get(e.id);
    if (!byList) records.set(e.id, (byList = new Map()));
    byList.set(e.list, e);
  }
  const all = [...records.values()].map((r) => merged(r, versions)!);
  const index = CandidateIndex.build(all);
  s.index = index;
  s.records = records;
  s.facts = new Map(all.map((e) => [e.id, factsOf(e)]));
  s.versions = versions;
  s.builtAt = ctx.clock.now().toISOString();
  s.builds++;
  s.updates = 0;
  ctx.log.info({ entities: records.size, lists: Object.keys(versions).length, bytes: index.stats().bytes }, 'screening index built');
  return index;
}

/**
 * Applies the differences between the held versions and the active ones: for each list whose version changed, the
 * entities added, changed or removed between the two versions (a list no longer active: all of its entities). Falls
 * back to a full build when most of the index changes.
 */
async function update(ctx: AppContext, s: State, versions: Record<string, number>): Promise<CandidateIndex> {
  const index = s.index!;
  const db = ctx.db.kysely;
  const touched = new Set<string>();
  const pending: Array<{ list: string; ids: string[]; fresh: Map<string, ActiveEntity> }> = [];
  for (const list of new Set([...Object.keys(s.versions), ...Object.keys(versions)])) {
    const from = s.versions[list];
    const to = versions[list];
    if (from === to) continue;
    if (to === undefined) {
      for (const [id, byList] of s.records) if (byList.has(list)) touched.add(id);
      pending.push({ list, ids: [], fresh: new Map() });
      continue;
    }
    const ids = await changedEntities(db, list, from ?? null, to);
    if (touched.size + ids.length > REBUILD_SHARE * Math.max(1, index.size)) return build(ctx, s);
    const fresh = new Map((await entitiesIn(db, list, to, ids)).map((e) => [e.id, e]));
    for (const id of ids) touched.add(id);
    pending.push({ list, ids, fresh });
  }
  for (const { list, ids, fresh } of pending) {
    if (!(list in versions)) {
      for (const byList of s.records.values()) byList.delete(list);
      continue;
    }
    for (const id of ids) {
      const e = fresh.get(id);
      let byList = s.records.get(id);
      if (e) {
        if (!byList) s.records.set(id, (byList = new Map()));
        byList.set(list, e);
      } else byList?.delete(list);
    }
  }
  const upsert: Array<ActiveEntity & { lists: string[] }> = [];
  const remove: string[] = [];
  for (const id of touched) {
    const byList = s.records.get(id);
    const e = byList ? merged(byList, versions) : null;
    if (e) {
      upsert.push(e);
      s.facts.set(id, factsOf(e));
    } else {
      remove.push(id);
      s.records.delete(id);
      s.facts.delete(id);
    }
  }
  const counts = index.update({ upsert, remove });
  s.versions = versions;
  s.builtAt = ctx.clock.now().toISOString();
  s.updates++;
  ctx.log.info({ ...counts, lists: Object.keys(versions).length, bytes: index.stats().bytes }, 'screening index updated');
  return index;
}

/** Rebuilds the index (once at a time; concurrent callers share the build). */
export function rebuildIndex(ctx: AppContext): Promise<CandidateIndex> {
  const s = stateOf(ctx);
  if (!s.building)
    s.building = build(ctx, s).finally(() => {
      s.building = null;
    });
  return s.building;
}

/** Brings the index to the active versions: their changes applied to the held index (a full build on first use). */
function refreshIndex(ctx: AppContext, versions: Record<string, number>): Promise<CandidateIndex> {
  const s = stateOf(ctx);
  if (!s.index) return rebuildIndex(ctx);
  if (!s.building)
    s.building = update(ctx, s, versions)
      .catch((err: unknown) => {
        ctx.log.warn({ err }, 'screening index update failed; rebuilding');
        return build(ctx, s);
      })
      .finally(() => {
        s.building = null;
      });
  return s.building;
}

/**
 * The index, built on first use; updated when the active versions in the database differ from those it holds
 * (another process may have activated a version), so every process screens against the active lists.
 */
export async function currentIndex(ctx: AppContext): Promise<{ index: CandidateIndex; versions: Record<string, number>; sources: EntitySources }> {
  const s = stateOf(ctx);
  if (s.building) await s.building;
  const now = await activeVersions(ctx.db.kysely);
  if (!s.index || !sameVersions(now, s.versions)) await refreshIndex(ctx, now);
  const facts = s.facts;
  return { index: s.index!, versions: { ...s.versions }, sources: { facts: (id) => facts.get(id) ?? {} } };
}

export function indexStatus(ctx: AppContext): IndexStatus {
  const s = stateOf(ctx);
  const st = s.index?.stats();
  return {
    built: !!s.index,
    builtAt: s.builtAt,
    entities: st?.entities ?? 0,
    names: st?.names ?? 0,
    tokens: st?.tokens ?? 0,
    bytes: st?.bytes ?? 0,
    lists: Object.entries(s.versions).map(([list, version]) => ({ list, version })),
    weightsVersion: DEFAULT_MODEL.weights.version,
    builds: s.builds,
    updates: s.updates,
  };
}
