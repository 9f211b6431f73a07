// Name-token equivalents for what romanisation misses (Mohammed ~ Muhammad ~ Mehmet), loaded once from data/name-equivalents.json.
import data from './data/name-equivalents.json' with { type: 'json' };
import { foldDiacritics, normaliseText } from './normalise.js';

interface EquivalentsFile {
  readme: string;
  groups: string[][];
}

const key = (t: string) => foldDiacritics(normaliseText(t)).replace(/[^\p{L}\p{N}]/gu, '');

/** Token → the set of all tokens in any group it belongs to (itself included); built once at load. */
const INDEX: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byToken = new Map<string, Set<string>>();
  for (const group of (data as EquivalentsFile).groups) {
    const members = group.map(key).filter((t) => t !== '');
    for (const m of members) {
      const set = byToken.get(m) ?? new Set<string>([m]);
      for (const other of members) set.add(other);
      byToken.set(m, set);
    }
  }
  return byToken;
})();

const EMPTY: ReadonlySet<string> = new Set();

/** The Latin tokens equivalent to `token` (normalised, folded; the token itself included; empty for an empty token). */
export function equivalentTokens(token: string): ReadonlySet<string> {
  const k = key(token);
  if (k === '') return EMPTY;
  return INDEX.get(k) ?? new Set([k]);
}

/** True when the two tokens are equal after normalisation or listed as equivalent. */
export function areEquivalent(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  return ka !== '' && (ka === kb || (INDEX.get(ka)?.has(kb) ?? false));
}

/** Number of tokens that have equivalents (for reports). */
export const equivalentsSize = (): number => INDEX.size;
