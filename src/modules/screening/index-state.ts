// The per-process candidate index over the active list versions: built lazily, rebuilt when an active version changes.
import { CandidateIndex, DEFAULT_MODEL } from '../../core/match/index.js';
import type { AppContext } from '../../platform/context.js';
import { activeEntities, activeVersions } from '../watchlists/index.js';

export interface IndexStatus {
  built: boolean;
  builtAt: string | null;
  entities: number;
  names: number;
  tokens: number;
  bytes: number;
  lists: Array<{ list: string; version: number }>;
  weightsVersion: string;
  builds: number;
}

/** Facts of the indexed entities (properties and documents), for the entity side of alerts. */
export interface EntitySources {
  facts(entityId: string): Record<string, string[]>;
}

interface State {
  index: CandidateIndex | null;
  facts: Map<string, Record<string, string[]>>;
  versions: Record<string, number>;
  builtAt: string | null;
  builds: number;
  building: Promise<CandidateIndex> | null;
}

const states = new WeakMap<AppContext, State>();

function stateOf(ctx: AppContext): State {
  let s = states.get(ctx);
  if (!s) {
    s = { index: null, facts: new Map(), versions: {}, builtAt: null, builds: 0, building: null };
    states.set(ctx, s);
  }
  return s;
}

const sameVersions = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

async function build(ctx: AppContext, s: State): Promise<CandidateIndex> {
  const { versions, entities } = await activeEntities(ctx.db.kysely);
  // One indexed entry per entity id, with every list it is on.
  const byId = new Map<string, (typeof entities)[number] & { lists: string[] }>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (seen) seen.lists.push(e.list);
    else byId.set(e.id, { ...e, lists: [e.list] });
  }
  const index = CandidateIndex.build(byId.values());
  s.index = index;
  s.facts = new Map(
    [...byId.values()].map((e) => [
      e.id,
      { ...e.properties, ...(e.documents.length ? { documents: e.documents.map((d) => [d.type, d.number, d.country].filter(Boolean).join(' ')) } : {}) },
    ]),
  );
  s.versions = versions;
  s.builtAt = ctx.clock.now().toISOString();
  s.builds++;
  ctx.log.info({ entities: byId.size, lists: Object.keys(versions).length, bytes: index.stats().bytes }, 'screening index built');
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

/**
 * The index, built on first use; rebuilt when the active versions in the database differ from those it holds
 * (another process may have activated a version), so every process screens against the active lists.
 */
export async function currentIndex(ctx: AppContext): Promise<{ index: CandidateIndex; versions: Record<string, number>; sources: EntitySources }> {
  const s = stateOf(ctx);
  if (s.building) await s.building;
  const now = await activeVersions(ctx.db.kysely);
  if (!s.index || !sameVersions(now, s.versions)) await rebuildIndex(ctx);
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
  };
}
