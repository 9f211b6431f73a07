// Name parts: titles, particles, patronymics, initials, numbers and legal forms; joined and split forms of compound tokens.
import { LEGAL_FORMS, type LegalFormKind } from './legal-forms.js';
import { foldDiacritics, tokens } from './normalise.js';

export type NameTokenKind = 'given' | 'family' | 'particle' | 'patronymic' | 'initial' | 'title' | 'number' | 'legal-form' | 'other';

export interface NameToken {
  text: string;
  kind: NameTokenKind;
}

export interface LegalForm {
  code: string;
  kind: LegalFormKind;
  countries: readonly string[];
  /** The tokens as they were written in the name. */
  text: string;
}

export interface ParsedName {
  /** All tokens, in order, folded to lower case without diacritics. */
  tokens: NameToken[];
  /** Legal forms found at the start or end (organisations only). */
  legalForms: LegalForm[];
  /** Compound forms: a particle glued to what follows (al qaida → alqaida, abdul rahman → abdulrahman). */
  joined: string[];
  /** Split forms of compound tokens (abdulrahman → abdul rahman, khairullah → khair ullah). */
  split: string[][];
}

/** Titles that are never a name: they are left out wherever they stand (SMITH/JOHN MR, as airlines write it). */
const PLAIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'mstr', 'dr', 'prof']);
/** A title that is never a name (Mr, Dr); the other titles are names as well where they do not open one (Mike Bishop). */
export const isPlainTitle = (word: string) => PLAIN_TITLES.has(word);
/** Every title: the plain ones and the words that are titles only where they open a name (see titlePositions). */
const TITLES = new Set([
  ...PLAIN_TITLES,
  ...'sir dame lord lady sheikh shaykh sheik shaikh haji hajji hadji hajj alhaj alhaji mullah mulla mollah maulavi maulvi mawlawi mawlavi maulana mawlana qari imam ayatollah hojatoleslam general gen colonel col lieutenant lt major maj captain capt sergeant sgt admiral adm brigadier brig commander cmdr marshal rev reverend father fr bishop president minister senator sen judge'.split(
    ' ',
  ),
]);
const PARTICLES = new Set(
  'al el ul ad ar as at az an ash bin ibn bint ben bent abu abou abd ould wuld ag van von der den de da di del della dello dos das do du la le lo ter ten zu y e'.split(
    ' ',
  ),
);
/** Particles after which the next token is a father's or ancestor's name. */
const PATRONYMIC_PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben', 'bent', 'ould', 'wuld', 'ag']);
/**
 * Father's-name endings: Latin spellings, and the East Slavic ones in Cyrillic (after diacritic folding: й → и, ў → у),
 * where -ович is read before a romanisation turns it into the -ovic of South Slavic family names (ISO 9).
 */
const PATRONYMIC_SUFFIX =
  /(?:ovich|evich|yevich|ievich|ovych|evych|ovna|evna|yevna|ivna|ichna|oglu|ogly|ogli|oglou|uly|kyzy|qizi|kizi|ович|евич|овна|евна|ична|івна|авіч|евіч|ауна|еуна)$/;
const SHORT_PATRONYMIC = /[^aeiou]ich$/;
const NUMBER = /^\p{N}+$/u;
const ORG_SCHEMAS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane', 'Asset']);
/** Prefixes split off a compound token, and suffixes that make a compound with what precedes. */
const SPLIT_PREFIXES = ['abdul', 'abdel', 'abdal', 'abdur', 'abdar', 'abdus', 'abdoul', 'abd', 'abu', 'abou', 'bin', 'ben'];
const SPLIT_SUFFIXES = ['ullah', 'allah', 'ollah', 'uddin', 'eddine', 'eddin', 'addin', 'uddeen', 'ur rahman'];
/**
 * A word that introduces the name after it rather than being a name on its own: a particle (AL, BIN, ABU, VAN, DE …) or
 * an ABD- prefix written apart (ABDEL RAHMAN, ABDUL RAHIM: servant of the Merciful).
 */
export const introducesName = (word: string) => PARTICLES.has(word) || SPLIT_PREFIXES.includes(word);

const latin = (s: string) => tokens(foldDiacritics(s, 'plain')).map((t) => foldDiacritics(t));

