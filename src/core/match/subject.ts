// A query or a listed entity prepared for matching: its name forms and its normalised evidence.
import { model, normaliseCountry, normaliseDate } from '../model/index.js';
import type { EntityData } from '../model/types.js';
import type { DocumentRef, Evidence } from './evidence.js';
import type { Lexicon } from './lexicon.js';
import { commaName } from './text.js';
import { nameForms, type NameForm, type NameSource, type NameStyle } from './names.js';

/** An entity to match, optionally with its identity documents resolved from its Passport/Identification entities. */
export interface MatchEntity extends EntityData {
  documents?: readonly DocumentRef[];
}

/** A screening query as the contract defines it (`name` required; the rest optional). */
export interface ScreeningQuery {
  id?: string;
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: string;
  documents?: ReadonlyArray<string | DocumentRef>;
  schema?: string;
}

export interface Subject extends Evidence {
  id: string;
  schema: string;
  style: NameStyle;
  names: readonly NameForm[];
  /** The first name as written, for explanations. */
  caption: string;
}

const NAME_PROPS: ReadonlyArray<readonly [string, NameSource]> = [
  ['name', 'name'],
  ['alias', 'alias'],
  ['previousName', 'previousName'],
  ['weakAlias', 'weakAlias'],
];
/** A person's name parts before the last name, in the order they are read. */
const GIVEN_PROPS = ['firstName', 'secondName', 'middleName', 'fatherName'];
const DOC_PROPS: ReadonlyArray<readonly [string, string]> = [
  ['passportNumber', 'passport'],
  ['idNumber', 'id'],
  ['socialSecurityNumber', 'ssn'],
  ['taxNumber', 'tax'],
  ['innCode', 'tax'],
  ['vatCode', 'vat'],
  ['registrationNumber', 'registration'],
  ['ogrnCode', 'registration'],
  ['leiCode', 'lei'],
  ['swiftBic', 'swift'],
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
];
/**
 * A person's name parts as one name, given names first. With a last name beside other parts it is written as lists
 * write a family name first (SURNAME, Given), which nameForms reads in the order without the comma and may also read
 * family name first: a list that says which part is the family name states both orders.
 */
function partsName(props: (p: string) => string[]): string | undefined {
  const part = (p: string) => (props(p)[0] ?? '').trim();
  const given = GIVEN_PROPS.map(part).filter(Boolean);
  const last = part('lastName');
  if (given.length + (last ? 1 : 0) < 2) return undefined;
  if (!last) return given.join(' ');
  const comma = `${last}, ${given.join(' ')}`;
  return commaName(comma) ? comma : `${given.join(' ')} ${last}`;
}

/** Most names of one entity considered (lists give a few dozen at most). */
export const MAX_NAMES = 64;

export function styleOf(schema: string): NameStyle {
  return schema === 'Person' ? 'person' : 'organisation';
}

/**
 * A person's name of one part, where the person's other names have more (the UN's "Maulavi Adam" beside ADAM KHAN
 * ACHEKZAI), counts as a weak alias: a given name alone would otherwise make every Adam Smith a match.
 */
function weakenSingleNames(names: NameForm[]): NameForm[] {
  // A title kept as a name (Bishop) does not make a name fuller: PRESIDENT ERDOGAN is Erdogan's name, not a weak alias.
  if (!names.some((f) => f.tokens.length > 1 && !f.titled)) return names;
  // Nor does it make a name part alone stronger: HAJJ IBRAHIM is as weak as IBRAHIM.
  const single = new Set(names.filter((f) => f.tokens.length === 1 && !f.titled).map((f) => f.text));
  return names.map((f) => ((f.tokens.length === 1 || (f.titled && single.has(f.text))) && f.source !== 'weakAlias' ? { ...f, source: 'weakAlias' } : f));
}

export function isQuery(x: MatchEntity | ScreeningQuery): x is ScreeningQuery {
  return typeof (x as ScreeningQuery).name === 'string' && !(x as EntityData).properties;
}

