// Countries: ISO 3166-1 and ICAO 9303 codes and English names to FollowTheMoney country codes.
import { ISO_COUNTRIES } from './countries-data.js';

/**
 * A recognised country. `code` is the FtM country code (ISO alpha-2 in lower case, or one of
 * FtM's few others: `xk` Kosovo, `eu`, `un`, and former states `suhh`, `yucs`, `csxx`, `cshh`,
 * `dd`, `zr`), null when what was named is no country (stateless, refugee, an organisation).
 * `icao` is set when the input was an ICAO 9303 code that is not simply the country's alpha-3
 * (`D`, `GBD`, `XXA`, `UNO`, `RKS`…), so a travel document's own code is kept beside the country.
 */
export interface CountryCode {
  code: string | null;
  icao?: string;
}

/** ICAO 9303 codes that are not ISO alpha-3, with their meaning and FtM country. */
export const ICAO_CODES: Readonly<Record<string, { code: string | null; meaning: string }>> = {
  D: { code: 'de', meaning: 'Germany' },
  GBD: { code: 'gb', meaning: 'British Overseas Territories Citizen' },
  GBN: { code: 'gb', meaning: 'British National (Overseas)' },
  GBO: { code: 'gb', meaning: 'British Overseas Citizen' },
  GBP: { code: 'gb', meaning: 'British Protected Person' },
  GBS: { code: 'gb', meaning: 'British Subject' },
  RKS: { code: 'xk', meaning: 'Kosovo' },
  UNK: { code: 'xk', meaning: 'Resident of Kosovo holding a travel document issued by UNMIK' },
  UNO: { code: 'un', meaning: 'United Nations Organization or one of its officials' },
  UNA: { code: 'un', meaning: 'Specialized agency of the United Nations or one of its officials' },
  EUE: { code: 'eu', meaning: 'European Union' },
  XBA: { code: null, meaning: 'African Development Bank' },
  XIM: { code: null, meaning: 'African Export-Import Bank' },
  XCC: { code: null, meaning: 'Caribbean Community (CARICOM) or one of its emissaries' },
  XCE: { code: null, meaning: 'Council of Europe' },
  XCO: { code: null, meaning: 'Common Market for Eastern and Southern Africa (COMESA)' },
  XDC: { code: null, meaning: 'Southern African Development Community' },
  XEC: { code: null, meaning: 'Economic Community of West African States (ECOWAS)' },
  XES: { code: null, meaning: 'Organisation of Eastern Caribbean States' },
  XOM: { code: null, meaning: 'Sovereign Military Order of Malta or one of its emissaries' },
  XPO: { code: null, meaning: 'International Criminal Police Organization (INTERPOL)' },
  XXA: { code: null, meaning: 'Stateless person (1954 Convention)' },
  XXB: { code: null, meaning: 'Refugee (1951 Convention and 1967 Protocol)' },
  XXC: { code: null, meaning: 'Refugee, other than under code XXB' },
  XXX: { code: null, meaning: 'Person of unspecified nationality' },
};

/** FtM codes beyond ISO 3166-1: code, alpha-3 (reserved or former, '' when none), names. */
const OTHER_CODES: readonly (readonly [string, string, string, ...string[]])[] = [
  ['xk', 'XKX', 'Kosovo', 'Republic of Kosovo'],
  ['eu', '', 'European Union'],
  ['un', '', 'United Nations'],
  ['suhh', 'SUN', 'Soviet Union', 'USSR', 'Union of Soviet Socialist Republics', 'former Soviet Union', 'former USSR'],
  ['yucs', 'YUG', 'Yugoslavia', 'Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia', 'former Yugoslavia'],
  ['csxx', 'SCG', 'Serbia and Montenegro'],
  ['cshh', 'CSK', 'Czechoslovakia'],
  ['dd', 'DDR', 'East Germany', 'German Democratic Republic'],
  ['zr', 'ZAR', 'Zaire'],
];

/** Codes people write that ISO reserves for a country already listed under another code. */
const ALIASES: Readonly<Record<string, string>> = { uk: 'gb', su: 'suhh', yu: 'yucs' };

/** A name folded for lookup: lower case, no accents or punctuation, `st` → `saint`, no leading `the`. */
export function countryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\bst\b/g, 'saint');
}

const byCode = new Map<string, { alpha3: string; name: string }>();
const byAlpha3 = new Map<string, string>();
const byName = new Map<string, string>();
for (const [code, a3, name, ...others] of [...ISO_COUNTRIES, ...OTHER_CODES]) {
  byCode.set(code, { alpha3: a3, name });
  if (a3) byAlpha3.set(a3, code);
  for (const n of [name, ...others]) byName.set(countryKey(n), code);
}

/** All codes normaliseCountry can return. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(byCode.keys());

/** The English short name of an FtM country code. */
export function countryName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/** The alpha-3 code (ISO, or the former one of a dissolved state) of an FtM country code. */
export function alpha3(code: string): string | undefined {
  return byCode.get(code)?.alpha3 || undefined;
}

/**
 * Reads a country written as an ISO alpha-2 or alpha-3 code, an ICAO 9303 code (MRZ `<`
 * fillers allowed) or an English name, in any case. Returns null when it is none of these.
 */
export function normaliseCountry(raw: string): CountryCode | null {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  const text = raw.trim().replace(/<+$/, '').trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) {
    const lower = upper.toLowerCase();
    const code = byCode.has(lower) ? lower : ALIASES[lower];
    if (code) return { code };
  }
  if (/^[A-Z]{1,3}$/.test(upper)) {
    const code = byAlpha3.get(upper);
    if (code) return { code };
    const icao = Object.hasOwn(ICAO_CODES, upper) ? ICAO_CODES[upper] : undefined;
    if (icao) return { code: icao.code, icao: upper };
  }
  if (/^[a-z]{4}$/.test(text) && byCode.has(text)) return { code: text };
  const code = byName.get(countryKey(text));
  return code ? { code } : null;
}