/** Legal-form lookup: token sequences (space-joined and glued) → spec; forms in scripts without spaces kept apart. */
const FORM_INDEX: ReadonlyMap<string, (typeof LEGAL_FORMS)[number]> = (() => {
  const m = new Map<string, (typeof LEGAL_FORMS)[number]>();
  for (const spec of LEGAL_FORMS)
    for (const form of spec.forms) {
      const t = latin(form);
      if (t.length === 0) continue;
      if (!m.has(t.join(' '))) m.set(t.join(' '), spec);
      if (!m.has(t.join(''))) m.set(t.join(''), spec);
    }
  return m;
})();
const UNSPACED_FORMS = [...FORM_INDEX.keys()].filter((k) => /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(k));
const MAX_FORM_TOKENS = 7;
const NONE: ReadonlySet<number> = new Set();

function matchForm(toks: string[], fromEnd: boolean): { n: number; spec: (typeof LEGAL_FORMS)[number] } | undefined {
  for (let n = Math.min(MAX_FORM_TOKENS, toks.length - 1); n >= 1; n--) {
    const part = fromEnd ? toks.slice(toks.length - n) : toks.slice(0, n);
    const spec = FORM_INDEX.get(part.join(' ')) ?? (n > 1 ? FORM_INDEX.get(part.join('')) : undefined);
    if (spec) return { n, spec };
  }
  return undefined;
}

/** Removes legal forms from the start and end of an organisation name: "11420 Corp." → {base: "11420", forms: [corp]}. */
export function stripLegalForm(name: string): { base: string; forms: LegalForm[] } {
  let toks = latin(name);
  // Scripts written without spaces carry the form inside the last token (中国石油有限公司).
  const last = toks[toks.length - 1];
  if (last)
    for (const f of UNSPACED_FORMS)
      if (last.length > f.length && last.endsWith(f)) {
        toks = [...toks.slice(0, -1), last.slice(0, -f.length), f];
        break;
      }
  const forms: LegalForm[] = [];
  for (let guard = 0; guard < 8 && toks.length > 1; guard++) {
    const end = matchForm(toks, true);
    const found = end ?? matchForm(toks, false);
    if (!found) break;
    const fromEnd = !!end;
    const part = fromEnd ? toks.slice(toks.length - found.n) : toks.slice(0, found.n);
    forms.push({ code: found.spec.code, kind: found.spec.kind, countries: found.spec.countries, text: part.join(' ') });
    toks = fromEnd ? toks.slice(0, toks.length - found.n) : toks.slice(found.n);
  }
  return { base: toks.join(' '), forms };
}

function splitToken(t: string): string[] | undefined {
  for (const p of SPLIT_PREFIXES) if (t.length >= p.length + 3 && t.startsWith(p)) return [p, t.slice(p.length)];
  for (const s of SPLIT_SUFFIXES) if (!s.includes(' ') && t.length >= s.length + 3 && t.endsWith(s)) return [t.slice(0, -s.length), s];
  return undefined;
}

/**
 * Positions of the titles among a person's name tokens `raw`: the run of title words that opens the name or one of its
 * comma-separated parts (Dr. Ayman al-Zawahiri; AL ZAWAHIRI, Dr. Ayman; KASMURI, Lt. Col. Abd Manaf), and the titles that
 * are never a name wherever they stand (SMITH JOHN MR). Another title word is a name there (Timothy H. Bishop, Roger
 * Marshal, Khalid Shaikh Mohammed, Wang-gen). A name of titles alone keeps its last word.
 */
function titlePositions(s: string, raw: readonly string[]): ReadonlySet<number> {
  if (!raw.some((t) => TITLES.has(t))) return NONE;
  let parts = s.includes(',') ? s.split(',').map(latin) : [raw];
  if (parts.reduce((n, p) => n + p.length, 0) !== raw.length) parts = [raw];
  const out = new Set<number>();
  let i = 0;
  for (const part of parts) {
    let lead = true;
    for (const t of part) {
      lead &&= TITLES.has(t);
      if (lead || PLAIN_TITLES.has(t)) out.add(i);
      i++;
    }
  }
  if (out.size === raw.length) out.delete(raw.length - 1);
  return out;
}

