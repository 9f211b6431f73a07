// Screening one query against an index: retrieve candidates, score each, keep those at or above their threshold, best first.
import { queryCache } from './align.js';
import type { CandidateIndex } from './candidates.js';
import { explanationOf, type ExplanationItem } from './explain.js';
import { scoreSubjects, thresholdFor, type MatchOptions } from './scorer.js';
import type { MatchEntity, ScreeningQuery, Subject } from './subject.js';
import { DEFAULT_MODEL } from './weights.js';

export const MIN_SHARE = 0.3;

export interface ScreenOptions extends Omit<MatchOptions, 'lexicon' | 'cache' | 'lists'> {
  /** Candidates retrieved and scored (default 50). */
  candidates?: number;
  /** Report matches from this score on instead of each candidate's threshold (`--min-score`). */
  minScore?: number;
  /** Candidates whose retrieval found less than this share of the query's name information are not scored (default 0.3). */
  minShare?: number;
  /** Compare every pair of name forms of every candidate in full (the reference for the pruned default; same results). */
  exhaustive?: boolean;
  /**
   * Also find the best candidate below the floor (`best`, `bestEntityId`), as evaluations need it (top-1 accuracy).
   * Costs time: a candidate is then scored until proven below the best so far, not only until proven below the floor.
   */
  best?: boolean;
}

export interface ScreenMatch {
  entityId: string;
  caption: string;
  schema: string;
  lists: readonly string[];
  score: number;
  threshold: number;
  explanation: ExplanationItem[];
}

export interface ScreenResult {
  matches: ScreenMatch[];
  retrieved: number;
  /** Candidates scored (those retrieved with enough of the query's name information). */
  scored: number;
  /** Best score among all scored candidates with the `best` option, else among the matches (0 when none). */
  best: number;
  bestEntityId: string | undefined;
  weightsVersion: string;
}

/** Screens a query: every candidate the index retrieves is scored; those reaching their threshold are explained. */
export function screen(index: CandidateIndex, query: ScreeningQuery | MatchEntity | Subject, opts: ScreenOptions = {}): ScreenResult {
  const m = opts.model ?? DEFAULT_MODEL;
  const q = 'names' in query ? query : index.prepare(query);
  const candidates = index.search(q, { limit: opts.candidates ?? 50 });
  const cache = queryCache(index.similarities, q.names);
  const matches: ScreenMatch[] = [];
  let best = 0;
  let scored = 0;
  let bestEntityId: string | undefined;
  const minShare = opts.minShare ?? MIN_SHARE;
  const keepBest = opts.best === true;
  // The threshold depends on the candidate's lists only when thresholds are configured per list.
  const perList = !(opts.threshold !== undefined && Number.isFinite(opts.threshold)) && opts.config?.lists !== undefined;
  const common = perList ? NaN : thresholdFor(opts, m);
  let lastLists: readonly string[] | undefined;
  let lastThreshold = NaN;
  for (const c of candidates) {
    // A candidate holding under this share of the query's name information cannot be a match: not scored.
    if (c.share < minShare) continue;
    scored++;
    if (perList && c.lists !== lastLists) {
      lastLists = c.lists;
      lastThreshold = thresholdFor({ ...opts, lists: c.lists }, m);
    }
    const threshold = perList ? lastThreshold : common;
    const floor = opts.minScore ?? threshold;
    // A candidate proven below the floor (and, with `best`, below the best score so far) changes nothing: its names are
    // not all aligned.
    const s = scoreSubjects(q, c.subject, index.lexicon, m, cache, keepBest ? Math.min(floor, best) : floor, opts.exhaustive);
    if (!s) continue;
    if (s.score > best && (keepBest || s.score >= floor)) {
      best = s.score;
      bestEntityId = c.entityId;
    }
    if (s.score < floor) continue;
    matches.push({
      entityId: c.entityId,
      caption: c.subject.caption,
      schema: c.subject.schema,
      lists: c.lists,
      score: s.score,
      threshold,
      explanation: explanationOf(q, c.subject, s, m, index.lexicon),
    });
  }
  matches.sort((a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : 1));
  return { matches, retrieved: candidates.length, scored, best, bestEntityId, weightsVersion: m.weights.version };
}
