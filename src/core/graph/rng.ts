// Seeded randomness for sampling and community detection, so they repeat exactly.
export { seeded } from '../seeded.js';

/** Fisher–Yates shuffle in place. */
export function shuffle(xs: Uint32Array | number[], random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}
