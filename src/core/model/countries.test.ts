// Tests of country normalisation: ISO codes and names, ICAO 9303 codes, UN spellings; fuzzed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from './countries-data.js';
import { alpha3, COUNTRY_CODES, countryName, ICAO_CODES, normaliseCountry } from './countries.js';
import { model } from './schema.js';

describe('normaliseCountry', () => {
  it('holds all 249 ISO 3166-1 countries with distinct codes', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    expect(new Set(ISO_COUNTRIES.map((c) => c[0])).size).toBe(249);
    expect(new Set(ISO_COUNTRIES.map((c) => c[1])).size).toBe(249);
    for (const [a2, a3, name] of ISO_COUNTRIES) {
      expect(a2).toMatch(/^[a-z]{2}$/);
      expect(a3).toMatch(/^[A-Z]{3}$/);
      expect(normaliseCountry(a2)).toEqual({ code: a2 });
      expect(normaliseCountry(a2.toUpperCase())).toEqual({ code: a2 });
      expect(normaliseCountry(a3)).toEqual({ code: a2 });
      expect(normaliseCountry(a3.toLowerCase())).toEqual({ code: a2 });
      expect(normaliseCountry(name)).toEqual({ code: a2 });
      expect(normaliseCountry(name.toUpperCase())).toEqual({ code: a2 });
      expect(alpha3(a2)).toBe(a3);
    }
  });

  it('returns only codes FtM knows', () => {
    const ftm = model.typeValues('country')!;
    for (const code of COUNTRY_CODES) expect(ftm.has(code), code).toBe(true);
    for (const { code } of Object.values(ICAO_CODES)) if (code) expect(ftm.has(code), code).toBe(true);
  });

  it('reads the names as the UN list and OFAC spell them', () => {
    const cases: [string, string][] = [
      ['Russian Federation', 'ru'],
      ['Iran (Islamic Republic of)', 'ir'],
      ["Korea, Democratic People's Republic of", 'kp'],
      ["Democratic People's Republic of Korea", 'kp'],
      ['Korea, North', 'kp'],
      ['Republic of Korea', 'kr'],
      ['Viet Nam', 'vn'],
      ['Syrian Arab Republic', 'sy'],
      ['United Kingdom of Great Britain and Northern Ireland', 'gb'],
      ['United Republic of Tanzania', 'tz'],
      ['State of Palestine', 'ps'],
      ['China, Hong Kong Special Administrative Region', 'hk'],
      ['Democratic Republic of the Congo', 'cd'],
      ['Congo', 'cg'],
      ['Türkiye', 'tr'],
      ['Turkey', 'tr'],
      ['Burma', 'mm'],
      ["Cote d'Ivoire", 'ci'],
      ['  the  Netherlands ', 'nl'],
      ['St. Lucia', 'lc'],
      ['Bosnia & Herzegovina', 'ba'],
      ['U.S.A.', 'us'],
      ['UK', 'gb'],
      ['Kosovo', 'xk'],
      ['former Soviet Union', 'suhh'],
    ];
    for (const [raw, code] of cases) expect(normaliseCountry(raw), raw).toEqual({ code });
  });

  it('keeps ICAO 9303 codes beside the country', () => {
    expect(normaliseCountry('D')).toEqual({ code: 'de', icao: 'D' });
    expect(normaliseCountry('D<<')).toEqual({ code: 'de', icao: 'D' });
    expect(normaliseCountry('GBD')).toEqual({ code: 'gb', icao: 'GBD' });
    expect(normaliseCountry('gbn')).toEqual({ code: 'gb', icao: 'GBN' });
    expect(normaliseCountry('XXA')).toEqual({ code: null, icao: 'XXA' });
    expect(normaliseCountry('XXB')).toEqual({ code: null, icao: 'XXB' });
    expect(normaliseCountry('XXX')).toEqual({ code: null, icao: 'XXX' });
    expect(normaliseCountry('UNO')).toEqual({ code: 'un', icao: 'UNO' });
    expect(normaliseCountry('XOM')).toEqual({ code: null, icao: 'XOM' });
    expect(normaliseCountry('EUE')).toEqual({ code: 'eu', icao: 'EUE' });
    expect(normaliseCountry('RKS')).toEqual({ code: 'xk', icao: 'RKS' });
    expect(normaliseCountry('DEU')).toEqual({ code: 'de' });
  });

  it('names codes', () => {
    expect(countryName('de')).toBe('Germany');
    expect(countryName('kp')).toBe('North Korea');
    expect(countryName('suhh')).toBe('Soviet Union');
    expect(countryName('zz')).toBeUndefined();
  });

  it('refuses what is no country', () => {
    for (const raw of ['', '  ', 'Atlantis', 'QQ', 'QQQ', 'constructor', '__proto__', 'hasOwnProperty', 'x'.repeat(500), '<<<'])
      expect(normaliseCountry(raw), raw).toBeNull();
  });

  it('never throws and is idempotent on its own output (fuzzed)', () => {
    const names = ISO_COUNTRIES.flatMap((c) => c.slice(2));
    const input = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...names, ...Object.keys(ICAO_CODES)));
    fc.assert(
      fc.property(input, (raw) => {
        const out = normaliseCountry(raw);
        if (out?.code) expect(normaliseCountry(out.code)).toEqual({ code: out.code });
        if (out?.icao) expect(normaliseCountry(out.icao)).toEqual(out);
      }),
      { numRuns: 3000 },
    );
  });
});
