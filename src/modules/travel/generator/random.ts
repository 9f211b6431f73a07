// A small seeded pseudo-random generator (mulberry32) so generated traffic is the same for the same seed.
import { seeded } from '../../../core/seeded.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` characters drawn from `alphabet`. */
  chars(n: number, alphabet: string): string;
}

export function random(seed: number): Random {
  const next = seeded(seed >>> 0 || 0x9e3779b9);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    chars: (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  };
}
