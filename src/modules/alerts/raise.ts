// Raising alerts: suppressed when the same pair already has an alert on the same facts (a decided false positive above all).
import { createHash, randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { al } from './tables.js';

/** Facts of one side, as FtM-like properties: property → values. */
export type Facts = Record<string, string[]>;

export interface RaiseInput {
  source: string;
  subjectType: string;
  subjectId: string;
  subject: Facts;
  entityId: string;
  entity: Facts;
  entitySchema: string;
  entityCaption: string;
  lists: readonly string[];
  score: number;
  explanation: ReadonlyArray<{ feature: string; score: number; detail: string }>;
  /** Where the score came from: list versions, weights version, threshold. */
  provenance: Record<string, unknown>;
}

export type RaiseResult = { status: 'created'; id: string } | { status: 'suppressed'; reason: 'false-positive' | 'already-alerted'; alertId: string };

export const ALERT_RAISED = 'alerts.raised';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** A fingerprint of one side's facts: equal facts, equal fingerprint (order of keys and values does not matter). */
export function fingerprint(facts: Facts): string {
  const sorted = Object.fromEntries(Object.entries(facts).map(([k, vs]) => [k, [...new Set(vs)].sort()]));
  return createHash('sha256')
    .update(JSON.stringify(canonical(sorted)))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Raises an alert in the caller's transaction, unless the pair already has an alert on the same facts (whatever its
 * state: a false positive stays decided, an open or confirmed one is not repeated). A change on either side alerts again.
 */
export async function raiseAlert(ctx: AppContext, trx: Executor, input: RaiseInput): Promise<RaiseResult> {
  const t = al(trx);
  const subjectFp = fingerprint(input.subject);
  const entityFp = fingerprint({ ...input.entity, '@schema': [input.entitySchema] });
  const earlier = await t
    .selectFrom('alert_alerts')
    .select(['id', 'status'])
    .where('subject_type', '=', input.subjectType)
    .where('subject_id', '=', input.subjectId)
    .where('entity_id', '=', input.entityId)
    .where('subject_fp', '=', subjectFp)
    .where('entity_fp', '=', entityFp)
    .orderBy('created_at', 'desc')
    .execute();
  const fp = earlier.find((a) => a.status === 'false-positive');
  if (fp) return { status: 'suppressed', reason: 'false-positive', alertId: fp.id };
  if (earlier[0]) return { status: 'suppressed', reason: 'already-alerted', alertId: earlier[0].id };
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await t
    .insertInto('alert_alerts')
    .values({
      id,
      source: input.source,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      subject_fp: subjectFp,
      subject: JSON.stringify(input.subject),
      entity_list: JSON.stringify(input.lists),
      entity_id: input.entityId,
      entity_fp: entityFp,
      entity: JSON.stringify({ schema: input.entitySchema, caption: input.entityCaption, properties: input.entity }),
      score: input.score,
      explanation: JSON.stringify(input.explanation),
      provenance: JSON.stringify(input.provenance),
      status: 'open',
      pending_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.outbox.emit(trx, {
    topic: ALERT_RAISED,
    key: input.subjectId,
    payload: { id, source: input.source, subjectId: input.subjectId, entityId: input.entityId },
  });
  return { status: 'created', id };
}
