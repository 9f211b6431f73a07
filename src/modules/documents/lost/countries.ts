// Issuing countries of registered documents: ICAO 9303 codes, ISO alpha-2 or alpha-3 in, the key and both codes out.
import { alpha3, countryName, normaliseCountry } from '../../../core/model/index.js';

export interface IssuingCountry {
  /** What lookups compare: the FtM code (ISO alpha-2 lower case, `xk`, `un`, `eu` …), or the ICAO code when no country has it. */
  key: string;
  /** The Doc 9303 code (`D` for Germany, `GBR`, `UNO`, `XXA`, `UTO` …). */
  icao: string;
  alpha2: string | null;
  name: string | null;
}

/** ICAO's specimen issuing state, which appears on every Doc 9303 example and on test documents. */
export const SPECIMEN_STATES: Readonly<Record<string, string>> = { UTO: 'Utopia (ICAO specimen)' };

/** Reads a country as ICAO 9303 code, ISO alpha-2 or alpha-3 or English name; null when it is none of these. */
export function issuingCountry(raw: string): IssuingCountry | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/<+$/, '');
  const upper = text.toUpperCase();
  if (Object.hasOwn(SPECIMEN_STATES, upper)) return { key: upper, icao: upper, alpha2: null, name: SPECIMEN_STATES[upper]! };
  const c = normaliseCountry(text);
  if (!c) return null;
  if (c.code === null) return { key: c.icao!, icao: c.icao!, alpha2: null, name: null };
  const icao = c.icao ?? (c.code === 'de' ? 'D' : (alpha3(c.code) ?? c.code.toUpperCase()));
  return { key: c.code, icao, alpha2: /^[a-z]{2}$/.test(c.code) ? c.code : null, name: countryName(c.code) ?? null };
}
