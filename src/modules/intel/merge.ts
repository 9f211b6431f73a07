// Merging records into one canonical entity and splitting them again; a merge that cannot be made changes nothing.
import type { Executor } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { commonSchema, edgeOf } from './entities.js';
import { model } from '../../core/model/index.js';
import { it } from './tables.js';

async function cluster(exec: Executor, caseId: string, recordId: string) {
  const t = it(exec);
  const r = await t.selectFrom('intel_entities').select(['id', 'canonical_id']).where('case_id', '=', caseId).where('id', '=', recordId).executeTakeFirst();
  if (!r) throw notFound('entity', recordId.slice(0, 100));
  const members = await t
    .selectFrom('intel_entities')
    .select(['id', 'schema'])
    .where('case_id', '=', caseId)
    .where('canonical_id', '=', r.canonical_id)
    .execute();
  return { canonical: r.canonical_id, members };
}

/**
 * Merges the entities of two records (inside the caller's transaction): every record of `b`'s entity joins `a`'s
 * canonical entity, keeping its own id and values. Refused when they are one entity already or their schemata
 * cannot be one (a Person and a Company; a link and a thing).
 */
export async function mergeRecords(trx: Executor, caseId: string, a: string, b: string): Promise<{ canonicalId: string; records: string[] }> {
  const ca = await cluster(trx, caseId, a);
  const cb = await cluster(trx, caseId, b);
  if (ca.canonical === cb.canonical) throw conflict(`${a.slice(0, 100)} and ${b.slice(0, 100)} are one entity already`);
  let schema = ca.members[0]!.schema;
  for (const m of [...ca.members, ...cb.members]) {
    const s = commonSchema(schema, m.schema);
    if (!s || !!edgeOf(s) !== !!edgeOf(model.getSchema(schema)))
      throw conflict(`cannot merge: a ${schema} and a ${m.schema} cannot be one entity (${a.slice(0, 100)}, ${b.slice(0, 100)})`);
    schema = s.name;
  }
  await it(trx)
    .updateTable('intel_entities')
    .set({ canonical_id: ca.canonical })
    .where('case_id', '=', caseId)
    .where('canonical_id', '=', cb.canonical)
    .execute();
  return { canonicalId: ca.canonical, records: [...ca.members, ...cb.members].map((m) => m.id).sort() };
}

/** Takes one record out of the entity it was merged into; it becomes its own entity again. */
export async function splitRecord(trx: Executor, caseId: string, recordId: string): Promise<{ recordId: string; remainingId: string }> {
  const c = await cluster(trx, caseId, recordId);
  if (c.members.length < 2) throw conflict(`${recordId.slice(0, 100)} is not merged with anything`);
  const t = it(trx);
  const rest = c.members.map((m) => m.id).filter((id) => id !== recordId);
  // The entity keeps its id unless the record leaving is the one that named it; then the first remaining record does.
  const remainingId = c.canonical === recordId ? rest.sort()[0]! : c.canonical;
  await t.updateTable('intel_entities').set({ canonical_id: remainingId }).where('case_id', '=', caseId).where('id', 'in', rest).execute();
  await t.updateTable('intel_entities').set({ canonical_id: recordId }).where('case_id', '=', caseId).where('id', '=', recordId).execute();
  return { recordId, remainingId };
}
