// Entities and links of a case in the FtM model: stored per source record, resolved into canonical entities, with their support.
import { caption, cleanEntity, model, validateEntity, type EntityData, type Schema } from '../../core/model/index.js';
import type { Executor } from '../../platform/db/index.js';
import { invalid } from '../../platform/errors.js';
import { it, type EntityRow, type SupportRow } from './tables.js';

export const MAX_ID = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A resolved entity: the canonical record's id, the union of its records' properties, and the ids it was merged from. */
export interface Resolved extends EntityData {
  caption: string;
  /** Every record id this entity stands for (itself included), sorted. */
  records: string[];
  /** An FtM link (Ownership, Call …): its endpoints, as canonical ids. */
  edge?: { source: string; target: string; type: string };
}

export interface Support {
  kind: SupportRow['kind'];
  refId: string;
  addedAt: string;
}

/** Schemata the FtM model gives no edge but analysts read as links between two parties. */
const EXTRA_EDGES: Readonly<Record<string, { source: string; target: string }>> = { Call: { source: 'caller', target: 'receiver' } };

/** The two properties that make an entity of this schema a link (Ownership: owner → asset; Call: caller → receiver), if any. */
export function edgeOf(schema: Schema | undefined): { source: string; target: string } | undefined {
  if (!schema) return undefined;
  return schema.edge ?? Object.entries(EXTRA_EDGES).find(([name]) => schema.isA(name))?.[1];
}

/** The more specific of two schemata when one is the other's kind (LegalEntity + Person = Person); undefined when they cannot be one entity. */
export function commonSchema(a: string, b: string): Schema | undefined {
  const sa = model.getSchema(a);
  const sb = model.getSchema(b);
  if (!sa || !sb) return undefined;
  if (sa.isA(sb)) return sa;
  if (sb.isA(sa)) return sb;
  return undefined;
}

/** Checks an FtM entity for a case: id, schema, property values; throws a validation error naming `field`. */
export function checkEntity(e: EntityData, field = 'entity'): EntityData {
  if (typeof e.id !== 'string' || !e.id.trim() || e.id.length > MAX_ID || CONTROL.test(e.id))
    throw invalid(`${field}.id`, `an id of 1 to ${MAX_ID} characters without control characters`);
  if (!model.getSchema(e.schema)) throw invalid(`${field}.schema`, `unknown FtM schema ${String(e.schema).slice(0, 60)}`);
  const clean = cleanEntity(e);
  const problems = validateEntity(clean);
  if (problems.length) throw invalid(`${field}.properties${problems[0]!.property ? `.${problems[0]!.property}` : ''}`, problems[0]!.detail);
  return clean;
}

function union(into: Record<string, string[]>, from: Record<string, readonly string[]>): Record<string, string[]> {
  for (const [k, vs] of Object.entries(from)) {
    const list = (into[k] ??= []);
    for (const v of vs) if (!list.includes(v)) list.push(v);
  }
  return into;
}

const CHUNK = 400;

/**
 * Writes entities into a case (inside the caller's transaction), in batches: new ids are inserted as their own
 * canonical entity; known ids gain the new values (a schema made more specific when compatible). Each gets the support row.
 */
