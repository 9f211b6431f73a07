// Intelligence reports: graded under a scheme, with a handling code, the entities they mention and the links they assert.
import { createHash, randomUUID } from 'node:crypto';
import { model, type EntityData } from '../../core/model/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { invalid, notFound } from '../../platform/errors.js';
import { auditChange, auditView, openCase, type Caller } from './access.js';
import { checkEntity, edgeOf, upsertEntities } from './entities.js';
import { BUILT_IN_SCHEMES, checkGrades, type GradingScheme } from './grading.js';
import { it, type ReportRow } from './tables.js';

export interface LinkAssertion {
  /** FtM link schema: Ownership, Directorship, Family, Associate, Payment, UnknownLink … */
  schema: string;
  source: string;
  target: string;
  properties?: Record<string, string[]> | undefined;
}

export interface ReportInput {
  reference: string;
  scheme: string;
  sourceGrade: string;
  infoGrade: string;
  handling: string;
  text: string;
  reportedAt?: string | undefined;
  /** Entities the report mentions: full FtM entities (new or adding values), or `{id}` of one already in the case. */
  entities?: { id: string; schema?: string | undefined; properties?: Record<string, string[]> | undefined }[] | undefined;
  links?: LinkAssertion[] | undefined;
}

export interface Report {
  id: string;
  caseId: string;
  reference: string;
  scheme: string;
  sourceGrade: string;
  infoGrade: string;
  handling: string;
  /** The grade written as analysts read it, e.g. `B2` or `1A P`. */
  grade: string;
  text: string;
  reportedAt: string | null;
  createdAt: string;
  createdBy: string | null;
  entityIds: string[];
}

export async function schemes(exec: Executor): Promise<GradingScheme[]> {
  const custom = await it(exec).selectFrom('intel_schemes').selectAll().orderBy('id').execute();
  return [...BUILT_IN_SCHEMES, ...custom.map((r) => JSON.parse(r.definition) as GradingScheme)];
}

export async function saveScheme(ctx: AppContext, scheme: GradingScheme): Promise<GradingScheme> {
  await ctx.db.transaction(async (trx) => {
    const t = it(trx);
    const now = ctx.clock.now().toISOString();
    await t.deleteFrom('intel_schemes').where('id', '=', scheme.id).execute();
    await t
      .insertInto('intel_schemes')
      .values({ id: scheme.id, definition: JSON.stringify(scheme), created_at: now })
      .execute();
  });
  return scheme;
}

/** The id of a link asserted between two entities: the same for every report asserting it, so support accumulates. */
export function linkId(schema: string, source: string, target: string): string {
  return `${schema.toLowerCase()}-${createHash('sha1').update(`${schema}\u0000${source}\u0000${target}`).digest('hex').slice(0, 20)}`;
}

function gradeText(s: GradingScheme | undefined, r: ReportRow): string {
  if (s?.id === 'uk-3x5x2') return `${r.source_grade}${r.info_grade} ${r.handling}`;
  return `${r.source_grade}${r.info_grade}`;
}

function toReport(r: ReportRow, all: GradingScheme[], entityIds: string[]): Report {
  return {
    id: r.id,
    caseId: r.case_id,
    reference: r.reference,
    scheme: r.scheme,
    sourceGrade: r.source_grade,
    infoGrade: r.info_grade,
    handling: r.handling,
    grade: gradeText(
      all.find((s) => s.id === r.scheme),
      r,
    ),
    text: r.text,
    reportedAt: r.reported_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    entityIds,
  };
}

