// The character-code date reader against the regular-expression one it replaced (kept below as the reference).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiDate, fullYear, type Century } from './values.js';

describe('apiDate against the reference', () => {
  it('reads the API date forms as before', () => {
    expect(apiDate('860526', 'birth', 2026)).toBe('1986-05-26');
    expect(apiDate('2612011605', 'event', 2026)).toBe('2026-12-01T16:05');
    expect(apiDate('202612012460', 'event', 2026)).toBeNull();
    expect(apiDate('0001 0229', 'expiry', 2026)).toBeNull();
    expect(apiDate('0004 0229', 'expiry', 2026)).toBe('0004-02-29');
  });

  it('agrees with the reference on digits, spaces and other characters of every length', () => {
    const raw = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9', ' ', '\t', 'a', '+', '٣', '\u00a0'), maxLength: 14 }),
      fc.string({ maxLength: 14 }),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0')),
      fc
        .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 9999 }))
        .map(([d, t]) => String(d).padStart(6, '0') + String(t).padStart(4, '0')),
    );
    const kind = fc.constantFrom<Century>('birth', 'expiry', 'event');
    fc.assert(
      fc.property(raw, kind, fc.integer({ min: 1900, max: 2100 }), (r, k, year) => {
        expect(apiDate(r, k, year)).toBe(referenceApiDate(r, k, year));
      }),
      { numRuns: 5000 },
    );
  });
});

// ---- The reference: the previous reader, unchanged but for its name. ----

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!);

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m))) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function hhmm(t: string): string | null {
  if (!/^\d{4}$/.test(t)) return null;
  const h = Number(t.slice(0, 2));
  const mi = Number(t.slice(2));
  return h <= 24 && mi < 60 ? `${t.slice(0, 2)}:${t.slice(2)}` : null;
}

function referenceApiDate(raw: string, kind: Century, referenceYear: number): string | null {
  const v = raw.includes(' ') ? raw.replace(/\s/g, '') : raw;
  if (!/^\d+$/.test(v)) return null;
  let y: number;
  let rest: string;
  if (v.length === 6 || v.length === 10) {
    y = fullYear(Number(v.slice(0, 2)), kind, referenceYear);
    rest = v.slice(2);
  } else if (v.length === 8 || v.length === 12) {
    y = Number(v.slice(0, 4));
    rest = v.slice(4);
  } else return null;
  const date = isoDate(y, Number(rest.slice(0, 2)), Number(rest.slice(2, 4)));
  if (!date || rest.length === 4) return date;
  const time = hhmm(rest.slice(4));
  return time ? `${date}T${time}` : null;
}
