// Baselines run in the same evaluation: Watchman-style token Jaro–Winkler and fuzzball's token_set_ratio.
import { token_set_ratio } from 'fuzzball';
import { jaroWinkler } from '../../src/core/match/index.js';
import { foldDiacritics, tokens } from '../../src/core/text/index.js';

export type PairScorer = (a: string, b: string) => number;

const toks = (s: string) => tokens(s).map((t) => foldDiacritics(t));

/** Mean over one name's tokens of its best Jaro–Winkler against the other's tokens, averaged over both directions. */
export const tokenJaroWinkler: PairScorer = (a, b) => {
  const ta = toks(a);
  const tb = toks(b);
  if (!ta.length || !tb.length) return 0;
  const side = (x: string[], y: string[]) => x.reduce((s, t) => s + Math.max(...y.map((u) => jaroWinkler(t, u))), 0) / x.length;
  return (side(ta, tb) + side(tb, ta)) / 2;
};

/** fuzzball's token_set_ratio (default processing) scaled to [0, 1]. */
export const tokenSetRatio: PairScorer = (a, b) => token_set_ratio(a, b) / 100;

/** Best baseline score of a query name against any of a candidate's names. */
export function bestOf(scorer: PairScorer, query: string, names: readonly string[]): number {
  let best = 0;
  for (const n of names) best = Math.max(best, scorer(query, n));
  return best;
}

export const BASELINES: ReadonlyArray<readonly [string, PairScorer]> = [
  ['token Jaro-Winkler', tokenJaroWinkler],
  ['fuzzball token_set_ratio', tokenSetRatio],
];
