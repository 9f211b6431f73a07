// Property tests of canonical JSON: it round-trips every JSON value and does not depend on key order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/** JSON has one zero: canonical text writes -0 as 0 (as JSON.stringify and RFC 8785 do). */
const withoutNegativeZero = (v: unknown): unknown => {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(withoutNegativeZero);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, k, { value: withoutNegativeZero(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
};

/** The same value with every object's keys inserted in another order. */
const reorder = (v: unknown, pick: (n: number) => number): unknown => {
  if (Array.isArray(v)) return v.map((x) => reorder(x, pick));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    const shuffled: [string, unknown][] = [];
    while (entries.length) shuffled.push(entries.splice(pick(entries.length), 1)[0]!);
    const out: Record<string, unknown> = {};
    for (const [k, x] of shuffled) Object.defineProperty(out, k, { value: reorder(x, pick), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
};

const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 5 });

describe('canonicalJson', () => {
  it('round-trips every JSON value', () => {
    fc.assert(
      fc.property(json, (x) => {
        expect(JSON.parse(canonicalJson(x))).toEqual(withoutNegativeZero(x));
      }),
    );
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(json, fc.infiniteStream(fc.nat()), (x, randoms) => {
        const it = randoms[Symbol.iterator]();
        const other = reorder(x, (n) => it.next().value! % n);
        expect(canonicalJson(other)).toBe(canonicalJson(x));
      }),
    );
  });

  it('is a fixed point: canonical text of parsed canonical text is unchanged', () => {
    fc.assert(
      fc.property(json, (x) => {
        const text = canonicalJson(x);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('has no whitespace outside strings and sorts keys by code unit', () => {
    expect(canonicalJson({ b: [1, { z: true, a: null }], a: 'x y', é: 1, Z: 2 })).toBe('{"Z":2,"a":"x y","b":[1,{"a":null,"z":true}],"é":1}');
    expect(canonicalJson({ '\u{1F600}': 1, '\uFFFF': 2 })).toBe('{"\u{1F600}":1,"\uFFFF":2}');
  });

  it('drops undefined members and writes undefined array elements as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([, 2])).toBe('[null,2]');
    expect(canonicalJson({ d: new Date('2026-01-01T00:00:00Z') })).toBe('{"d":"2026-01-01T00:00:00.000Z"}');
  });

  it('rejects what JSON cannot carry faithfully', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -Infinity, 1n, () => 1, Symbol('s'), new Map([[1, 2]]), new Set([1])]) {
      expect(() => canonicalJson({ x: [bad] }), String(bad)).toThrow(TypeError);
    }
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
  });
});
