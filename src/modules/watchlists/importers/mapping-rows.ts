// Applies an FtM mapping to rows of named values (a CSV's, or any other tabular source's): the entities of each row.
import { createHash } from 'node:crypto';
import { normaliseCountry, normaliseDate } from '../../../core/model/index.js';
import type { EntityMapping, PropertyMapping, QueryMapping } from './mapping.js';
import { ImportError, IMPORT_LIMITS, type ImportedEntity, type ImportLocation } from './types.js';

/** One CSV row: its 1-based line, byte offset, and values by header name. */
export interface MappedRow {
  line: number;
  offset?: number;
  values: Record<string, string>;
}

const GENDERS: Readonly<Record<string, string>> = { m: 'male', male: 'male', f: 'female', female: 'female', x: 'other', other: 'other' };
/** Longest entity id accepted (the watchlists store takes 200 characters). */
const MAX_ID = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const TEMPLATE_REF = /\{\{\s*([^{}]+?)\s*\}\}/g;

const cell = (row: MappedRow, column: string): string => (Object.hasOwn(row.values, column) ? row.values[column]! : '');

/**
 * The id of a mapping entity for a row, as FtM derives it: sha1 over `key_literal` and the
 * row's non-empty key values (trimmed, in byte order), as `<listName>-<hex>`; with `id_column`,
 * `<listName>-<value>`. Undefined when every key is empty (the row makes no such entity).
 */
export function mappedId(listName: string, e: EntityMapping, row: MappedRow): string | undefined {
  if (e.idColumn) {
    const value = cell(row, e.idColumn).trim();
    return value ? `${listName}-${value}` : undefined;
  }
  const parts = e.keys.map((k) => Buffer.from(cell(row, k).trim(), 'utf8')).filter((b) => b.length > 0);
  if (!parts.length) return undefined;
  const sha1 = createHash('sha1').update(e.keyLiteral, 'utf8');
  for (const part of parts.sort(Buffer.compare)) sha1.update(part);
  return `${listName}-${sha1.digest('hex')}`;
}

function rawValues(p: PropertyMapping, row: MappedRow): string[] {
  let values: string[];
  if (p.template !== undefined) values = [p.template.replace(TEMPLATE_REF, (_, col: string) => cell(row, col)).trim()];
  else values = [...p.literals, ...p.columns.map((c) => cell(row, c))];
  if (p.join !== undefined) values = [values.filter((v) => v.trim()).join(p.join)];
  if (p.split !== undefined) values = values.flatMap((v) => v.split(p.split!));
  return values.map((v) => v.trim()).filter(Boolean);
}

function typed(p: PropertyMapping, maxLength: number, value: string, fail: (msg: string) => never): string[] {
  switch (p.type) {
    case 'date': {
      for (const f of p.formats) {
        const iso = f.parse(value);
        if (iso) return [iso];
      }
      return (
        normaliseDate(value) ??
        fail(`"${value.slice(0, 40)}" is not a date${p.formats.length ? ` (formats ${p.formats.map((f) => f.source).join(', ')})` : ''}`)
      );
    }
    case 'country': {
      const code = normaliseCountry(value)?.code;
      return code ? [code] : fail(`"${value.slice(0, 40)}" is not a country`);
    }
    case 'gender': {
      const g = value.toLowerCase();
      return Object.hasOwn(GENDERS, g) ? [GENDERS[g]!] : fail(`"${value.slice(0, 40)}" is not a gender (male, female, other)`);
    }
    case 'text':
    case 'html': {
      const pieces: string[] = [];
      for (let i = 0; i < value.length; i += maxLength) pieces.push(value.slice(i, i + maxLength));
      return pieces;
    }
    default:
      return value.length > maxLength ? fail(`a value of ${value.length} characters is over the ${maxLength} allowed`) : [value];
  }
}

function sourceIdOf(e: EntityMapping, row: MappedRow): string {
  if (e.idColumn) return cell(row, e.idColumn).trim();
  return e.keys
    .map((k) => cell(row, k).trim())
    .filter(Boolean)
    .join('|');
}

/** Whether the query's filters take this row. */
export function rowPasses(q: QueryMapping, row: MappedRow): boolean {
  for (const [col, values] of q.filters) if (!values.includes(cell(row, col).trim())) return false;
  for (const [col, values] of q.filtersNot) if (values.includes(cell(row, col).trim())) return false;
  return true;
}

