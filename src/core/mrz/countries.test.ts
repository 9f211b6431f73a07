// Tests of the Doc 9303 code table: every ISO alpha-3, Germany's D, the ICAO-only codes, the specimen state, unknown codes.
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from '../model/countries-data.js';
import { ICAO_CODES } from '../model/countries.js';
import { MRZ_COUNTRY_CODES, mrzCodeOf, mrzCountry, SPECIMEN_CODES } from './countries.js';

describe('Doc 9303 country codes', () => {
  it('know every ISO alpha-3 with its alpha-2 and name, and every ICAO-only code of core/model', () => {
    for (const [a2, a3, name] of ISO_COUNTRIES) expect(mrzCountry(a3)).toEqual({ icao: a3, alpha2: a2, name });
    for (const code of Object.keys(ICAO_CODES)) expect(MRZ_COUNTRY_CODES.has(code), code).toBe(true);
    expect(MRZ_COUNTRY_CODES.size).toBe(ISO_COUNTRIES.length + Object.keys(ICAO_CODES).length + 4);
  });

  it("read Germany's D, organisations, refugees and the specimen state", () => {
    expect(mrzCountry('D')).toEqual({ icao: 'D', alpha2: 'de', name: 'Germany' });
    expect(mrzCountry('UNO')).toMatchObject({ alpha2: 'un' });
    expect(mrzCountry('XXB')).toMatchObject({ alpha2: null, name: expect.stringMatching(/Refugee/) });
    expect(mrzCountry('XPO')).toMatchObject({ name: expect.stringMatching(/INTERPOL/) });
    expect(mrzCountry('UTO')).toMatchObject({ alpha2: null, name: expect.stringMatching(/specimen/) });
    expect([...SPECIMEN_CODES]).toEqual(['UTO']);
    expect(mrzCountry('QQQ')).toBeNull();
    expect(mrzCountry('D<<')).toBeNull();
  });

  it('give the MRZ code of a country', () => {
    expect(mrzCodeOf('de')).toBe('D');
    expect(mrzCodeOf('AT')).toBe('AUT');
    expect(mrzCodeOf('zz')).toBeNull();
  });
});
