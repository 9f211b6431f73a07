// Sorting the few elements of one comparison without the scratch copy Array.prototype.sort makes each call.

/** Above this many elements, Array.prototype.sort (insertion sort is quadratic). */
const SMALL = 48;

/**
 * Sorts the first `n` elements of `xs` in place by `cmp`, stably (equal elements keep their order, as with
 * Array.prototype.sort, which it is for longer arrays). Returns `xs`.
 */
export function sortSmall<T>(xs: T[], cmp: (a: T, b: T) => number, n = xs.length): T[] {
  if (n > SMALL) {
    if (n === xs.length) return xs.sort(cmp);
    const head = xs.slice(0, n).sort(cmp);
    for (let i = 0; i < n; i++) xs[i] = head[i]!;
    return xs;
  }
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
