// Name folding for `q` search and content hashing: properties that must hold for any input (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, likePattern, nameForms } from './names.js';
import { contentHash } from './content.js';

/** The Unicode path, which the ASCII fast path must agree with. */
const slowFold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('foldName', () => {
  it('folds case, accents, marks and punctuation', () => {
    expect(foldName('  Àccented-ÉLAN, Jr. ')).toBe('accented elan jr');
    expect(foldName('Straße Øster Łódź')).toBe('strasse oster lodz');
    expect(foldName('عَبْدُ الله')).toBe('عبد الله');
    expect(foldName('Тестперсон КВУКСЛИ')).toBe('тестперсон квуксли');
    expect(foldName('---')).toBe('');
  });

  it('gives lower-case, single-spaced, trimmed text, and the ASCII fast path agrees with the Unicode path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const f = foldName(s);
        expect(f).toBe(f.trim());
        expect(f).not.toMatch(/ {2}/);
        expect(foldName(f)).toBe(f);
        if (/^[\x20-\x7e]*$/.test(s)) expect(f).toBe(slowFold(s));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes LIKE wildcards in queries', () => {
    expect(likePattern('100% a_b \\')).toBe('%100\\% a\\_b \\\\%');
  });

  it('takes the name-typed properties of a schema only', () => {
    const forms = nameForms('Person', { name: ['Testperson Quuxley'], alias: ['T. QUUXLEY', 'testperson quuxley'], birthPlace: ['Testville'] });
    expect(forms.sort()).toEqual(['t quuxley', 'testperson quuxley']);
  });
});

describe('contentHash', () => {
  it('ignores the order of values and of properties, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('name', 'alias', 'notes'), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 4 })),
        (props) => {
          const reversed = Object.fromEntries(
            Object.entries(props)
              .reverse()
              .map(([k, v]) => [k, [...v].reverse()]),
          );
          const base = { schema: 'Person', listed: true };
          expect(contentHash({ ...base, properties: reversed })).toBe(contentHash({ ...base, properties: props }));
          expect(contentHash({ ...base, listed: false, properties: props })).not.toBe(contentHash({ ...base, properties: props }));
          expect(contentHash({ ...base, properties: { ...props, extra: ['x'] } })).not.toBe(contentHash({ ...base, properties: props }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