export async function upsertEntities(
  trx: Executor,
  caseId: string,
  entities: readonly EntityData[],
  support: { kind: SupportRow['kind']; refId: string },
  now: string,
): Promise<{ added: number; updated: number }> {
  const t = it(trx);
  let added = 0;
  let updated = 0;
  // One entity per id: the same id given twice (a report naming someone twice) is one entity with both sets of values.
  const byId = new Map<string, EntityData>();
  for (const e of entities) {
    const had = byId.get(e.id);
    if (!had) byId.set(e.id, { id: e.id, schema: e.schema, properties: union({}, e.properties) });
    else {
      const schema = commonSchema(had.schema, e.schema);
      if (!schema) throw invalid('schema', `entity ${e.id} is given as a ${had.schema} and as a ${e.schema}`);
      byId.set(e.id, { id: e.id, schema: schema.name, properties: union(had.properties as Record<string, string[]>, e.properties) });
    }
  }
  entities = [...byId.values()];
  for (let i = 0; i < entities.length; i += CHUNK) {
    const batch = entities.slice(i, i + CHUNK);
    const old = new Map(
      (
        await t
          .selectFrom('intel_entities')
          .selectAll()
          .where('case_id', '=', caseId)
          .where(
            'id',
            'in',
            batch.map((e) => e.id),
          )
          .execute()
      ).map((r) => [r.id, r]),
    );
    const fresh: EntityRow[] = [];
    for (const e of batch) {
      const o = old.get(e.id);
      if (!o) {
        fresh.push({
          case_id: caseId,
          id: e.id,
          schema: e.schema,
          caption: caption(e),
          properties: JSON.stringify(e.properties),
          canonical_id: e.id,
          created_at: now,
        });
        continue;
      }
      const schema = commonSchema(o.schema, e.schema);
      if (!schema) throw invalid('schema', `entity ${e.id} is a ${o.schema} in this case and cannot also be a ${e.schema}`);
      const properties = union(JSON.parse(o.properties) as Record<string, string[]>, e.properties);
      const cap = caption({ id: e.id, schema: schema.name, properties });
      await t
        .updateTable('intel_entities')
        .set({ schema: schema.name, properties: JSON.stringify(properties), caption: cap })
        .where('case_id', '=', caseId)
        .where('id', '=', e.id)
        .execute();
      updated++;
    }
    if (fresh.length) await t.insertInto('intel_entities').values(fresh).execute();
    added += fresh.length;
    await t
      .insertInto('intel_support')
      .values(batch.map((e) => ({ case_id: caseId, entity_id: e.id, kind: support.kind, ref_id: support.refId, added_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { added, updated };
}

/** Resolves a case's records: one entity per canonical id, entity references pointed at canonical ids. */
export function resolve(rows: readonly EntityRow[]): Map<string, Resolved> {
  const canon = new Map(rows.map((r) => [r.id, r.canonical_id]));
  const groups = new Map<string, EntityRow[]>();
  for (const r of rows) {
    const g = groups.get(r.canonical_id);
    if (g) g.push(r);
    else groups.set(r.canonical_id, [r]);
  }
  const out = new Map<string, Resolved>();
  for (const [id, group] of groups) {
    let schema = model.getSchema(group.find((r) => r.id === id)?.schema ?? group[0]!.schema)!;
    const properties: Record<string, string[]> = {};
    for (const r of group) {
      schema = commonSchema(schema.name, r.schema) ?? schema;
      union(properties, JSON.parse(r.properties) as Record<string, string[]>);
    }
    for (const [k, vs] of Object.entries(properties))
      if (schema.getProperty(k)?.type === 'entity') properties[k] = [...new Set(vs.map((v) => canon.get(v) ?? v))];
    const e: Resolved = { id, schema: schema.name, properties, caption: '', records: group.map((r) => r.id).sort() };
    e.caption = caption(e);
    const edge = edgeOf(schema);
    const s = edge && properties[edge.source]?.[0];
    const tg = edge && properties[edge.target]?.[0];
    if (s && tg) e.edge = { source: s, target: tg, type: schema.name };
    out.set(id, e);
  }
  return out;
}

export async function caseRows(exec: Executor, caseId: string): Promise<EntityRow[]> {
  return it(exec).selectFrom('intel_entities').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function resolvedEntities(exec: Executor, caseId: string): Promise<Map<string, Resolved>> {
  return resolve(await caseRows(exec, caseId));
}

/** A case entity as cross-referencing reads it: canonical id, most specific schema, and the union of its records' properties. */
export interface Matchable {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** Every record id this entity stands for (itself included). */
  records: string[];
}

/**
 * The case's entities that can be matched (people, companies, vessels …; links are not), resolved as `resolve` does but
 * without what matching does not read: no captions, entity references left as stored, and the properties of the other
 * entities never parsed. For cases of a million entities, where the full resolution is most of the cost.
 */
export async function matchableEntities(exec: Executor, caseId: string): Promise<Matchable[]> {
  const rows = await it(exec)
    .selectFrom('intel_entities')
    .select(['id', 'schema', 'properties', 'canonical_id'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  const groups = new Map<string, Array<(typeof rows)[number]>>();
  for (const r of rows) {
    const g = groups.get(r.canonical_id);
    if (g) g.push(r);
    else groups.set(r.canonical_id, [r]);
  }
  const usable = new Map<string, boolean>();
  const out: Matchable[] = [];
  for (const [id, group] of groups) {
    let schema = group.length === 1 ? group[0]!.schema : (group.find((r) => r.id === id)?.schema ?? group[0]!.schema);
    for (const r of group) if (r.schema !== schema) schema = commonSchema(schema, r.schema)?.name ?? schema;
    let ok = usable.get(schema);
    if (ok === undefined) {
      const s = model.getSchema(schema);
      usable.set(schema, (ok = !!s && s.matchable && !edgeOf(s)));
    }
    if (!ok) continue;
    if (group.length === 1) {
      out.push({ id, schema, properties: JSON.parse(group[0]!.properties) as Record<string, string[]>, records: [id] });
      continue;
    }
    const properties: Record<string, string[]> = {};
    for (const r of group) union(properties, JSON.parse(r.properties) as Record<string, string[]>);
    out.push({ id, schema, properties, records: group.map((r) => r.id) });
  }
  return out;
}

/** The canonical id of a record id (as imported), or undefined when the case has no such record. */
export async function canonicalOf(exec: Executor, caseId: string, id: string): Promise<string | undefined> {
  const r = await it(exec).selectFrom('intel_entities').select('canonical_id').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r?.canonical_id;
}

export async function supportOf(exec: Executor, caseId: string, ids: readonly string[]): Promise<Map<string, Support[]>> {
  const out = new Map<string, Support[]>();
  if (!ids.length) return out;
  const rows = await it(exec).selectFrom('intel_support').selectAll().where('case_id', '=', caseId).where('entity_id', 'in', ids).orderBy('added_at').execute();
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? [];
    list.push({ kind: r.kind, refId: r.ref_id, addedAt: r.added_at });
    out.set(r.entity_id, list);
  }
  return out;
}
