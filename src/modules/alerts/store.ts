// Reading alerts: the review queue, and one alert with both sides field by field and the decisions on the same pair.
import type { Executor } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import type { Facts } from './raise.js';
import { al, type AlertDecisionRow, type AlertRow, type AlertStatus } from './tables.js';

export interface AlertSummary {
  id: string;
  source: string;
  status: AlertStatus;
  subjectType: string;
  subjectId: string;
  /** The subject's first name as screened (to tell alerts apart in the queue). */
  subjectName: string | null;
  entityId: string;
  entityCaption: string;
  entitySchema: string;
  lists: string[];
  score: number;
  pendingBy: string | null;
  /** Display name of the first confirmer awaiting a second person. */
  pendingByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionView {
  id: string;
  alertId: string;
  decision: string;
  step: string;
  reason: string;
  note: string | null;
  actorId: string | null;
  /** Display name of the person who decided (null for a machine account or a removed user). */
  actorName: string | null;
  decidedAt: string;
  sameFacts: boolean;
}

export interface AlertDetail extends AlertSummary {
  subject: Facts;
  entity: Facts;
  /** Both sides field by field (union of the properties of both). */
  fields: Array<{ field: string; subject: string[]; entity: string[] }>;
  explanation: Array<{ feature: string; score: number; detail: string }>;
  provenance: Record<string, unknown>;
  /** Decisions on this alert and earlier ones on the same subject and entity, newest first. */
  decisions: DecisionView[];
}

type Named = AlertRow & { pending_by_name?: string | null };

function summary(r: Named): AlertSummary {
  const e = JSON.parse(r.entity) as { schema: string; caption: string };
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectName: (JSON.parse(r.subject) as Facts).name?.[0] ?? null,
    entityId: r.entity_id,
    entityCaption: e.caption,
    entitySchema: e.schema,
    lists: JSON.parse(r.entity_list) as string[],
    score: Number(r.score),
    pendingBy: r.pending_by,
    pendingByName: r.pending_by_name ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface AlertFilter {
  status?: AlertStatus | 'undecided' | undefined;
  subjectId?: string | undefined;
  entityId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Undecided: open, awaiting the second person, or escalated. */
export const UNDECIDED: readonly AlertStatus[] = ['open', 'pending-confirmation', 'escalated'];

export async function listAlerts(exec: Executor, f: AlertFilter): Promise<{ items: AlertSummary[]; total: number }> {
  let q = al(exec).selectFrom('alert_alerts');
  if (f.status === 'undecided') q = q.where('status', 'in', UNDECIDED);
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .leftJoin('users as u', 'u.id', 'alert_alerts.pending_by')
    .selectAll('alert_alerts')
    .select('u.display_name as pending_by_name')
    .orderBy('alert_alerts.created_at')
    .orderBy('alert_alerts.id')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  return { items: rows.map(summary), total: Number(total?.n ?? 0) };
}

export async function alertRow(exec: Executor, id: string): Promise<AlertRow> {
  const row = await al(exec).selectFrom('alert_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('alert', id);
  return row;
}

export async function getAlert(exec: Executor, id: string): Promise<AlertDetail> {
  const r: Named = await alertRow(exec, id);
  if (r.pending_by)
    r.pending_by_name = (await al(exec).selectFrom('users').select('display_name').where('id', '=', r.pending_by).executeTakeFirst())?.display_name ?? null;
  const entity = JSON.parse(r.entity) as { properties: Facts };
  const subject = JSON.parse(r.subject) as Facts;
  const keys = [...new Set([...Object.keys(subject), ...Object.keys(entity.properties)])].sort();
  const decisions: Array<AlertDecisionRow & { actor_name: string | null }> = await al(exec)
    .selectFrom('alert_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.actor_id')
    .selectAll('d')
    .select('u.display_name as actor_name')
    .where('d.subject_type', '=', r.subject_type)
    .where('d.subject_id', '=', r.subject_id)
    .where('d.entity_id', '=', r.entity_id)
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id')
    .execute();
  return {
    ...summary(r),
    subject,
    entity: entity.properties,
    fields: keys.map((field) => ({ field, subject: subject[field] ?? [], entity: entity.properties[field] ?? [] })),
    explanation: JSON.parse(r.explanation) as AlertDetail['explanation'],
    provenance: JSON.parse(r.provenance) as Record<string, unknown>,
    decisions: decisions.map((d) => ({
      id: d.id,
      alertId: d.alert_id,
      decision: d.decision,
      step: d.step,
      reason: d.reason,
      note: d.note,
      actorId: d.actor_id,
      actorName: d.actor_name,
      decidedAt: d.decided_at,
      sameFacts: d.subject_fp === r.subject_fp && d.entity_fp === r.entity_fp,
    })),
  };
}

/** Who asks for the next alert: a person's id (as stored in pending_by) and whether they may complete a confirmation. */
export interface Reviewer {
  who: string;
  canConfirm: boolean;
}

/**
 * The next undecided alert this reviewer can act on, in queue order (oldest first), after `after` (or from the start);
 * wraps around to the start. An alert awaiting a second person is skipped for its first confirmer and for people who
 * cannot confirm. `remaining` counts every alert the reviewer can act on.
 */
export async function nextAlert(
  exec: Executor,
  f: { after?: string | undefined; entityId?: string | undefined },
  by: Reviewer,
): Promise<{ id: string | null; remaining: number }> {
  let q = al(exec).selectFrom('alert_alerts').where('status', 'in', UNDECIDED);
  q = by.canConfirm
    ? q.where((eb) => eb.or([eb('status', '!=', 'pending-confirmation'), eb('pending_by', 'is', null), eb('pending_by', '!=', by.who)]))
    : q.where('status', '!=', 'pending-confirmation');
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const remaining = Number(count?.n ?? 0);
  if (!remaining) return { id: null, remaining };
  const first = (from: typeof q) => from.select('id').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  const anchor = f.after ? await al(exec).selectFrom('alert_alerts').select(['id', 'created_at']).where('id', '=', f.after).executeTakeFirst() : undefined;
  if (anchor) {
    const later = await first(
      q.where((eb) => eb.or([eb('created_at', '>', anchor.created_at), eb.and([eb('created_at', '=', anchor.created_at), eb('id', '>', anchor.id)])])),
    );
    if (later) return { id: later.id, remaining };
  }
  return { id: (await first(q))?.id ?? null, remaining };
}
