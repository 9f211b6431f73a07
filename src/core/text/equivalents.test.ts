// Name-token equivalents: listed spellings, given-name short forms and the two genders of Slavic family names.
import { describe, expect, it } from 'vitest';
import nicknames from './data/nicknames.json' with { type: 'json' };
import { areEquivalent, equivalentTokens, genderForms } from './equivalents.js';

describe('given-name short forms', () => {
  it('links a short form to its full name', () => {
    for (const [short, full] of <Array<[string, string]>>[
      ['Ted', 'Theodore'],
      ['Ted', 'Edward'],
      ['Bill', 'William'],
      ['Bob', 'Robert'],
      ['Peg', 'Margaret'],
      ['Ben', 'Benjamin'],
      ['Hans', 'Johannes'],
      ['Pepe', 'José'],
      ['Sasha', 'Aleksandr'],
      ['Sasha', 'Alexander'],
      ['Misha', 'Mikhail'],
    ])
      expect(areEquivalent(short, full), `${short} ~ ${full}`).toBe(true);
    expect(equivalentTokens('bill').has('william')).toBe(true);
    expect(equivalentTokens('william').has('bill')).toBe(true);
  });
  it('links neither two full names that share a short form, nor two short forms', () => {
    expect(areEquivalent('Theodore', 'Edward')).toBe(false);
    expect(areEquivalent('Henry', 'Harold')).toBe(false);
    expect(areEquivalent('Bill', 'Will')).toBe(false);
    expect(areEquivalent('Bibi', 'Benjamin')).toBe(false);
  });
  it('keeps its data well formed', () => {
    for (const e of nicknames.entries) {
      expect(e.names.length).toBeGreaterThan(0);
      expect(e.short.length).toBeGreaterThan(0);
      for (const t of [...e.names, ...e.short]) expect(t).toMatch(/^[a-z]+$/);
      for (const s of e.short) expect(e.names).not.toContain(s);
    }
  });
});

/** `a` and `b` are equivalent, read either way. */
function expectLinkedBothWays(a: string, b: string): void {
  expect(areEquivalent(a, b), `${a} ~ ${b}`).toBe(true);
  expect(areEquivalent(b, a), `${b} ~ ${a}`).toBe(true);
}

describe('Slavic family names by gender', () => {
  it('links the masculine and feminine forms of one family name', () => {
    for (const [m, f] of <Array<[string, string]>>[
      ['Baranov', 'Baranova'],
      ['Andreyev', 'Andreyeva'],
      ['Putin', 'Putina'],
      ['Zelensky', 'Zelenskaya'],
      ['Zelenskiy', 'Zelenskaya'],
      ['Kowalski', 'Kowalska'],
    ]) {
      expectLinkedBothWays(m, f);
      expect(equivalentTokens(m).has(f.toLowerCase())).toBe(true);
    }
  });
  it('leaves given names, short stems and other words alone', () => {
    expect(genderForms('Martin')).toEqual([]);
    expect(genderForms('Marina')).toEqual([]);
    expect(genderForms('Valentina')).toEqual([]);
    expect(genderForms('Nov')).toEqual([]);
    expect(genderForms('Ski')).toEqual([]);
    expect(genderForms('Smith')).toEqual([]);
    expect(areEquivalent('Baranov', 'Baranova')).toBe(true);
    expect(areEquivalent('Baranov', 'Barynova')).toBe(false);
    expect([...equivalentTokens('Quuxley')]).toEqual(['quuxley']);
  });
});

describe('Latvian and Lithuanian forms of Slavic names', () => {
  it('links a name with a Baltic nominative ending to the name and its listed spellings, either way', () => {
    for (const [baltic, plain] of <Array<[string, string]>>[
      ['Lavrovs', 'Lavrov'],
      ['Lavrovas', 'Lavrov'],
      ['Medvedevs', 'Medvedev'],
      ['Sergejs', 'Sergey'],
      ['Sergejus', 'Sergei'],
      ['Andrejs', 'Andrei'],
    ])
      expectLinkedBothWays(baltic, plain);
  });
  it('leaves other names ending in s alone', () => {
    for (const [a, b] of [
      ['Williams', 'William'],
      ['Evans', 'Evan'],
      ['Collins', 'Collin'],
      ['Peters', 'Peter'],
    ])
      expect(areEquivalent(a!, b!), `${a} ~ ${b}`).toBe(false);
  });
});