/** A document number compared without spaces, dashes or case; too short a number (under 4) is not decisive and dropped. */
export function documentKey(number: string): string {
  const k = number.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  return k.length >= 4 ? k.slice(0, 64) : '';
}

function docType(type: string | undefined): string | null {
  if (!type) return null;
  const t = type.toLowerCase();
  if (/pass|pasaporte/.test(t)) return 'passport';
  if (/national|ident|\bid\b|card/.test(t)) return 'id';
  return t.trim() || null;
}

function country(raw: string | undefined): string | null {
  return raw ? (normaliseCountry(raw)?.code ?? null) : null;
}

function gender(raw: string | undefined): 'male' | 'female' | null {
  const g = (raw ?? '').trim().toLowerCase();
  return g === 'male' || g === 'm' ? 'male' : g === 'female' || g === 'f' ? 'female' : null;
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * Prepares a query or an entity. `intern` adds its name tokens to the lexicon (for indexed entities); a query's unknown
 * tokens stay transient. Values that cannot be read (a date that is no date, an unknown country) are left out: they
 * cannot be compared and count neither way. Never throws.
 */
export function prepareSubject(input: MatchEntity | ScreeningQuery, lex: Lexicon, intern = false): Subject {
  const q = isQuery(input) ? input : undefined;
  const e = q ? undefined : (input as MatchEntity);
  const schema = (q ? q.schema : e?.schema) && model.getSchema((q ? q.schema : e?.schema)!) ? (q ? q.schema : e!.schema)! : q ? 'Person' : 'Thing';
  const style = styleOf(schema);
  const props = (p: string): string[] => {
    const v = e?.properties?.[p];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  const raw: Array<[string, NameSource]> = q
    ? [[String(q.name ?? ''), 'name']]
    : NAME_PROPS.flatMap(([p, s]) => props(p).map((v) => [v, s] as [string, NameSource]));
  if (e && style === 'person') {
    const parts = partsName(props);
    if (parts) raw.push([parts, 'parts']);
  }
  const names: NameForm[] = [];
  const seen = new Map<string, number>();
  for (const [text, source] of raw.slice(0, MAX_NAMES)) {
    for (const form of nameForms(text, source, style, lex, intern)) {
      const key = form.tokens.map((t) => t.text).join(' ');
      const at = seen.get(key);
      if (at !== undefined) {
        // The same tokens read from a name that says which are the family name (SMITH, John; the name parts) let the
        // form kept also be read family name first.
        if (form.turn && !names[at]!.turn) names[at] = { ...names[at]!, turn: form.turn };
        continue;
      }
      seen.set(key, names.length);
      names.push(form);
    }
  }
  const birthDates = unique((q ? (q.birthDate ? [q.birthDate] : []) : props('birthDate')).flatMap((d) => normaliseDate(d) ?? []));
  const countries = unique(
    (q ? (q.nationality ? [q.nationality] : []) : [...props('nationality'), ...props('citizenship')]).map(country).filter((c): c is string => !!c),
  );
  const docs: Array<{ type: string | null; number: string; country: string | null }> = [];
  const addDoc = (d: string | DocumentRef, fallbackType: string | null) => {
    const ref = typeof d === 'string' ? { number: d } : d;
    const number = documentKey(String(ref?.number ?? ''));
    if (number) docs.push({ type: docType(ref.type) ?? fallbackType, number, country: country(ref.country) });
  };
  for (const d of q ? (q.documents ?? []) : (e?.documents ?? [])) addDoc(d, null);
  if (e) for (const [p, type] of DOC_PROPS) for (const v of props(p)) if (!docs.some((d) => d.number === documentKey(v))) addDoc(v, type);
  return {
    id: (q ? q.id : e?.id) ?? '',
    schema,
    style,
    names: e && style === 'person' ? weakenSingleNames(names) : names,
    caption: raw[0]?.[0] ?? '',
    birthDates,
    countries,
    gender: gender(q ? q.gender : props('gender')[0]),
    documents: docs,
  };
}
