// Name-token equivalents for what romanisation misses (Mohammed ~ Muhammad ~ Mehmet), given-name short forms (Ted ~
// Theodore, Bill ~ William; data/name-equivalents.json and data/nicknames.json, loaded once) and Slavic family-name forms.
import data from './data/name-equivalents.json' with { type: 'json' };
import nicknames from './data/nicknames.json' with { type: 'json' };
import { foldDiacritics, normaliseText } from './normalise.js';

interface EquivalentsFile {
  readme: string;
  groups: string[][];
}

interface NicknamesFile {
  readme: string;
  /** The spellings of a full given name and its short forms. */
  entries: Array<{ names: string[]; short: string[] }>;
}

const key = (t: string) => foldDiacritics(normaliseText(t)).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Token → the set of all tokens in any group it belongs to (itself included); built once at load. A short form is
 * linked to each spelling of its full name only (Ted ~ Theodore and Ted ~ Edward, but not Theodore ~ Edward).
 */
const INDEX: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byToken = new Map<string, Set<string>>();
  const link = (from: readonly string[], to: readonly string[]) => {
    for (const m of from) {
      const set = byToken.get(m) ?? new Set<string>([m]);
      for (const other of to) set.add(other);
      byToken.set(m, set);
    }
  };
  for (const group of (data as EquivalentsFile).groups) {
    const members = group.map(key).filter((t) => t !== '');
    link(members, members);
  }
  for (const entry of (nicknames as NicknamesFile).entries) {
    const names = entry.names.map(key).filter((t) => t !== '');
    const short = entry.short.map(key).filter((t) => t !== '');
    link(names, short);
    link(short, names);
  }
  return byToken;
})();

const EMPTY: ReadonlySet<string> = new Set();

/** Romanised masculine endings of Russian, Ukrainian, Belarusian and Polish adjectival surnames (-sky), and feminine ones. */
const SKY_MASCULINE = ['sky', 'skiy', 'skii', 'skij', 'skyi', 'skyy', 'ski'];
const SKY_FEMININE = ['skaya', 'skaia', 'skaja', 'ska'];
/**
 * Given names that look like -in/-ina surnames (Martin, Marina): their -in/-ina counterpart is another person's name,
 * not the same family name.
 */
const GIVEN_IN = new Set(
  'martin martina valentin valentina konstantin konstantina augustin augustina justin justina kristin kristina christin christina karin karina marin marina alin alina arin arina polin polina galin galina regin regina carolin carolina angelin angelina paulin paulina pavlin pavlina zarin zarina irin irina katerin katerina ekaterin ekaterina yekaterin yekaterina katarin katarina albin albina sabin sabina selin selina adelin adelina karolin karolina evelin evelina florin florina corin corina robin robina edwin edwina georgin georgina kalin kalina yasin yasina amin amina benjamin benjamina'.split(
    ' ',
  ),
);

/**
 * The other grammatical gender of a Slavic family name (Baranov ~ Baranova, Putin ~ Putina, Zelensky ~ Zelenskaya):
 * the same family name, worn by a man or a woman. Empty for other tokens.
 */
export function genderForms(token: string): string[] {
  const k = key(token);
  for (const m of SKY_MASCULINE) if (k.endsWith(m) && k.length - m.length >= 3) return SKY_FEMININE.map((f) => k.slice(0, -m.length) + f);
  for (const f of SKY_FEMININE) if (k.endsWith(f) && k.length - f.length >= 3) return SKY_MASCULINE.map((m) => k.slice(0, -f.length) + m);
  if (/^[a-z]{3,}(?:ov|ev|yov|yev|in|yn)$/.test(k) && !GIVEN_IN.has(k)) return [`${k}a`];
  if (/^[a-z]{3,}(?:ov|ev|yov|yev|in|yn)a$/.test(k) && !GIVEN_IN.has(k)) return [k.slice(0, -1)];
  return [];
}

/** A Latvian (-s) or Lithuanian (-as, -us) nominative ending on a Slavic name: Lavrovs, Lavrovas ~ Lavrov; Sergejs, Sergejus ~ Sergej. */
const BALTIC = /^([a-z]{3,}(?:ov|ev)|[a-z]{2,}(?:ej|ij))(?:s|as|us)$/;
const BALTIC_STEM_OV = /^[a-z]{3,}(?:ov|ev)$/;
const BALTIC_STEM_EJ = /^[a-z]{2,}(?:ej|ij)$/;

/** Latvian and Lithuanian forms of a Slavic name and its listed spellings (lavrov: lavrovs, lavrovas). */
function balticForms(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const m of names)
    if (BALTIC_STEM_OV.test(m)) out.push(`${m}s`, `${m}as`);
    else if (BALTIC_STEM_EJ.test(m)) out.push(`${m}s`, `${m}us`);
  return out;
}

/**
 * The Latin tokens equivalent to `token` (normalised, folded; the token itself included; empty for an empty token):
 * listed spellings and short forms, the other gender of a Slavic family name, and Slavic names with a Latvian or
 * Lithuanian nominative ending (Sergejs Lavrovs ~ Sergey Lavrov).
 */
export function equivalentTokens(token: string): ReadonlySet<string> {
  const k = key(token);
  if (k === '') return EMPTY;
  const listed = INDEX.get(k);
  const baltic = BALTIC.exec(k);
  if (baltic) {
    // A Baltic form: its Slavic stem and all that the stem is equivalent to.
    const stem = baltic[1]!;
    return new Set([k, stem, ...(INDEX.get(stem) ?? []), ...(listed ?? [])]);
  }
  const extra = [...genderForms(k), ...balticForms(listed ?? [k])];
  if (extra.length === 0) return listed ?? new Set([k]);
  return new Set([...(listed ?? [k]), ...extra]);
}

/** True when the two tokens are equal after normalisation or equivalent (see equivalentTokens). */
export function areEquivalent(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  return ka !== '' && (ka === kb || equivalentTokens(ka).has(kb));
}

/** Number of tokens that have equivalents (for reports). */
export const equivalentsSize = (): number => INDEX.size;
