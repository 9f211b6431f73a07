// Screening against real lists: candidate and top-1 recall on listed people, alarms on 50,000 people who are not listed.
import { CandidateIndex, screen, type Model, type ScreeningQuery } from '../../src/core/match/index.js';
import { foldDiacritics, tokens } from '../../src/core/text/index.js';
import { bestOf, type PairScorer } from './baselines.js';
import { listedNames, type Listed } from './data.js';
import { recallAt } from './metrics.js';

/** A query with the entities that are truly it (empty for a negative). */
export interface Probe {
  query: ScreeningQuery;
  truth: ReadonlySet<string>;
  kind?: string;
}

export interface ProbeResult {
  n: number;
  /** Truth among the retrieved candidates. */
  candidateRecall: number;
  /** Truth ranked first. */
  top1: number;
  /** Truth ranked first and at or above the threshold. */
  recall: number;
  /** Queries with any match at or above the threshold, per 1,000 (what an analyst would have to review). */
  alarmsPer1000: number;
  /** Per query: the best score against any entity (what decides an alarm at any threshold). */
  best: number[];
  /** Per query: the best score when the best entity is a truth, else -1 (what decides recall at any threshold). */
  truthBest: number[];
}

/** A name's tokens without diacritics. */
export const foldedTokens = (s: string) => tokens(s).map((t) => foldDiacritics(t));

const key = (s: string) => foldedTokens(s).sort().join(' ');

/** Listed names by their sorted tokens: the truth for a positive is every entity that carries the query's exact name. */
export function nameTruth(entities: readonly Listed[]): (name: string) => Set<string> {
  const by = new Map<string, Set<string>>();
  for (const e of entities)
    for (const n of listedNames(e)) {
      const k = key(n);
      if (!by.has(k)) by.set(k, new Set());
      by.get(k)!.add(e.id);
    }
  return (name) => by.get(key(name)) ?? new Set();
}

export function runVigil(index: CandidateIndex, probes: readonly Probe[], model: Model, threshold: number, candidates = 50): ProbeResult {
  let cand = 0;
  const best: number[] = [];
  const truthBest: number[] = [];
  for (const p of probes) {
    // Prepared once for the search and the screen.
    const q = index.prepare(p.query);
    const found = index.search(q, { limit: candidates });
    if (found.some((c) => p.truth.has(c.entityId))) cand++;
    const r = screen(index, q, { model, threshold, candidates, best: true });
    best.push(r.best);
    truthBest.push(r.bestEntityId !== undefined && p.truth.has(r.bestEntityId) ? r.best : -1);
  }
  return summary(best, truthBest, threshold, cand / (probes.length || 1));
}

/** A baseline scans every listed name (it has no index): best entity by its score, then the same measures. */
export function runBaseline(entities: readonly Listed[], probes: readonly Probe[], scorer: PairScorer, threshold: number): ProbeResult {
  const names = entities.map((e) => ({ id: e.id, names: listedNames(e) }));
  const bests: number[] = [];
  const truthBest: number[] = [];
  for (const p of probes) {
    let best = -1;
    let bestId = '';
    for (const e of names) {
      const s = bestOf(scorer, p.query.name, e.names);
      if (s > best) {
        best = s;
        bestId = e.id;
      }
    }
    bests.push(best);
    truthBest.push(p.truth.has(bestId) ? best : -1);
  }
  return summary(bests, truthBest, threshold, NaN);
}

/** The measures at `threshold`, from each query's best score and its truth's score when ranked first (else -1). */
function summary(best: number[], truthBest: number[], threshold: number, candidateRecall: number): ProbeResult {
  const n = best.length || 1;
  return {
    n: best.length,
    candidateRecall,
    top1: truthBest.filter((s) => s >= 0).length / n,
    recall: recallAt(truthBest, threshold),
    alarmsPer1000: (1000 * best.filter((s) => s >= threshold).length) / n,
    best,
    truthBest,
  };
}
