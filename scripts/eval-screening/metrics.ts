// Precision, recall and F1 at a threshold, the F1-best threshold of a training set, and a seeded random generator.
import { seeded } from '../../src/core/seeded.js';

export interface Scored {
  score: number;
  label: boolean;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  n: number;
}

export function prf(rows: readonly Scored[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const yes = r.score >= threshold;
    if (yes && r.label) tp++;
    else if (yes) fp++;
    else if (r.label) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn, n: rows.length };
}

/**
 * The threshold with the best F-beta on `rows` (beta 1: F1; beta 2 weighs recall more): midway between the lowest
 * accepted score and the next score below it.
 */
export function bestThreshold(rows: readonly Scored[], beta = 1): number {
  const scores = [...new Set(rows.map((r) => r.score))].sort((a, b) => b - a);
  let best = { f1: -1, t: 0.5 };
  for (let i = 0; i < scores.length; i++) {
    const m = prf(rows, scores[i]!);
    const b2 = beta * beta;
    const f1 = m.precision + m.recall ? ((1 + b2) * m.precision * m.recall) / (b2 * m.precision + m.recall) : 0;
    if (f1 > best.f1) best = { f1, t: i + 1 < scores.length ? (scores[i]! + scores[i + 1]!) / 2 : scores[i]! };
  }
  return best.t;
}

/**
 * The lowest threshold at which at most `perThousand` of every 1,000 queries alarm, given each query's best score
 * (a method's operating point at that alarm rate: recall at equal alarms compares methods on equal terms).
 */
export function alarmThreshold(best: readonly number[], perThousand: number): number {
  const sorted = [...best].sort((a, b) => b - a);
  const allowed = Math.floor((perThousand * sorted.length) / 1000);
  // Every score above sorted[allowed] alarms, and there are at most `allowed` of them.
  return allowed < sorted.length ? sorted[allowed]! + 1e-9 : -Infinity;
}

/** Share of queries whose truth is ranked first with a score at or above `threshold` (truthBest: -1 when it is not first). */
export const recallAt = (truthBest: readonly number[], threshold: number) =>
  truthBest.length ? truthBest.filter((s) => s >= 0 && s >= threshold).length / truthBest.length : 0;

/** A seeded generator, so every run draws the same samples. */
export const rng = seeded;

export const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
export const f3 = (x: number) => x.toFixed(3);
