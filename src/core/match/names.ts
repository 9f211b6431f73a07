// Name forms: a name as written turned into comparable tokens (legal form, titles, numbers, initials) and its romanisations.
import { Kind, type Lexicon, type Token } from './lexicon.js';
import { NUMBER_WORDS, ORGANISATION_ABBREVIATIONS, PERSON_LEGAL_WORDS } from './name-words.js';
import { commaName, isLatin, isPlainTitle, nameTokens, parseName, respell, romanise } from './text.js';

export type NameSource = 'name' | 'alias' | 'weakAlias' | 'previousName' | 'parts';
export type NameStyle = 'person' | 'organisation';

/** One comparable spelling of a name. */
export interface NameForm {
  readonly tokens: readonly Token[];
  /** The name as the source wrote it. */
  readonly text: string;
  readonly source: NameSource;
  /** True when the tokens come from a romanisation of a non-Latin name. */
  readonly romanised: boolean;
  /** True when every token is Latin script. */
  readonly latin: boolean;
  /** True for the form that keeps the titles that open the name (BISHOP MIKE: see nameForms). */
  readonly titled: boolean;
  /** Per token: ROLE_PATRONYMIC for a father's name, ROLE_REPEATED for a part written again right after itself (both identify less), else 0. */
  readonly roles: readonly number[];
  /** Group of the organisation legal form found in the name (stock, limited, generic …), null when none. */
  readonly legal: string | null;
  /**
   * A name written family name first with a comma (KIM, Jong Un) is taken in the order without it (Jong Un KIM): its
   * last `turn` tokens are the family name, which may also be read first (KIM JONG UN) in no other order. A person's
   * name parts with a last name are written so (see partsName in subject.ts). 0 otherwise.
   */
  readonly turn: number;
  /** What the matcher derives from the form and the lexicon's frequencies, kept with it (see features.ts). */
  derived: unknown;
}

/** Longest name text considered (longer input is cut: no name is that long, and work stays bounded). */
export const MAX_NAME_LENGTH = 500;
/** Most tokens kept of one name. */
export const MAX_TOKENS = 24;

/** Legal-form kinds of core/text, grouped: two different groups on the two sides count slightly against a match. */
const LEGAL_GROUP: Readonly<Record<string, string>> = {
  'joint-stock': 'stock',
  'public-company': 'stock',
  'limited-liability': 'limited',
  partnership: 'partnership',
  cooperative: 'cooperative',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };

/** Runs of number words become digits (forty four → 44, first → 1); ordinal suffixes are dropped (1st → 1). */
function numbers(toks: string[]): string[] {
  const out: string[] = [];
  let acc = -1;
  const flush = () => {
    if (acc >= 0) out.push(String(acc));
    acc = -1;
  };
  for (const t of toks) {
    const ord = /^(\d+)(st|nd|rd|th)$/.exec(t);
    const v = ord ? Number(ord[1]) : /^\d{1,2}$/.test(t) ? Number(t) : NUMBER_WORDS.get(t);
    if (v === undefined) {
      flush();
      out.push(t);
    } else if (acc >= 20 && acc % 10 === 0 && v < 10) acc += v;
    else if (v === 100 && acc > 0 && acc < 10) acc *= 100;
    else {
      flush();
      acc = v;
    }
  }
  flush();
  return out;
}

/** Runs of two or more single letters are one abbreviation (A.B.C. → abc). */
function abbreviations(toks: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of toks) {
    if (t.length === 1 && !/\d/.test(t)) run += t;
    else {
      if (run) out.push(run);
      run = '';
      out.push(t);
    }
  }
  if (run) out.push(run);
  return out;
}

/** Splits Han characters and Hangul syllables into one token each (Chinese and Korean names are written without spaces, a syllable per character). */
function splitHan(toks: string[]): string[] {
  return toks.flatMap((t) => (/[\p{Script=Han}\p{Script=Hangul}]/u.test(t) && t.length > 1 ? [...t] : [t]));
}

/** Roman numerals II–XXXIX (not I, V or X alone, which are also initials) as digits, for organisation names. */
function roman(t: string): string {
  const m = /^(x{0,3})(ix|iv|v?i{0,3})$/.exec(t);
  if (!m || t.length < 2) return t;
  const ones: Record<string, number> = { '': 0, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };
  return String(m[1]!.length * 10 + ones[m[2]!]!);
}

const single = (t: { text: string }) => t.text.length === 1 && /[a-z]/.test(t.text);

/**
 * A name's comparable tokens. A person's titles are left out, but with `keepTitles` those that may be a name (see
 * isPlainTitle); `nameTitles` tells whether the name has such a title.
 */
