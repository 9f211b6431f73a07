// The xref review queue: pairs side by side, yes / no / unsure one by one or in bulk, resume; "yes" merges, in one transaction.
import type { EntityData } from '../../core/model/index.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { auditChange, auditView, openCase, type Caller } from './access.js';
import { canonicalOf, resolvedEntities, upsertEntities, type Resolved } from './entities.js';
import { mergeRecords, splitRecord } from './merge.js';
import { it, type PairRow } from './tables.js';

export const PAIR_DECISIONS = ['yes', 'no', 'unsure'] as const;
export type PairDecision = (typeof PAIR_DECISIONS)[number];
export const PAIR_STATUSES = ['open', 'yes', 'no', 'unsure'] as const;

export interface Side {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  /** Where the side comes from: `case`, or `list:<name>`. */
  source: string;
  records: string[];
}

export interface Pair {
  id: string;
  status: PairRow['status'];
  score: number;
  source: string;
  left: Side;
  right: Side;
  /** Every property either side has, with both sides' values, for the side-by-side view. */
  fields: { property: string; left: string[]; right: string[] }[];
  explanation: { feature: string; score: number; detail: string }[];
  decidedBy: string | null;
  decidedAt: string | null;
}

function side(e: Resolved | undefined, id: string, source: string, listEntity?: EntityData & { list?: string }): Side {
  if (listEntity)
    return {
      id,
      schema: listEntity.schema,
      caption: String(listEntity.properties.name?.[0] ?? id),
      properties: { ...listEntity.properties } as Record<string, string[]>,
      source,
      records: [id],
    };
  if (!e) return { id, schema: 'Thing', caption: id, properties: {}, source, records: [id] };
  return { id: e.id, schema: e.schema, caption: e.caption, properties: e.properties, source: 'case', records: e.records };
}

function toPair(r: PairRow, resolved: Map<string, Resolved>, canon: Map<string, string>): Pair {
  const left = side(resolved.get(canon.get(r.left_id) ?? r.left_id), r.left_id, 'case');
  const right =
    r.source === 'case'
      ? side(resolved.get(canon.get(r.right_id) ?? r.right_id), r.right_id, 'case')
      : side(undefined, r.right_id, r.source, r.right_entity ? JSON.parse(r.right_entity) : undefined);
  const props = [...new Set([...Object.keys(left.properties), ...Object.keys(right.properties)])].sort();
  return {
    id: r.id,
    status: r.status,
    score: r.score,
    source: r.source,
    left,
    right,
    fields: props.map((p) => ({ property: p, left: left.properties[p] ?? [], right: right.properties[p] ?? [] })),
    explanation: JSON.parse(r.explanation) as Pair['explanation'],
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

async function context(ctx: AppContext, caseId: string) {
  const resolved = await resolvedEntities(ctx.db.kysely, caseId);
  const canon = new Map<string, string>();
  for (const e of resolved.values()) for (const r of e.records) canon.set(r, e.id);
  return { resolved, canon };
}

/** Pairs of a case, queue order (highest score first); `status: open` gives what is left to review. */
export async function listPairs(
  ctx: AppContext,
  caseRef: string,
  q: { status?: PairRow['status'] | undefined; limit: number; offset: number },
  caller: Caller,
): Promise<{ items: Pair[]; total: number }> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const base = it(ctx.db.kysely)
    .selectFrom('intel_pairs')
    .where('case_id', '=', row.id)
    .$if(!!q.status, (b) => b.where('status', '=', q.status!));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.selectAll().orderBy('score', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  const c = await context(ctx, row.id);
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'pairs', { count: rows.length });
  return { items: rows.map((r) => toPair(r, c.resolved, c.canon)), total };
}

export async function getPair(ctx: AppContext, caseRef: string, id: string, caller: Caller): Promise<Pair> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const r = await it(ctx.db.kysely).selectFrom('intel_pairs').selectAll().where('case_id', '=', row.id).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('pair', id.slice(0, 100));
  const c = await context(ctx, row.id);
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'pair', { pairId: id });
  return toPair(r, c.resolved, c.canon);
}

