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
  entityId: string;
  entityCaption: string;
  entitySchema: string;
  lists: string[];
  score: number;
  pendingBy: string | null;
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

function summary(r: AlertRow): AlertSummary {
  const e = JSON.parse(r.entity) as { schema: string; caption: string };
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    entityId: r.entity_id,
    entityCaption: e.caption,
    entitySchema: e.schema,
    lists: JSON.parse(r.entity_list) as string[],
    score: Number(r.score),
    pendingBy: r.pending_by,
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
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
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
  const r = await alertRow(exec, id);
  const entity = JSON.parse(r.entity) as { properties: Facts };
  const subject = JSON.parse(r.subject) as Facts;
  const keys = [...new Set([...Object.keys(subject), ...Object.keys(entity.properties)])].sort();
  const decisions: AlertDecisionRow[] = await al(exec)
    .selectFrom('alert_decisions')
    .selectAll()
    .where('subject_type', '=', r.subject_type)
    .where('subject_id', '=', r.subject_id)
    .where('entity_id', '=', r.entity_id)
    .orderBy('decided_at', 'desc')
    .orderBy('id')
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
      decidedAt: d.decided_at,
      sameFacts: d.subject_fp === r.subject_fp && d.entity_fp === r.entity_fp,
    })),
  };
}