function tokensOf(text: string, style: NameStyle, keepTitles = false): { toks: string[]; roles: number[]; legal: string | null; nameTitles: boolean } {
  if (style === 'person') {
    const parsed = parseName(text, 'Person');
    const title = (t: { kind: string; text: string }) => t.kind === 'title' && (!keepTitles || isPlainTitle(t.text));
    let kept = parsed.tokens.filter((t) => !title(t) && t.kind !== 'legal-form' && !PERSON_LEGAL_WORDS.has(t.text));
    if (!kept.length) kept = parsed.tokens;
    const toks: string[] = [];
    const roles: number[] = [];
    for (const t of kept) {
      const plain = /\d/.test(t.text) && /[a-z]/.test(t.text) ? t.text.replace(/[0134579]/g, (d) => LEET[d]!) : t.text;
      for (const part of splitHan([plain])) {
        // A name part written again right after itself stays (MOHAMED MOHAMED may be Mohamed son of Mohamed): it says little
        // when the other name lacks it (Sergey Sergey Shoigu), and contradicts another name part in its place (OSMAN MOHAMED).
        const again = toks[toks.length - 1] === part;
        toks.push(part);
        roles.push(again ? ROLE_REPEATED : t.kind === 'patronymic' ? ROLE_PATRONYMIC : 0);
      }
    }
    const nameTitles = parsed.tokens.some((t) => t.kind === 'title' && !isPlainTitle(t.text));
    return { toks: toks.slice(0, MAX_TOKENS), roles: roles.slice(0, MAX_TOKENS), legal: null, nameTitles };
  }
  // Dotted abbreviations (A.B.C.) are joined first unless that only hides a legal form written with dots (S.A., o.o.o.).
  let parsed = parseName(text, 'Company');
  if (parsed.tokens.some((t) => t.kind !== 'legal-form' && single(t))) {
    const joined = parseName(abbreviations(nameTokens(text)).join(' '), 'Company');
    if (joined.tokens.some((t) => t.kind !== 'legal-form')) parsed = joined;
  }
  const legal = parsed.legalForms.length ? (parsed.legalForms.map((f) => LEGAL_GROUP[f.kind] ?? 'generic').find((g) => g !== 'generic') ?? 'generic') : null;
  const base = parsed.tokens.filter((t) => t.kind !== 'legal-form').map((t) => ORGANISATION_ABBREVIATIONS.get(t.text) ?? roman(t.text));
  const toks = [...new Set(abbreviations(numbers(splitHan(base))))].slice(0, MAX_TOKENS);
  return { toks, roles: toks.map(() => 0), legal, nameTitles: false };
}

/** One word or another, written with a slash between two words of at least three letters (MOVEMENT/ARMY, not M/S or J/V). */
const WORD_CHOICE = /(^|\s)([\p{L}\p{M}'’-]{3,})\/([\p{L}\p{M}'’-]{3,})(?=\s|$)/u;

/**
 * Lists write alternatives with one slash: two whole names when the slash stands between spaces ("Harakat ul-Mujahidin /
 * HUM") or each half has two words or more ("Al Qa'ida/Islamic Army"), else two words ("Lord's Resistance
 * Movement/Army", "Isfahan/Esfahan"). The name as written stays a form too.
 */
function slashAlternatives(text: string): string[] {
  const halves = text.split('/');
  if (halves.length !== 2) return [];
  const words = halves.map((h) => nameTokens(h).filter((t) => t.length >= 2).length);
  const spaced = /\s\/\s/.test(text);
  if (spaced ? words.every((n) => n >= 1) : words.every((n) => n >= 2)) return halves.map((h) => h.trim());
  const choice = WORD_CHOICE.exec(text);
  return choice ? [choice[2]!, choice[3]!].map((word) => text.replace(choice[0], choice[1]! + word)) : [];
}

/**
 * The comparable forms of one name: its own spelling and, for a name in another script, each romanisation (for a
 * Wade–Giles name, its Pinyin spellings).
 * `intern` adds the tokens to the lexicon (indexed names); otherwise unknown tokens stay transient (queries).
 */
export function nameForms(raw: string, source: NameSource, style: NameStyle, lex: Lexicon, intern: boolean): NameForm[] {
  const text = raw.length > MAX_NAME_LENGTH ? raw.slice(0, MAX_NAME_LENGTH) : raw;
  // A comma says which part is the family name, not in which order the name is read: SMITH, John is John Smith, and
  // KIM, Jong Un is KIM JONG UN as Korean writes it. The name is taken in the order without the comma, and its family
  // name may also be read first (see NameForm.turn).
  const comma = style === 'person' ? commaName(text) : undefined;
  const written = comma?.reading ?? text;
  const family = comma && !comma.qualified ? tokensOf(comma.family, style).toks : [];
  const familyEnd = ` ${family.join(' ')}`;
  const out: NameForm[] = [];
  const seen = new Set<string>();
  /** Adds a form of `spelling` (unless it has no token or is a form already) and tells whether it has a title that may be a name. */
  const add = (spelling: string, romanised: boolean, keepTitles = false): boolean => {
    const { toks, roles, legal, nameTitles } = tokensOf(spelling, style, keepTitles);
    const key = toks.join(' ');
    if (!toks.length || seen.has(key)) return nameTitles;
    seen.add(key);
    // A romanisation keeps the father's names read in the original script, word for word (ISO 9 turns -ович into -ovic).
    const original = out[0]?.roles;
    if (romanised && original?.length === roles.length) original.forEach((r, i) => (roles[i] ||= r));
    const tokens = toks.map((t) => (intern ? lex.intern(t) : lex.lookup(t)));
    const turn = family.length && toks.length > family.length && key.endsWith(familyEnd) ? family.length : 0;
    out.push({ tokens, roles, text, source, romanised, latin: isLatin(key), titled: keepTitles, legal, turn, derived: undefined });
    return nameTitles;
  };
  // A title that opens a name may be the name itself (BISHOP MIKE): the name is also compared with it.
  if (add(written, false)) add(written, false, true);
  if (!out.length || !out[0]!.latin) for (const r of romanise(written)) add(r, true);
  else for (const r of respell(written)) add(r, true);
  if (written.includes('/')) for (const alt of slashAlternatives(written)) add(alt, false);
  return out;
}

export const ROLE_PATRONYMIC = 1;
export const ROLE_REPEATED = 2;

/** Weight of a token relative to a word: particles, initials, patronymics and repeated parts say less about who is meant. */
export function kindWeight(kind: Kind, role = 0): number {
  return kind === Kind.Particle ? 0.15 : kind === Kind.Initial ? 0.3 : role === ROLE_PATRONYMIC ? 0.5 : role === ROLE_REPEATED ? 0.3 : 1;
}
