// The score of a candidate for a query: features → logistic model → [0, 1], with thresholds per use and per list.
import { model } from '../model/index.js';
import type { SimCache } from './align.js';
import { compareEvidence, evidenceValues, type Evidence } from './evidence.js';
import { FEATURES, NAME_FEATURE_COUNT } from './feature-list.js';
import { bestNameComparison, boundRating, type NameComparison } from './features.js';
import { Lexicon } from './lexicon.js';
import type { NameForm } from './names.js';
import { prepareSubject, type MatchEntity, type ScreeningQuery, type Subject } from './subject.js';
import { DEFAULT_MODEL, nameLogit, type Model } from './weights.js';
import { explanationOf, type ExplanationItem } from './explain.js';

/** Thresholds chosen by whoever runs the screening: per use (border, finance) and per list; they override the model's. */
export interface MatchConfig {
  uses?: Readonly<Record<string, number>>;
  lists?: Readonly<Record<string, number>>;
}

export interface MatchOptions {
  /** The use the threshold is for (`border`, `finance` …); the model's default threshold otherwise. */
  use?: string;
  /** The lists the candidate is on: the lowest threshold configured for any of them applies. */
  lists?: readonly string[];
  /** An explicit threshold, overriding every other. */
  threshold?: number;
  config?: MatchConfig;
  model?: Model;
  /** Token statistics (an index's lexicon): rare tokens then weigh more. */
  lexicon?: Lexicon;
  cache?: SimCache;
}

export interface MatchResult {
  score: number;
  match: boolean;
  threshold: number;
  /** The weights version that produced the score. */
  weightsVersion: string;
  explanation: ExplanationItem[];
}

/** The features of a pair and what they were computed from. */
export interface Scored {
  score: number;
  values: Float64Array;
  name: NameComparison | undefined;
  evidence: Array<{ feature: string; detail: string }>;
  schemaConflict: boolean;
}

