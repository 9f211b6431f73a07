// Imports Senzing JSON (one record per line, as OpenSanctions exports it) into FtM entities.
import { validateEntity } from '../../../core/model/index.js';
import { readJsonLines, type JsonLine } from './json-lines.js';
import { digest, ListEntity } from './list-entity.js';
import { addAttributes, addNames, str, type Attrs } from './senzing-features.js';
import { ImportError, type ImportedEntity, type Importer } from './types.js';

const MAX_ID = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const RECORD_TYPES: Readonly<Record<string, string>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  VESSEL: 'Vessel',
  AIRCRAFT: 'Airplane',
  AIRPLANE: 'Airplane',
};
const PERSON_FEATURES = ['DATE_OF_BIRTH', 'DATE_OF_DEATH', 'GENDER', 'NAME_FIRST', 'NAME_LAST', 'PASSPORT_NUMBER', 'SSN_NUMBER'];

const isObject = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record's attribute groups: the record itself and every object in its lists (NAMES, DATES, FEATURES…). */
function groups(record: Attrs): Attrs[] {
  const out: Attrs[] = [record];
  for (const v of Object.values(record)) if (Array.isArray(v)) for (const g of v) if (isObject(g)) out.push(g);
  return out;
}

/**
 * The entity id of a record. OpenSanctions' exports (DATA_SOURCE `OS_…`) use OpenSanctions'
 * own entity ids as RECORD_ID, unique everywhere and the same as in its FtM data, so they are
 * kept; any other source's record id is made unique as `<listName>-<RECORD_ID>`.
 */
export function senzingId(listName: string, dataSource: string | undefined, recordId: string): string {
  return dataSource?.toUpperCase().startsWith('OS_') ? recordId : `${listName}-${recordId}`;
}

/**
 * The FtM schema of a record: RECORD_TYPE when given; without one, Person or Organization by
 * the features the record has, Position for a record that only anchors relationships (OpenSanctions
 * exports positions so), LegalEntity otherwise.
 */
function schemaOf(record: Attrs, gs: Attrs[]): string {
  const type = str(record.RECORD_TYPE)?.trim().toUpperCase();
  if (type) return Object.hasOwn(RECORD_TYPES, type) ? RECORD_TYPES[type]! : 'LegalEntity';
  const has = (k: string) => gs.some((g) => str(g[k])?.trim());
  if (PERSON_FEATURES.some(has)) return 'Person';
  if (has('NAME_ORG') || has('REGISTRATION_DATE')) return 'Organization';
  return has('REL_ANCHOR_KEY') ? 'Position' : 'LegalEntity';
}

/** The link to another record: an Occupancy when a person holds a position, an UnknownLink with its role otherwise. */
function relationship(e: ListEntity, targetId: string, role: string): ImportedEntity {
  const occupancy = e.schema === 'Person' && /^occupancy$/i.test(role.trim());
  const id = `${e.id}-rel-${digest(role, targetId)}`;
  const link = occupancy
    ? new ListEntity('Occupancy', id, e.sourceId, false, e.id).add('holder', e.id).add('post', targetId)
    : new ListEntity('UnknownLink', id, e.sourceId, false, e.id).add('subject', e.id).add('object', targetId).add('role', role);
  return link.build();
}

/** The entities of one Senzing record: the record's entity first, then its addresses, documents and links. */
export function entitiesFromRecord(line: JsonLine, listName: string): ImportedEntity[] {
  const record = line.value;
  const where = { file: line.file, line: line.line, offset: line.offset };
  const recordId = isObject(record) ? str(record.RECORD_ID)?.trim() : undefined;
  const fail = (msg: string): never => {
    throw new ImportError(msg, { ...where, ...(recordId ? { record: recordId.slice(0, MAX_ID) } : {}) });
  };
  if (!isObject(record)) return fail('a line must hold one JSON object (a Senzing record)');
  if (!recordId) return fail('the record has no RECORD_ID');
  const dataSource = str(record.DATA_SOURCE);
  const id = senzingId(listName, dataSource, recordId);
  if (id.length > MAX_ID - 40 || CONTROL.test(id)) return fail(`the record id is longer than ${MAX_ID - 40} characters or has control characters`);
  const gs = groups(record);
  const schema = schemaOf(record, gs);
  const e = new ListEntity(schema, id, recordId, schema !== 'Position');
  const aux: ImportedEntity[] = [];
  addNames(e, gs);
  for (const g of gs) {
    addAttributes(e, aux, recordId, g);
    const key = str(g.REL_POINTER_KEY)?.trim();
    if (key) aux.push(relationship(e, senzingId(listName, dataSource, key), str(g.REL_POINTER_ROLE) ?? 'related'));
  }
  e.add('sourceUrl', str(record.URL)).addDate('modifiedAt', str(record.LAST_CHANGE), 'last change');
  const all = [e.build(), ...aux];
  for (const entity of all) {
    const problems = validateEntity(entity);
    if (problems.length) fail(`entity ${entity.id}: ${problems[0]!.property ?? ''} ${problems[0]!.detail}`.replace(/\s+/g, ' '));
  }
  return all;
}

export const senzingImporter: Importer = {
  format: 'senzing',
  description: 'Senzing JSON, one record per line (e.g. OpenSanctions exports)',
  async *read(source, ctx) {
    if (source.paths.length === 0) throw new ImportError('no file given');
    for await (const line of readJsonLines(source.paths, ctx)) yield* entitiesFromRecord(line, source.listName);
  },
};