/** What follows a person's name after a comma and qualifies it rather than naming (SMITH, John, Jr.; John Smith, PhD). */
const QUALIFIERS = new Set(['jr', 'sr', 'junior', 'senior', 'ii', 'iii', 'iv', 'esq', 'phd', 'md']);
/** Most words of a family name written first, before a comma (DE LA CRUZ GARCIA, Juan). */
const MAX_FAMILY_FIRST = 4;

/**
 * A person's name written family name first with a comma (SMITH, John; AL ZAWAHIRI, Dr. Ayman; Frost, William W.):
 * `reading` is the name in the order of a name written without one, what follows the comma first (John SMITH), and
 * `family` the part before the comma. Qualifiers after a further comma stay last (SMITH, John, Jr.: John SMITH Jr.).
 * Undefined for a name with no comma, any other comma, or a qualifier alone after its comma.
 */
export function commaName(s: string): { reading: string; family: string; qualified: boolean } | undefined {
  if (!s.includes(',')) return undefined;
  const parts = s.split(',');
  const qualifiers: string[] = [];
  while (parts.length > 2 && latin(parts[parts.length - 1]!).every((t) => QUALIFIERS.has(t))) qualifiers.unshift(parts.pop()!.trim());
  if (parts.length !== 2) return undefined;
  const [family, given] = parts.map(latin) as [string[], string[]];
  if (!family.length || family.length > MAX_FAMILY_FIRST || !given.length || given.every((t) => QUALIFIERS.has(t))) return undefined;
  return { reading: [parts[1]!.trim(), parts[0]!.trim(), ...qualifiers].join(' '), family: parts[0]!.trim(), qualified: qualifiers.length > 0 };
}

/**
 * Parses a name into typed tokens. `schema` is an FtM schema name: organisations get legal forms and no given/family
 * parts; persons get titles, particles, patronymics, initials, and the family name (last name part, or the first when
 * the name ends with a patronymic, as Russian documents order it). Word order is left to the matcher.
 */
export function parseName(s: string, schema = 'Person'): ParsedName {
  const isOrg = ORG_SCHEMAS.has(schema);
  let legalForms: LegalForm[] = [];
  let raw: string[];
  if (isOrg) {
    const stripped = stripLegalForm(s);
    legalForms = stripped.forms;
    raw = stripped.base === '' ? [] : stripped.base.split(' ');
  } else raw = latin(s);
  const out: NameToken[] = raw.map((text) => ({ text, kind: 'other' as NameTokenKind }));
  const titles = isOrg ? NONE : titlePositions(s, raw);
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (NUMBER.test(t.text)) t.kind = 'number';
    else if (isOrg) continue;
    else if (titles.has(i)) t.kind = 'title';
    else if (PARTICLES.has(t.text) && i < out.length - 1) t.kind = 'particle';
    else if (i > 0 && PATRONYMIC_PARTICLES.has(out[i - 1]!.text)) t.kind = 'patronymic';
    else if (t.text.length > 6 && PATRONYMIC_SUFFIX.test(t.text)) t.kind = 'patronymic';
    else if (out.length >= 3 && i === 1 && t.text.length > 5 && SHORT_PATRONYMIC.test(t.text)) t.kind = 'patronymic';
    else if ([...t.text].length === 1 && /\p{L}/u.test(t.text)) t.kind = 'initial';
  }
  if (!isOrg) {
    const names = out.filter((t) => t.kind === 'other');
    const endsWithPatronymic = out[out.length - 1]?.kind === 'patronymic' && !PATRONYMIC_PARTICLES.has(out[out.length - 2]?.text ?? '');
    names.forEach((t, k) => (t.kind = (endsWithPatronymic ? k === 0 : k === names.length - 1) && names.length > 1 ? 'family' : 'given'));
  }
  const legal = legalForms.map((f): NameToken => ({ text: f.text, kind: 'legal-form' }));
  const joined: string[] = [];
  for (let i = 0; i < raw.length - 1; i++) if (PARTICLES.has(raw[i]!)) joined.push(raw[i]! + raw[i + 1]!);
  const split = raw.map(splitToken).filter((x): x is string[] => !!x);
  return { tokens: [...out, ...legal], legalForms, joined, split };
}