/** The next open pair in queue order after `after` (wrapping around): where a reviewer resumes. */
export async function nextPair(ctx: AppContext, caseRef: string, after: string | undefined, caller: Caller): Promise<{ id: string | null; remaining: number }> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const open = await it(ctx.db.kysely)
    .selectFrom('intel_pairs')
    .select(['id', 'score'])
    .where('case_id', '=', row.id)
    .where('status', '=', 'open')
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();
  if (!open.length) return { id: null, remaining: 0 };
  const cur = after
    ? await it(ctx.db.kysely).selectFrom('intel_pairs').select(['id', 'score']).where('id', '=', after).where('case_id', '=', row.id).executeTakeFirst()
    : undefined;
  const later = cur ? open.find((p) => p.score < cur.score || (p.score === cur.score && p.id > cur.id)) : undefined;
  return { id: (later ?? open[0]!).id, remaining: open.length };
}

export interface DecisionResult {
  pairId: string;
  status: PairDecision;
  /** For "yes": the entity both sides are now. */
  canonicalId?: string;
}

/** Decides pairs in one transaction: a "yes" merges both sides (a list entity is first added to the case by reference); any failure changes nothing. */
export async function decidePairs(
  ctx: AppContext,
  caseRef: string,
  decisions: readonly { pairId: string; decision: PairDecision }[],
  caller: Caller,
): Promise<DecisionResult[]> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  if (!decisions.length) throw invalid('decisions', 'at least one decision');
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const t = it(trx);
    const now = ctx.clock.now().toISOString();
    const out: DecisionResult[] = [];
    for (const [i, d] of decisions.entries()) {
      if (!PAIR_DECISIONS.includes(d.decision)) throw invalid(`decisions[${i}].decision`, `one of ${PAIR_DECISIONS.join(', ')}`);
      const p = await t.selectFrom('intel_pairs').selectAll().where('case_id', '=', row.id).where('id', '=', d.pairId).executeTakeFirst();
      if (!p) throw notFound('pair', d.pairId.slice(0, 100));
      if (p.status === 'yes' || p.status === 'no') throw conflict(`pair ${p.id} is decided already (${p.status})`, `decisions[${i}]`);
      let canonicalId: string | undefined;
      if (d.decision === 'yes') {
        if (p.source !== 'case') {
          const e = p.right_entity ? (JSON.parse(p.right_entity) as EntityData & { list: string }) : undefined;
          if (!e) throw conflict(`pair ${p.id}: the list entity is no longer available`, `decisions[${i}]`);
          if (!(await canonicalOf(trx, row.id, e.id)))
            await upsertEntities(
              trx,
              row.id,
              [{ id: e.id, schema: e.schema, properties: e.properties }],
              { kind: 'reference', refId: `watchlist:${e.list}:${e.id}` },
              now,
            );
        }
        canonicalId = (await mergeRecords(trx, row.id, p.left_id, p.right_id)).canonicalId;
      }
      await t.updateTable('intel_pairs').set({ status: d.decision, decided_by: caller.actor.id, decided_at: now }).where('id', '=', p.id).execute();
      await auditChange(ctx, trx, caller, row.id, 'pair.decide', {
        pairId: p.id,
        decision: d.decision,
        leftId: p.left_id,
        rightId: p.right_id,
        source: p.source,
      });
      out.push({ pairId: p.id, status: d.decision, ...(canonicalId ? { canonicalId } : {}) });
    }
    return out;
  });
}

/** Merges two records by hand (not from a proposal). */
export async function mergeEntities(ctx: AppContext, caseRef: string, a: string, b: string, caller: Caller) {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const r = await mergeRecords(trx, row.id, a, b);
    await auditChange(ctx, trx, caller, row.id, 'entity.merge', { canonicalId: r.canonicalId, records: r.records });
    return r;
  });
}

export async function splitEntity(ctx: AppContext, caseRef: string, recordId: string, caller: Caller) {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const r = await splitRecord(trx, row.id, recordId);
    await auditChange(ctx, trx, caller, row.id, 'entity.split', { recordId, remainingId: r.remainingId });
    return r;
  });
}
