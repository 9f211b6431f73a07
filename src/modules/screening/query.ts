// Validation of a screening query (API body, NDJSON line, CSV row, CLI flags): clear errors naming the field, never a throw of anything else.
import { model, normaliseCountry, normaliseDate } from '../../core/model/index.js';
import { Kind, type CandidateIndex, type DocumentRef, type ScreeningQuery } from '../../core/match/index.js';
import { AppError, invalid } from '../../platform/errors.js';

export const MAX_NAME = 1000;
const MAX_ID = 200;
const MAX_DOCUMENTS = 20;
const MAX_LISTS = 50;
/** Offset of the first control character (C0 including tab and line feed, DEL, C1), or -1. */
function controlAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}
const GENDERS = ['male', 'female', 'other'] as const;

/** A validated query, with the lists it is restricted to (none: every active list). */
export interface ValidQuery extends ScreeningQuery {
  lists?: string[];
  subjectId?: string;
}

function text(value: unknown, field: string, max: number, required = false): string | undefined {
  if (value === undefined || value === null || (value === '' && !required)) {
    if (required) throw invalid(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw invalid(field, `must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}`);
  if (value.length > max) throw invalid(field, `is longer than ${max.toLocaleString('en')} characters (${value.length.toLocaleString('en')})`);
  const at = controlAt(value);
  if (at >= 0) throw invalid(field, `holds a control character (U+${value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}) at offset ${at}`);
  if (required && !value.trim()) throw invalid(field, 'is empty');
  return value.trim();
}

function documentsOf(value: unknown): Array<string | DocumentRef> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid('documents', 'must be an array of strings or {"type","number","country"} objects');
  if (value.length > MAX_DOCUMENTS) throw invalid('documents', `holds more than ${MAX_DOCUMENTS} documents`);
  return value.map((d, i) => {
    const field = `documents[${i}]`;
    if (typeof d === 'string') return text(d, field, 100, true)!;
    if (!d || typeof d !== 'object' || Array.isArray(d)) throw invalid(field, 'must be a string or a {"type","number","country"} object');
    const o = d as Record<string, unknown>;
    const number = text(o.number, `${field}.number`, 100, true)!;
    const type = text(o.type, `${field}.type`, 50);
    const rawCountry = text(o.country, `${field}.country`, 100);
    const known = rawCountry ? normaliseCountry(rawCountry) : null;
    const country = known?.code ?? undefined;
    if (rawCountry && !known) throw invalid(`${field}.country`, `unknown country "${rawCountry.slice(0, 60)}"`);
    return { number, ...(type ? { type } : {}), ...(country ? { country } : {}) };
  });
}

/** Checks a query; throws AppError validation-failed naming the field. `index` checks the name holds words to match. */
export function validateQuery(input: unknown, index?: CandidateIndex): ValidQuery {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('query', 'must be a JSON object with at least "name"');
  const o = input as Record<string, unknown>;
  const id = o.id === undefined || o.id === null ? undefined : typeof o.id === 'number' ? String(o.id) : text(o.id, 'id', MAX_ID);
  const name = text(o.name, 'name', MAX_NAME, true)!;
  const q: ValidQuery = { name, ...(id ? { id } : {}) };
  const birthDate = text(o.birthDate, 'birthDate', 40);
  if (birthDate) {
    if (!normaliseDate(birthDate)) throw invalid('birthDate', `"${birthDate}" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    q.birthDate = birthDate;
  }
  const nationality = text(o.nationality, 'nationality', 100);
  if (nationality) {
    const c = normaliseCountry(nationality);
    if (!c) throw invalid('nationality', `unknown country "${nationality.slice(0, 60)}" (use ISO alpha-2 or alpha-3, an ICAO code or the English name)`);
    // An ICAO code of no State (stateless, refugee) is valid but compares with no listed nationality.
    if (c.code) q.nationality = c.code;
  }
  const gender = text(o.gender, 'gender', 20);
  if (gender) {
    if (!(GENDERS as readonly string[]).includes(gender.toLowerCase())) throw invalid('gender', `must be one of ${GENDERS.join(', ')}`);
    q.gender = gender.toLowerCase();
  }
  const documents = documentsOf(o.documents);
  if (documents?.length) q.documents = documents;
  const schema = text(o.schema, 'schema', 60);
  if (schema) {
    const s = model.getSchema(schema);
    if (!s || s.abstract || !s.matchable)
      throw invalid('schema', `unknown or unmatchable FtM schema "${schema.slice(0, 60)}" (e.g. Person, Organization, Company, Vessel)`);
    q.schema = schema;
  }
  if (o.lists !== undefined && o.lists !== null) {
    if (!Array.isArray(o.lists) || o.lists.length > MAX_LISTS) throw invalid('lists', `must be an array of at most ${MAX_LISTS} list names`);
    q.lists = o.lists.map((l, i) => text(l, `lists[${i}]`, 64, true)!);
  }
  const subjectId = text(o.subjectId, 'subjectId', MAX_ID);
  if (subjectId) q.subjectId = subjectId;
  if (index) {
    const forms = index.prepare(q).names;
    if (!forms.length) throw invalid('name', 'holds no letters or digits to match');
    if (forms.every((f) => f.tokens.every((t) => t.kind === Kind.Particle)))
      throw invalid('name', 'holds only particles (al, bin, van, de …); give at least one name word');
  }
  return q;
}

/** The error of a rejected query as an NDJSON line carries it. */
export function errorOf(e: unknown): { code: string; detail: string; field?: string } {
  if (e instanceof AppError) return { code: e.code, detail: e.detail, ...(e.extra.field ? { field: e.extra.field } : {}) };
  return { code: 'internal', detail: 'the query could not be screened' };
}