export async function createReport(ctx: AppContext, caseRef: string, input: ReportInput, caller: Caller): Promise<Report> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  const all = await schemes(ctx.db.kysely);
  const scheme = all.find((s) => s.id === input.scheme);
  if (!scheme) throw invalid('scheme', `unknown grading scheme; one of ${all.map((s) => s.id).join(', ')}`);
  checkGrades(scheme, input);
  if (!input.reference.trim() || input.reference.length > 200) throw invalid('reference', 'a reference of 1 to 200 characters');
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const t = it(trx);
    const id = randomUUID();
    const now = ctx.clock.now().toISOString();
    const full: EntityData[] = [];
    const known: string[] = [];
    for (const [i, e] of (input.entities ?? []).entries()) {
      if (e.schema) full.push(checkEntity({ id: e.id, schema: e.schema, properties: e.properties ?? {} }, `entities[${i}]`));
      else known.push(e.id);
    }
    const inCase = async (eid: string) =>
      full.some((e) => e.id === eid) ||
      !!(await t.selectFrom('intel_entities').select('id').where('case_id', '=', row.id).where('id', '=', eid).executeTakeFirst());
    for (const [i, eid] of known.entries()) if (!(await inCase(eid))) throw invalid(`entities[${i}].id`, `no entity ${eid.slice(0, 100)} in this case`);
    for (const [i, l] of (input.links ?? []).entries()) {
      const schema = model.getSchema(l.schema);
      const edge = edgeOf(schema);
      if (!schema || !edge) throw invalid(`links[${i}].schema`, `${l.schema} is not an FtM link schema (Ownership, Directorship, Family, Associate …)`);
      for (const end of ['source', 'target'] as const)
        if (!(await inCase(l[end]))) throw invalid(`links[${i}].${end}`, `no entity ${l[end].slice(0, 100)} in this case or this report`);
      const lid = linkId(schema.name, l.source, l.target);
      full.push(
        checkEntity(
          { id: lid, schema: schema.name, properties: { ...(l.properties ?? {}), [edge.source]: [l.source], [edge.target]: [l.target] } },
          `links[${i}]`,
        ),
      );
    }
    await t
      .insertInto('intel_reports')
      .values({
        id,
        case_id: row.id,
        reference: input.reference.trim(),
        scheme: scheme.id,
        source_grade: input.sourceGrade,
        info_grade: input.infoGrade,
        handling: input.handling,
        text: input.text,
        reported_at: input.reportedAt ?? null,
        created_at: now,
        created_by: caller.actor.id,
      })
      .execute();
    await upsertEntities(trx, row.id, full, { kind: 'report', refId: id }, now);
    for (const eid of known)
      await t
        .insertInto('intel_support')
        .values({ case_id: row.id, entity_id: eid, kind: 'report', ref_id: id, added_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await auditChange(ctx, trx, caller, row.id, 'report.create', { reportId: id, scheme: scheme.id, entities: full.length + known.length });
    const r = await t.selectFrom('intel_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toReport(r, all, [...full.map((e) => e.id), ...known]);
  });
}

async function entityIdsOf(exec: Executor, caseId: string, reportIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(reportIds.map((id) => [id, []]));
  if (!reportIds.length) return out;
  const rows = await it(exec)
    .selectFrom('intel_support')
    .select(['ref_id', 'entity_id'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'report')
    .where('ref_id', 'in', reportIds)
    .execute();
  for (const r of rows) out.get(r.ref_id)?.push(r.entity_id);
  return out;
}

export async function listReports(ctx: AppContext, caseRef: string, caller: Caller): Promise<Report[]> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const all = await schemes(ctx.db.kysely);
  const rows = await it(ctx.db.kysely).selectFrom('intel_reports').selectAll().where('case_id', '=', row.id).orderBy('created_at', 'desc').execute();
  const ids = await entityIdsOf(
    ctx.db.kysely,
    row.id,
    rows.map((r) => r.id),
  );
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'reports', { count: rows.length });
  return rows.map((r) => toReport(r, all, ids.get(r.id) ?? []));
}

export async function getReport(ctx: AppContext, caseRef: string, id: string, caller: Caller): Promise<Report> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const r = await it(ctx.db.kysely).selectFrom('intel_reports').selectAll().where('case_id', '=', row.id).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('report', id.slice(0, 100));
  const ids = await entityIdsOf(ctx.db.kysely, row.id, [id]);
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'report', { reportId: id });
  return toReport(r, await schemes(ctx.db.kysely), ids.get(id) ?? []);
}
