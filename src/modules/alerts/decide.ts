// Decisions on alerts: confirmed (four eyes: a second person completes it), false positive, unsure (escalated); audited.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.js';
import { alertRow } from './store.js';
import { al, DECISIONS, type AlertStatus, type Decision } from './tables.js';

export const REASON = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const MAX_NOTE = 2000;

export interface DecisionInput {
  decision: Decision;
  reason: string;
  note?: string | undefined;
}

export interface Decider {
  actor: Actor;
  /** Holds alerts.confirm (may be the second person of a confirmation). */
  canConfirm: boolean;
  requestId?: string | undefined;
}

export interface DecisionResult {
  id: string;
  status: AlertStatus;
  previousStatus: AlertStatus;
  decisionId: string;
}

export function checkDecision(input: { decision?: unknown; reason?: unknown; note?: unknown }): DecisionInput {
  if (!DECISIONS.includes(input.decision as Decision)) throw invalid('decision', `must be one of ${DECISIONS.join(', ')}`);
  if (typeof input.reason !== 'string' || !REASON.test(input.reason))
    throw invalid('reason', 'must be a reason code: lower case letters, digits, . _ - (at most 64)');
  if (input.note !== undefined && input.note !== null && (typeof input.note !== 'string' || input.note.length > MAX_NOTE))
    throw invalid('note', `must be a text of at most ${MAX_NOTE} characters`);
  return { decision: input.decision as Decision, reason: input.reason, ...(typeof input.note === 'string' && input.note ? { note: input.note } : {}) };
}

export const ALERT_DECIDED = 'alerts.decided';

/** Decides one alert in one transaction. Final states (confirmed, false-positive) cannot be decided again. */
export async function decideAlert(ctx: AppContext, id: string, input: DecisionInput, by: Decider): Promise<DecisionResult> {
  const d = checkDecision(input);
  const who = by.actor.id ?? by.actor.type;
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `alerts:${id}`);
    const r = await alertRow(trx, id);
    if (r.status === 'confirmed' || r.status === 'false-positive') throw conflict(`alert ${id} is already decided (${r.status})`, 'decision');
    let status: AlertStatus;
    let step: 'first-confirmation' | 'final' | 'escalation';
    if (d.decision === 'confirmed') {
      if (r.status === 'pending-confirmation') {
        if (r.pending_by === who)
          throw conflict(`alert ${id}: four eyes — the confirmation must be completed by a different person than the first`, 'decision');
        if (!by.canConfirm) throw forbidden('Completing a confirmation needs the permission alerts.confirm');
        status = 'confirmed';
        step = 'final';
      } else {
        status = 'pending-confirmation';
        step = 'first-confirmation';
      }
    } else if (d.decision === 'false-positive') {
      status = 'false-positive';
      step = 'final';
    } else {
      status = 'escalated';
      step = 'escalation';
    }
    const now = ctx.clock.now().toISOString();
    const decisionId = randomUUID();
    const t = al(trx);
    await t
      .insertInto('alert_decisions')
      .values({
        id: decisionId,
        alert_id: id,
        subject_type: r.subject_type,
        subject_id: r.subject_id,
        entity_id: r.entity_id,
        subject_fp: r.subject_fp,
        entity_fp: r.entity_fp,
        decision: d.decision,
        step,
        reason: d.reason,
        note: d.note ?? null,
        actor_type: by.actor.type,
        actor_id: by.actor.id,
        decided_at: now,
      })
      .execute();
    await t
      .updateTable('alert_alerts')
      .set({ status, pending_by: status === 'pending-confirmation' ? who : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, {
      action: 'alert.decide',
      actor: by.actor,
      target: { type: 'alert', id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: {
        decision: d.decision,
        reason: d.reason,
        step,
        status,
        previousStatus: r.status,
        entityId: r.entity_id,
        subjectId: r.subject_id,
        note: !!d.note,
      },
    });
    // Other systems learn of decisions (e.g. a signed webhook for confirmed travel matches) through this event.
    await ctx.outbox.emit(trx, {
      topic: ALERT_DECIDED,
      key: r.subject_id,
      payload: { id, source: r.source, subjectType: r.subject_type, subjectId: r.subject_id, entityId: r.entity_id, status, decision: d.decision },
    });
    return { id, status, previousStatus: r.status, decisionId };
  });
}

/** Decides several alerts of one entity; each alert is its own transaction, and each outcome is reported. */
export async function decideForEntity(
  ctx: AppContext,
  entityId: string,
  ids: readonly string[],
  input: DecisionInput,
  by: Decider,
): Promise<Array<DecisionResult | { id: string; error: { code: string; detail: string } }>> {
  const d = checkDecision(input);
  const out: Array<DecisionResult | { id: string; error: { code: string; detail: string } }> = [];
  for (const id of ids) {
    try {
      const r = await alertRow(ctx.db.kysely, id);
      if (r.entity_id !== entityId) throw invalid('ids', `alert ${id} is not about entity ${entityId}`);
      out.push(await decideAlert(ctx, id, d, by));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ id, error: { code: e.code, detail: e.detail } });
    }
  }
  return out;
}
