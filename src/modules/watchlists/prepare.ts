// Turns an importer's record into a row to store: cleaned and validated against the FtM model, captioned, hashed.
import { caption, cleanEntity, validateEntity, type EntityData } from '../../core/model/index.js';
import { ImportError, IMPORT_LIMITS, type ImportedEntity } from './importers/types.js';
import { contentHash } from './content.js';
import { entityPropertiesOf, nameForms } from './names.js';
import type { PreparedEntity } from './writer.js';

/** Longest entity id accepted (ids travel into audit rows, which take 200 characters). */
export const MAX_ID_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const where = (e: ImportedEntity, file?: string) => ({ ...(file ? { file } : {}), record: String(e.sourceId ?? e.id).slice(0, MAX_ID_LENGTH) });

/** Cleans and validates; throws ImportError naming the record and the problem. */
export function cleanImported(e: ImportedEntity, file?: string): ImportedEntity {
  if (typeof e.id !== 'string' || !e.id.trim()) throw new ImportError('a record has no entity id', where(e, file));
  if (e.id.length > MAX_ID_LENGTH || CONTROL.test(e.id))
    throw new ImportError(`entity id is longer than ${MAX_ID_LENGTH} characters or has control characters`, where(e, file));
  // Importers yield clean entities; cleaning (normalising dates, countries, genders) is only tried on what fails validation.
  let cleaned: EntityData = e;
  let problems = validateEntity(e);
  if (problems.length) {
    cleaned = cleanEntity(e);
    problems = validateEntity(cleaned);
  }
  if (problems.length) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ImportError(`entity ${e.id}: ${first.property ? `property ${first.property}: ` : ''}${first.detail}${more}`, where(e, file));
  }
  for (const [prop, values] of Object.entries(cleaned.properties)) {
    if (values.length > IMPORT_LIMITS.maxValuesPerProperty)
      throw new ImportError(`entity ${e.id}: property ${prop} has ${values.length} values, over ${IMPORT_LIMITS.maxValuesPerProperty}`, where(e, file));
  }
  const ownerId = typeof e.ownerId === 'string' && e.ownerId ? e.ownerId : undefined;
  return {
    id: cleaned.id,
    schema: cleaned.schema,
    properties: cleaned.properties,
    listed: e.listed === true,
    ...(ownerId ? { ownerId } : {}),
    sourceId: String(e.sourceId ?? e.id),
  };
}

/** The row of a cleaned entity: caption, content hash, name forms (listed only) and links. */
export function prepare(e: ImportedEntity): PreparedEntity {
  const ownerId = e.ownerId ?? null;
  const links: [string, string][] = [];
  for (const prop of entityPropertiesOf(e.schema)) for (const target of e.properties[prop] ?? []) links.push([prop, target]);
  return {
    id: e.id,
    schema: e.schema,
    listed: e.listed,
    ownerId,
    sourceId: e.sourceId,
    caption: caption(e).slice(0, 1000),
    properties: e.properties,
    hash: contentHash({ schema: e.schema, listed: e.listed, properties: e.properties }),
    names: e.listed ? nameForms(e.schema, e.properties) : [],
    links,
  };
}

/** Back from a stored row to the record it was made of (for merging a duplicate id). */
export function fromStored(row: {
  id: string;
  schema: string;
  listed: number;
  owner_id: string | null;
  source_id: string;
  properties: string;
}): ImportedEntity {
  return {
    id: row.id,
    schema: row.schema,
    properties: JSON.parse(row.properties) as Record<string, string[]>,
    listed: row.listed === 1,
    ...(row.owner_id ? { ownerId: row.owner_id } : {}),
    sourceId: row.source_id,
  };
}
