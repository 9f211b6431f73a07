// Tests of date normalisation: the notations lists use, precision, ranges; fuzzed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFtmDate, normaliseDate, parseDate } from './dates.js';

describe('normaliseDate', () => {
  it('keeps the precision of ISO dates', () => {
    expect(normaliseDate('1965')).toEqual(['1965']);
    expect(normaliseDate('1965-04')).toEqual(['1965-04']);
    expect(normaliseDate('1965-04-29')).toEqual(['1965-04-29']);
    expect(normaliseDate('1965-4-9')).toEqual(['1965-04-09']);
    expect(normaliseDate(' 1965-04-29T00:00:00 ')).toEqual(['1965-04-29']);
    expect(normaliseDate('1965-04-29T13:45:00.123Z')).toEqual(['1965-04-29']);
    expect(normaliseDate('1965-04-29 13:45')).toEqual(['1965-04-29']);
    expect(normaliseDate('1965/04/29')).toEqual(['1965-04-29']);
    expect(normaliseDate('19650429')).toEqual(['1965-04-29']);
  });

  it('reads unknown month or day given as zero as a coarser precision', () => {
    expect(normaliseDate('1965-00-00')).toEqual(['1965']);
    expect(normaliseDate('1965-04-00')).toEqual(['1965-04']);
    expect(normaliseDate('00/04/1965')).toEqual(['1965-04']);
    expect(normaliseDate('1965-00-12')).toBeNull();
  });

  it('reads day-first numeric and month-name notations', () => {
    expect(normaliseDate('29/04/1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('29.04.1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('9-4-1965')).toEqual(['1965-04-09']);
    expect(normaliseDate('04/1965')).toEqual(['1965-04']);
    expect(normaliseDate('29 Apr. 1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('29 APR 1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('29-APR-1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('29th April 1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('April 29, 1965')).toEqual(['1965-04-29']);
    expect(normaliseDate('Sept. 1965')).toEqual(['1965-09']);
    expect(normaliseDate('Apr 1965')).toEqual(['1965-04']);
  });

  it('drops approximation words and keeps the date', () => {
    expect(normaliseDate('circa 1965')).toEqual(['1965']);
    expect(normaliseDate('Approximately 1965')).toEqual(['1965']);
    expect(normaliseDate('approx. 1965-04')).toEqual(['1965-04']);
    expect(normaliseDate('ca. 1965')).toEqual(['1965']);
    expect(normaliseDate('1965 (approx.)')).toEqual(['1965']);
  });

  it('expands a range into every year it covers', () => {
    expect(normaliseDate('between 1960 and 1965')).toEqual(['1960', '1961', '1962', '1963', '1964', '1965']);
    expect(normaliseDate('Between 1962 and 1960')).toEqual(['1960', '1961', '1962']);
    expect(normaliseDate('1960-1962')).toEqual(['1960', '1961', '1962']);
    expect(normaliseDate('from 1970 to 1971')).toEqual(['1970', '1971']);
    expect(normaliseDate('between 12 Mar 1970 and 1971-02')).toEqual(['1970', '1971']);
    expect(parseDate('between 1960 and 1965')).toEqual({ kind: 'range', from: '1960', to: '1965' });
    expect(normaliseDate('between 1800 and 2000')).toBeNull();
  });

  it('refuses what is no date', () => {
    for (const raw of [
      '',
      'unknown',
      '1965-13-01',
      '1965-02-30',
      '1900-02-29',
      '31/04/1965',
      '0000',
      '0000-00-00',
      '99',
      'Foo 1965',
      '1965 12',
      'x'.repeat(200),
    ])
      expect(normaliseDate(raw), raw).toBeNull();
    expect(normaliseDate('2000-02-29')).toEqual(['2000-02-29']);
    expect(normaliseDate('1964-02-29')).toEqual(['1964-02-29']);
  });

  it('tells FtM dates', () => {
    for (const ok of ['1965', '1965-04', '1965-04-29', '2021-02-16T21', '2021-02-16T21:48', '2021-02-16T21:48:52']) expect(isFtmDate(ok), ok).toBe(true);
    for (const bad of ['65', '1965-4', '1965-00', '1965-04-31', '2021-02-16T24', '2021-02-16 21:48', '1965-04-29Z']) expect(isFtmDate(bad), bad).toBe(false);
  });

  it('never throws, yields FtM dates, and is idempotent on its own output (fuzzed)', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 3100 }).map(String),
      fc.constantFrom('Apr', 'april', 'SEPT.', 'circa', 'between', 'and', 'to', '-', '/', '.', 'T', ' ', ':', '00', 'Z'),
    );
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(piece, { maxLength: 7 }).map((p) => p.join('')),
      fc.array(piece, { maxLength: 7 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(input, (raw) => {
        const out = normaliseDate(raw);
        if (!out) return;
        expect(out.length).toBeGreaterThan(0);
        for (const value of out) {
          expect(isFtmDate(value), value).toBe(true);
          expect(normaliseDate(value)).toEqual([value]);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
