// The versioned weights of the logistic model: their shape, validation, and the version the matcher uses by default.
import current from './weights/v4.json' with { type: 'json' };
import { FEATURES, NAME_FEATURE_COUNT } from './feature-list.js';

export interface Thresholds {
  /** Used when no use or list says otherwise. */
  default: number;
  /** Per use, e.g. border (a traveller waits: fewer false alarms) and finance (a missed payment is costlier: lower). */
  uses: Readonly<Record<string, number>>;
}

export interface Weights {
  /** Recorded with every alert so a decision can be reproduced. */
  version: string;
  /** When these weights were fitted (ISO date). */
  created: string;
  features: readonly string[];
  weights: Readonly<Record<string, number>>;
  intercept: number;
  /** Fixed log-odds adjustments that are priors, not fitted (the development data has no example of them). */
  priors: Readonly<{ weakAlias: number; previousName: number }>;
  thresholds: Thresholds;
  training: Readonly<Record<string, unknown>>;
}

/** A weights file read and checked: every feature has a finite weight, in the order of the feature vector. */
export interface Model {
  weights: Weights;
  /** Coefficients in feature-vector order. */
  coef: Float64Array;
}

/** Checks a weights document; throws an Error naming the first problem (a broken weights file must stop at start-up). */
export function loadWeights(doc: unknown): Model {
  const w = doc as Weights;
  const fail = (what: string) => {
    throw new Error(`match weights ${typeof w?.version === 'string' ? w.version : '(no version)'}: ${what}`);
  };
  if (!w || typeof w !== 'object') fail('not an object');
  if (typeof w.version !== 'string' || !w.version) fail('version missing');
  if (!Number.isFinite(w.intercept)) fail('intercept is not a number');
  if (!w.weights || typeof w.weights !== 'object') fail('weights missing');
  const coef = new Float64Array(FEATURES.length);
  FEATURES.forEach((f, i) => {
    const v = w.weights[f];
    if (v === undefined) fail(`no weight for feature ${f}`);
    if (!Number.isFinite(v)) fail(`weight of ${f} is not a number`);
    coef[i] = v!;
  });
  for (const f of Object.keys(w.weights)) if (!(FEATURES as readonly string[]).includes(f)) fail(`unknown feature ${f}`);
  const t = w.thresholds;
  if (!t || !(t.default > 0 && t.default < 1)) fail('thresholds.default must be in (0, 1)');
  for (const [use, v] of Object.entries(t.uses ?? {})) if (!(v > 0 && v < 1)) fail(`thresholds.uses.${use} must be in (0, 1)`);
  if (!w.priors || !Number.isFinite(w.priors.weakAlias) || !Number.isFinite(w.priors.previousName)) fail('priors.weakAlias/previousName missing');
  return { weights: w, coef };
}

/** The name part of the log-odds (intercept included), used to pick the best pair of name forms. */
export function nameLogit(m: Model, values: Float64Array): number {
  let z = m.weights.intercept;
  for (let i = 0; i < NAME_FEATURE_COUNT; i++) z += m.coef[i]! * values[i]!;
  return z;
}

/** The weights this build ships and uses by default. */
export const DEFAULT_MODEL: Model = loadWeights(current);