/**
 * The entities one query makes of one row. Listed: entities of a matchable Thing schema;
 * the others are auxiliaries owned by the first entity they reference (or, failing that, by the
 * first listed entity that references them). A value that does not fit its property's type
 * throws ImportError naming the row's line, the column and the property.
 */
export function mapRow(q: QueryMapping, listName: string, row: MappedRow, where: ImportLocation): ImportedEntity[] {
  if (!rowPasses(q, row)) return [];
  const ids = new Map<string, string>();
  for (const e of q.entities) {
    const id = mappedId(listName, e, row);
    if (id && (id.length > MAX_ID || CONTROL.test(id)))
      throw new ImportError(`entity ${e.name}: the id from column ${e.idColumn} is longer than ${MAX_ID} characters or has control characters`, {
        ...where,
        line: row.line,
        ...(row.offset !== undefined ? { offset: row.offset } : {}),
      });
    if (id) ids.set(e.name, id);
  }
  const built = new Map<string, Record<string, string[]>>();
  for (const e of q.entities) {
    const id = ids.get(e.name);
    if (!id) continue;
    const props: Record<string, string[]> = {};
    let skip = false;
    for (const p of e.properties) {
      const fail = (msg: string): never => {
        const cols = p.columns.length ? ` (column ${p.columns.join(', ')})` : '';
        throw new ImportError(`entity ${e.name}, property ${p.property}${cols}: ${msg}`, {
          ...where,
          line: row.line,
          ...(row.offset !== undefined ? { offset: row.offset } : {}),
        });
      };
      const maxLength = Math.min(IMPORT_LIMITS.maxValueLength, e.schema.getProperty(p.property)!.maxLength);
      const values =
        p.entity !== undefined ? [ids.get(p.entity)].filter((v): v is string => !!v) : rawValues(p, row).flatMap((v) => typed(p, maxLength, v, fail));
      if (p.required && !values.length) skip = true;
      const into = (props[p.property] ??= []);
      for (const v of values) if (!into.includes(v)) into.push(v);
      if (into.length > IMPORT_LIMITS.maxValuesPerProperty) fail(`more than ${IMPORT_LIMITS.maxValuesPerProperty} values`);
    }
    if (skip) ids.delete(e.name);
    else built.set(e.name, props);
  }
  const made = new Set(ids.values());
  const out: ImportedEntity[] = [];
  for (const e of q.entities) {
    const props = built.get(e.name);
    const id = ids.get(e.name);
    if (!props || !id) continue;
    const refs = e.properties.filter((p) => p.entity !== undefined);
    for (const p of refs) props[p.property] = props[p.property]!.filter((v) => made.has(v));
    let ownerId: string | undefined;
    if (!e.listed) {
      ownerId = refs.map((p) => props[p.property]![0]).find((v) => v !== undefined);
      const referrer = ownerId
        ? undefined
        : q.entities.find((o) => o.listed && built.has(o.name) && ids.has(o.name) && o.properties.some((p) => p.entity === e.name));
      if (referrer) ownerId = ids.get(referrer.name);
    }
    const properties = Object.fromEntries(Object.entries(props).filter(([, v]) => v.length));
    out.push({ id, schema: e.schema.name, properties, listed: e.listed, ...(ownerId ? { ownerId } : {}), sourceId: sourceIdOf(e, row) });
  }
  return out;
}

/** Maps rows with the queries; the first row's columns are checked against those the mapping reads. */
export async function* applyMapping(
  queries: readonly QueryMapping[],
  listName: string,
  rows: AsyncIterable<MappedRow>,
  csvFile: string,
  mappingFile: string,
): AsyncGenerator<ImportedEntity> {
  let first = true;
  for await (const row of rows) {
    if (first) {
      first = false;
      for (const q of queries)
        for (const [col, line] of q.columns)
          if (!Object.hasOwn(row.values, col))
            throw new ImportError(`column ${JSON.stringify(col)} is not in the header of ${csvFile}`, { file: mappingFile, line });
    }
    for (const q of queries) yield* mapRow(q, listName, row, { file: csvFile });
  }
}
