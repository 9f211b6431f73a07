// Imports FollowTheMoney JSON lines as OpenSanctions and Aleph publish them, streamed with constant memory.
import { cleanEntity, isListable, model, validateEntity, type Schema } from '../../../core/model/index.js';
import { readJsonLines, type JsonLine } from './json-lines.js';
import { ImportError, IMPORT_LIMITS, type ImportedEntity, type Importer } from './types.js';

/** Longest entity id accepted (the watchlists store takes 200 characters). */
const MAX_ID = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Properties naming the entity an auxiliary belongs to, in order of preference. */
const OWNER_PROPERTIES = ['entity', 'holder', 'owner', 'person', 'director', 'member', 'employee', 'subject', 'participant', 'party'];

/** The property of an auxiliary schema that points at the entity it belongs to (Sanction.entity, Passport.holder…). */
export function ownerProperty(schema: Schema): string | undefined {
  const named = OWNER_PROPERTIES.find((p) => schema.getProperty(p)?.type === 'entity');
  if (named) return named;
  const source = schema.edge?.source;
  return source && schema.getProperty(source)?.type === 'entity' ? source : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Property values as given, with long free text cut into pieces of IMPORT_LIMITS.maxValueLength. */
function readProperties(schema: Schema, raw: unknown, fail: (msg: string) => never): Record<string, string[]> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) fail('"properties" must be an object');
  const entries: [string, string[]][] = [];
  for (const [name, values] of Object.entries(raw)) {
    const list = typeof values === 'string' ? [values] : values;
    if (!Array.isArray(list)) fail(`property ${name}: values must be a list of strings`);
    if (list.length > IMPORT_LIMITS.maxValuesPerProperty) fail(`property ${name}: ${list.length} values, over ${IMPORT_LIMITS.maxValuesPerProperty}`);
    const type = schema.getProperty(name)?.type;
    const out: string[] = [];
    for (const v of list) {
      if (typeof v !== 'string') fail(`property ${name}: a value is not a string`);
      if ((type === 'text' || type === 'html') && v.length > IMPORT_LIMITS.maxValueLength)
        for (let i = 0; i < v.length; i += IMPORT_LIMITS.maxValueLength) out.push(v.slice(i, i + IMPORT_LIMITS.maxValueLength));
      else out.push(v);
    }
    entries.push([name, out]);
  }
  return Object.fromEntries(entries);
}

/**
 * One FtM entity from one JSON line. Ids are kept as given. Listed: a matchable Thing (a person,
 * organisation, company, vessel…) that is a target when the line says (`"target": false` makes it
 * an auxiliary); others are auxiliaries owned by the entity their entity/holder/owner property names.
 * `caption`, `datasets`, `referents`, `first_seen`, `last_seen`, `last_change` are accepted and not kept.
 */
export function entityFromLine(line: JsonLine): ImportedEntity {
  const v = line.value;
  const where = { file: line.file, line: line.line, offset: line.offset };
  const id = isObject(v) && typeof v.id === 'string' ? v.id : undefined;
  const fail = (msg: string): never => {
    throw new ImportError(msg, { ...where, ...(id ? { record: id.slice(0, MAX_ID) } : {}) });
  };
  if (!isObject(v)) return fail('a line must hold one JSON object (an FtM entity)');
  if (!id || !id.trim()) return fail('the entity has no "id"');
  if (id.length > MAX_ID || CONTROL.test(id)) return fail(`the entity id is longer than ${MAX_ID} characters or has control characters`);
  if (typeof v.schema !== 'string') return fail('the entity has no "schema"');
  const schema = model.getSchema(v.schema);
  if (!schema) return fail(`unknown schema ${JSON.stringify(v.schema.slice(0, 60))}`);
  if (v.target !== undefined && typeof v.target !== 'boolean') return fail('"target" must be true or false');
  const entity = cleanEntity({ id, schema: schema.name, properties: readProperties(schema, v.properties, fail) });
  const problems = validateEntity(entity);
  if (problems.length) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return fail(`entity ${id}: ${first.property ? `property ${first.property}: ` : ''}${first.detail}${more}`);
  }
  const listed = isListable(schema) && v.target !== false;
  const ownerProp = listed ? undefined : ownerProperty(schema);
  const ownerId = ownerProp ? entity.properties[ownerProp]?.[0] : undefined;
  return { ...entity, listed, ...(ownerId ? { ownerId } : {}), sourceId: id };
}

export const ftmImporter: Importer = {
  format: 'ftm',
  description: 'FollowTheMoney JSON lines (OpenSanctions, Aleph): one entity per line',
  async *read(source, ctx) {
    if (source.paths.length === 0) throw new ImportError('no file given');
    for await (const line of readJsonLines(source.paths, ctx)) yield entityFromLine(line);
  },
};
