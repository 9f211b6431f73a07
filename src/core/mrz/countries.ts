// Doc 9303 part 3 codes for issuing states and nationalities: ISO alpha-3 (from core/model) plus the ICAO-only codes and the specimen state.
import { ICAO_CODES } from '../model/countries.js';
import { ISO_COUNTRIES } from '../model/countries-data.js';
import type { MrzCountry } from './types.js';

/** Codes Doc 9303 lists that neither ISO 3166-1 nor core/model's ICAO_CODES hold, with their FtM country and meaning. */
const MRZ_ONLY: Readonly<Record<string, { code: string | null; meaning: string }>> = {
  UTO: { code: null, meaning: 'Utopia (ICAO specimen state)' },
  XXK: { code: 'xk', meaning: 'Kosovo' },
  ANT: { code: null, meaning: 'Netherlands Antilles (former)' },
  NTZ: { code: null, meaning: 'Neutral Zone (former)' },
};

/** Codes that mark a specimen document. */
export const SPECIMEN_CODES: ReadonlySet<string> = new Set(['UTO']);

const TABLE = new Map<string, MrzCountry>();
for (const [alpha2, alpha3, name] of ISO_COUNTRIES) TABLE.set(alpha3, { icao: alpha3, alpha2, name });
for (const [icao, { code, meaning }] of [...Object.entries(ICAO_CODES), ...Object.entries(MRZ_ONLY)]) TABLE.set(icao, { icao, alpha2: code, name: meaning });

/** Every code an MRZ may carry as issuing state or nationality (fillers removed: `D`, not `D<<`). */
export const MRZ_COUNTRY_CODES: ReadonlySet<string> = new Set(TABLE.keys());

/** The country or organisation an MRZ code (fillers removed) stands for, or null when Doc 9303 has no such code. */
export function mrzCountry(code: string): MrzCountry | null {
  return TABLE.get(code) ?? null;
}

/** The MRZ code of an FtM country code (`de` → `D`, `gb` → `GBR`), for the generator and the demo. */
export function mrzCodeOf(alpha2: string): string | null {
  const lower = alpha2.toLowerCase();
  if (lower === 'de') return 'D';
  for (const [a2, a3] of ISO_COUNTRIES) if (a2 === lower) return a3;
  return null;
}