/** True when entities of the two schemata can be the same thing (Person/Company never; LegalEntity with both). */
export function compatibleSchemas(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = model.getSchema(a);
  const sb = model.getSchema(b);
  if (!sa || !sb) return false;
  if (sa.isA(sb) || sb.isA(sa)) return true;
  return model.schemata().some((s) => !s.abstract && s.isA(sa) && s.isA(sb));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function formPrior(m: Model, q: NameForm, c: NameForm): number {
  const p = m.weights.priors;
  return (
    (q.source === 'weakAlias' || c.source === 'weakAlias' ? p.weakAlias : 0) + (q.source === 'previousName' || c.source === 'previousName' ? p.previousName : 0)
  );
}

/**
 * Scores two prepared subjects. With `floor`, a candidate whose score is proven below `floor` (without aligning all its
 * names) gives `null`; any other result is exactly what an exhaustive comparison gives. `exhaustive` compares every pair
 * of name forms in full (the reference the bounds are checked against).
 */
export function scoreSubjects(q: Subject, c: Subject, lex: Lexicon, m?: Model, cache?: SimCache): Scored;
export function scoreSubjects(q: Subject, c: Subject, lex: Lexicon, m: Model, cache: SimCache | undefined, floor: number, exhaustive?: boolean): Scored | null;
export function scoreSubjects(q: Subject, c: Subject, lex: Lexicon, m: Model = DEFAULT_MODEL, cache?: SimCache, floor = 0, exhaustive = false): Scored | null {
  if (!compatibleSchemas(q.schema, c.schema))
    return { score: 0, values: new Float64Array(FEATURES.length), name: undefined, evidence: [], schemaConflict: true };
  // Features go to scratch space first: a candidate proven below the floor needs no vector of its own.
  const values = scratchValues.fill(0);
  const organisation = q.style === 'organisation' && c.style === 'organisation';
  evidenceValues(q, c, values);
  let ez = 0;
  for (let i = NAME_FEATURE_COUNT; i < values.length; i++) ez += m.coef[i]! * values[i]!;
  // The name rating a pair needs for the score to reach `floor` (none when the floor is 0 or 1: nothing is pruned).
  const nameFloor = floor > 0 && floor < 1 ? Math.log(floor / (1 - floor)) - ez - 1e-9 : -Infinity;
  const r = ratersOf(m);
  const best = bestNameComparison(q.names, c.names, lex, r.rate, cache, organisation, exhaustive ? undefined : r.bound, nameFloor);
  if (best === null) return null;
  let z = best ? best.rating : -Infinity;
  for (let i = NAME_FEATURE_COUNT; i < values.length; i++) z += m.coef[i]! * values[i]!;
  return new ScoredPair(best ? sigmoid(z) : 0, best?.comparison, q, c);
}

/**
 * A scored pair; its feature vector and the lines of its evidence are made when read (an explanation is made for
 * matches only): the name features are the comparison's, the others the evidence's, as when it was scored.
 */
class ScoredPair implements Scored {
  readonly schemaConflict = false;
  private notes: Array<{ feature: string; detail: string }> | undefined;
  private vector: Float64Array | undefined;

  constructor(
    readonly score: number,
    readonly name: NameComparison | undefined,
    private readonly q: Evidence,
    private readonly c: Evidence,
  ) {}

  get values(): Float64Array {
    if (!this.vector) {
      const v = new Float64Array(FEATURES.length);
      evidenceValues(this.q, this.c, v);
      if (this.name) v.set(this.name.values);
      this.vector = v;
    }
    return this.vector;
  }

  get evidence(): Array<{ feature: string; detail: string }> {
    return (this.notes ??= compareEvidence(this.q, this.c, new Float64Array(FEATURES.length)));
  }
}

type Rate = (values: Float64Array, q: NameForm, c: NameForm) => number;
type Bound = (lo: Float64Array, hi: Float64Array, q: NameForm, c: NameForm) => number;
const raters = new WeakMap<Model, { rate: Rate; bound: Bound }>();

/** The model's rating of a pair of name forms and its upper bound from feature bounds, made once per model. */
function ratersOf(m: Model): { rate: Rate; bound: Bound } {
  let r = raters.get(m);
  if (!r) {
    r = {
      rate: (v, qf, cf) => nameLogit(m, v) + formPrior(m, qf, cf),
      bound: (lo, hi, qf, cf) => m.weights.intercept + boundRating(m.coef, lo, hi) + formPrior(m, qf, cf),
    };
    raters.set(m, r);
  }
  return r;
}

const scratchValues = new Float64Array(FEATURES.length);

/** The threshold that applies: explicit, else the lowest of the candidate's lists, else the use's, else the model's. */
export function thresholdFor(opts: MatchOptions, m: Model = opts.model ?? DEFAULT_MODEL): number {
  if (opts.threshold !== undefined && Number.isFinite(opts.threshold)) return opts.threshold;
  const perList = (opts.lists ?? []).map((l) => opts.config?.lists?.[l]).filter((x): x is number => typeof x === 'number');
  if (perList.length) return Math.min(...perList);
  const use = opts.use;
  if (use !== undefined) {
    const v = opts.config?.uses?.[use] ?? m.weights.thresholds.uses[use];
    if (v !== undefined) return v;
  }
  return m.weights.thresholds.default;
}

/** Scores a candidate for a query (each a screening query or an FtM entity) and says whether it reaches the threshold. */
export function match(query: MatchEntity | ScreeningQuery | Subject, candidate: MatchEntity | Subject, opts: MatchOptions = {}): MatchResult {
  const m = opts.model ?? DEFAULT_MODEL;
  const lex = opts.lexicon ?? new Lexicon();
  const q = 'names' in query ? query : prepareSubject(query, lex);
  const c = 'names' in candidate ? candidate : prepareSubject(candidate, lex);
  const scored = scoreSubjects(q, c, lex, m, opts.cache);
  const threshold = thresholdFor(opts, m);
  return {
    score: scored.score,
    match: scored.score >= threshold,
    threshold,
    weightsVersion: m.weights.version,
    explanation: explanationOf(q, c, scored, m, lex),
  };
}
