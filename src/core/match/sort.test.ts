// sortSmall: the order Array.prototype.sort gives, stable, for short and long arrays and for a prefix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from './sort.js';

const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;

describe('sortSmall', () => {
  it('orders as Array.prototype.sort does, equal keys in their first order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 120 }), (keys) => {
        const xs = keys.map((k, i) => ({ k, i }));
        expect(sortSmall([...xs], byKey)).toEqual([...xs].sort(byKey));
      }),
    );
  });

  it('sorts only the first n elements when told', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 120 }), fc.nat(), (keys, cut) => {
        const xs = keys.map((k, i) => ({ k, i }));
        const n = xs.length ? cut % (xs.length + 1) : 0;
        expect(sortSmall([...xs], byKey, n)).toEqual([...xs.slice(0, n).sort(byKey), ...xs.slice(n)]);
      }),
    );
  });
});
