// Consultations and broadcasts between States: draft → sent → acknowledged → answered → closed / escalated, seen only by their parties.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { STATE, type Caller } from './access.js';
import { AttachmentMeta, attachmentsOf, checkAttachments, storeAttachments, type AttachmentInput } from './attachments.js';
import { notifyStates } from './notify.js';
import { knownStates } from './states.js';
import { cb, CONSULTATION_STATUSES, SEVERITIES, type CbmExecutor, type ConsultationRow, type ConsultationStatus, type Severity } from './tables.js';

export const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export const ACTIONS = ['send', 'acknowledge', 'close', 'escalate'] as const;
export type Action = (typeof ACTIONS)[number];
/** The sender of what the secretariat writes without a State of its own. */
export const SECRETARIAT = 'secretariat';

export interface NewConsultation {
  kind: 'consultation' | 'broadcast';
  /** Recipient States; for a broadcast, empty means every State of the network. */
  to: readonly string[];
  subject: string;
  body: string;
  severity: Severity;
  tlp: (typeof TLPS)[number];
  deadlineAt?: string | undefined;
  attachments?: readonly AttachmentInput[] | undefined;
  send?: boolean | undefined;
}

export const Party = z.object({
  state: z.string(),
  acknowledgedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const ConsultationSummary = z.object({
  id: z.string(),
  kind: z.string(), // consultation | broadcast
  fromState: z.string(),
  subject: z.string(),
  severity: z.enum(SEVERITIES),
  tlp: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  parties: z.array(Party),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;

export const Reply = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  state: z.string(),
  authorId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type Reply = z.infer<typeof Reply>;

export const ConsultationDetail = ConsultationSummary.extend({ body: z.string(), replies: z.array(Reply), attachments: z.array(AttachmentMeta) });
export type ConsultationDetail = z.infer<typeof ConsultationDetail>;

const senderOf = (by: Caller): string => {
  if (by.state) return by.state;
  if (by.secretariat) return SECRETARIAT;
  throw new AppError('forbidden', 'Your organisation is not a State: ask an administrator to set its country.');
};

function text(value: string, field: string, max: number): string {
  const v = value.replace(/\r\n/g, '\n').trim();
  if (!v) throw invalid(field, 'must not be empty');
  if (v.length > max) throw invalid(field, `must be at most ${max} characters`);
  return v;
}

/** May the caller see it: the secretariat always; a State what it sent, and what was sent to it (never others' drafts). */
export function canSee(row: Pick<ConsultationRow, 'from_state' | 'status'>, parties: readonly string[], by: Caller): boolean {
  if (by.secretariat) return true;
  if (!by.state) return false;
  return row.from_state === by.state || (row.status !== 'draft' && parties.includes(by.state));
}

async function load(db: CbmExecutor, id: string, by: Caller): Promise<{ row: ConsultationRow; parties: Party[] }> {
  const row = await db.selectFrom('cbm_consultations').selectAll().where('id', '=', id).executeTakeFirst();
  const parties = row ? await partiesOf(db, [id]) : new Map<string, Party[]>();
  const list = parties.get(id) ?? [];
  // Not party to it is the same answer as not there: its existence is not shared either.
  if (
    !row ||
    !canSee(
      row,
      list.map((p) => p.state),
      by,
    )
  )
    throw notFound('Consultation', id);
  return { row, parties: list };
}

async function partiesOf(db: CbmExecutor, ids: readonly string[]): Promise<Map<string, Party[]>> {
  const out = new Map<string, Party[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('cbm_parties')
    .selectAll()
    .where('consultation_id', 'in', [...ids])
    .orderBy('state')
    .execute();
  for (const r of rows) {
    const l = out.get(r.consultation_id) ?? [];
    l.push({ state: r.state, acknowledgedAt: r.acknowledged_at, answeredAt: r.answered_at, readAt: r.read_at });
    out.set(r.consultation_id, l);
  }
  return out;
}

const summary = (r: ConsultationRow, parties: Party[], now: string): ConsultationSummary => ({
  id: r.id,
  kind: r.kind,
  fromState: r.from_state,
  subject: r.subject,
  severity: r.severity,
  tlp: r.tlp,
  status: r.status,
  deadlineAt: r.deadline_at,
  // Overdue while a recipient State has not answered by the deadline (one State answering does not excuse the others).
  overdue: !!r.deadline_at && r.deadline_at < now && ['sent', 'acknowledged', 'answered'].includes(r.status) && parties.some((p) => !p.answeredAt),
  parties,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function createConsultation(ctx: AppContext, input: NewConsultation, by: Caller): Promise<ConsultationDetail> {
  const from = senderOf(by);
  const subject = text(input.subject, 'subject', 300);
  const body = text(input.body, 'body', 50_000);
  const deadline = input.deadlineAt ? new Date(input.deadlineAt) : undefined;
  if (deadline && Number.isNaN(deadline.getTime())) throw invalid('deadlineAt', 'must be an ISO 8601 instant');
  if (deadline && deadline <= ctx.clock.now()) throw invalid('deadlineAt', 'must be in the future');
  let to = [...new Set(input.to.map((s) => s.trim().toLowerCase()))];
  for (const [i, s] of to.entries()) if (!STATE.test(s)) throw invalid(`to[${i}]`, 'must be an ISO 3166-1 alpha-2 code such as "at"');
  if (input.kind === 'broadcast' && !to.length) to = await knownStates(ctx);
  to = to.filter((s) => s !== from);
  if (!to.length) throw invalid('to', 'name at least one other State');
  if (to.length > 100) throw invalid('to', 'at most 100 States');
  const files = checkAttachments(input.attachments);
  const now = ctx.clock.now();
  const id = newId('cns', now);
  await ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    await db
      .insertInto('cbm_consultations')
      .values({
        id,
        kind: input.kind,
        from_state: from,
        subject,
        body,
        severity: input.severity,
        tlp: input.tlp,
        status: input.send ? 'sent' : 'draft',
        deadline_at: deadline?.toISOString() ?? null,
        reminded_at: null,
        created_by: by.actor.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    for (const state of to)
      await db.insertInto('cbm_parties').values({ consultation_id: id, state, acknowledged_at: null, answered_at: null, read_at: null }).execute();
    const attachmentIds = await storeAttachments(trx, id, null, files, now);
    await ctx.audit.record(trx, {
      action: `cbm.${input.kind}.create`,
      actor: by.actor,
      target: { type: 'cbm-consultation', id },
      requestId: by.requestId,
      details: { parties: to, severity: input.severity, tlp: input.tlp, status: input.send ? 'sent' : 'draft', attachmentIds },
    });
  });
  // Mail goes out after the commit: a recipient following the link finds the consultation there.
  if (input.send) await notifyStates(ctx, id, to, 'sent', by.actor, by.requestId);
  return getConsultation(ctx, id, by, { markRead: false });
}

export async function listConsultations(
  ctx: AppContext,
  by: Caller,
  q: { status?: ConsultationStatus | undefined; kind?: string | undefined; limit?: number | undefined } = {},
): Promise<ConsultationSummary[]> {
  const db = cb(ctx.db.kysely);
  let query = db.selectFrom('cbm_consultations as c').selectAll('c');
  if (!by.secretariat) {
    const s = by.state ?? '';
    query = query.where((eb) =>
      eb.or([
        eb('c.from_state', '=', s),
        eb.and([
          eb('c.status', '!=', 'draft'),
          eb.exists(eb.selectFrom('cbm_parties as p').select('p.state').whereRef('p.consultation_id', '=', 'c.id').where('p.state', '=', s)),
        ]),
      ]),
    );
  }
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.kind) query = query.where('c.kind', '=', q.kind);
  const rows = await query
    .orderBy('c.updated_at', 'desc')
    .limit(q.limit ?? 200)
    .execute();
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => summary(r, parties.get(r.id) ?? [], now));
}

/** One consultation with its thread; a recipient State opening it leaves a read receipt. */
export async function getConsultation(ctx: AppContext, id: string, by: Caller, opts: { markRead?: boolean } = {}): Promise<ConsultationDetail> {
  const db = cb(ctx.db.kysely);
  const { row, parties } = await load(db, id, by);
  const now = ctx.clock.now().toISOString();
  const mine = parties.find((p) => p.state === by.state);
  if (opts.markRead !== false && mine && !mine.readAt && row.status !== 'draft') {
    await ctx.db.transaction(async (trx) => {
      await cb(trx)
        .updateTable('cbm_parties')
        .set({ read_at: now })
        .where('consultation_id', '=', id)
        .where('state', '=', mine.state)
        .where('read_at', 'is', null)
        .execute();
      await ctx.audit.record(trx, { action: 'cbm.consultation.read', actor: by.actor, target: { type: 'cbm-consultation', id }, requestId: by.requestId });
    });
    mine.readAt = now;
  }
  const replies = await db.selectFrom('cbm_replies').selectAll().where('consultation_id', '=', id).orderBy('created_at').orderBy('id').execute();
  return {
    ...summary(row, parties, now),
    body: row.body,
    replies: replies.map((r) => ({ id: r.id, parentId: r.parent_id, state: r.state, authorId: r.author_id, body: r.body, createdAt: r.created_at })),
    attachments: await attachmentsOf(ctx.db.kysely, id),
  };
}

const NEXT: Record<Action, { from: readonly ConsultationStatus[]; to: ConsultationStatus; who: 'sender' | 'recipient' | 'sender-or-secretariat' }> = {
  send: { from: ['draft'], to: 'sent', who: 'sender' },
  acknowledge: { from: ['sent', 'acknowledged', 'answered', 'escalated'], to: 'acknowledged', who: 'recipient' },
  close: { from: ['sent', 'acknowledged', 'answered', 'escalated'], to: 'closed', who: 'sender-or-secretariat' },
  escalate: { from: ['sent', 'acknowledged', 'answered'], to: 'escalated', who: 'sender-or-secretariat' },
};

export async function transition(ctx: AppContext, id: string, action: Action, by: Caller): Promise<ConsultationDetail> {
  let recipients: string[] = [];
  await ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    const { row, parties } = await load(db, id, by);
    const rule = NEXT[action];
    const isSender = row.from_state === (by.state ?? (by.secretariat ? SECRETARIAT : ''));
    const party = parties.find((p) => p.state === by.state);
    const allowed = rule.who === 'sender' ? isSender : rule.who === 'recipient' ? !!party : isSender || by.secretariat;
    if (!allowed) throw new AppError('forbidden', `Only the ${rule.who.replace(/-/g, ' ')} may ${action} this consultation.`);
    if (row.kind === 'broadcast' && action === 'escalate') throw new AppError('conflict', 'A broadcast is not escalated.');
    if (!rule.from.includes(row.status))
      throw new AppError('conflict', `A consultation that is ${row.status} cannot be ${action === 'send' ? 'sent' : action + 'd'}.`, { field: 'action' });
    const now = ctx.clock.now().toISOString();
    if (action === 'acknowledge') {
      if (party!.acknowledgedAt) throw new AppError('conflict', `Your State acknowledged this at ${party!.acknowledgedAt}.`);
      await db
        .updateTable('cbm_parties')
        .set({ acknowledged_at: now, read_at: party!.readAt ?? now })
        .where('consultation_id', '=', id)
        .where('state', '=', party!.state)
        .execute();
    }
    // Acknowledging moves the whole consultation only forward from `sent`.
    const to = action === 'acknowledge' && row.status !== 'sent' ? row.status : rule.to;
    if (action === 'send') recipients = parties.map((p) => p.state);
    await db.updateTable('cbm_consultations').set({ status: to, updated_at: now }).where('id', '=', id).execute();
    await ctx.audit.record(trx, {
      action: `cbm.consultation.${action}`,
      actor: by.actor,
      target: { type: 'cbm-consultation', id },
      requestId: by.requestId,
      details: { from: row.status, to },
    });
  });
  if (recipients.length) await notifyStates(ctx, id, recipients, 'sent', by.actor, by.requestId);
  return getConsultation(ctx, id, by, { markRead: false });
}

/** A reply in the thread (optionally to another reply); a recipient's reply answers the consultation. */
export async function reply(
  ctx: AppContext,
  id: string,
  input: { body: string; parentId?: string | undefined; attachments?: readonly AttachmentInput[] | undefined },
  by: Caller,
): Promise<ConsultationDetail> {
  const body = text(input.body, 'body', 50_000);
  const files = checkAttachments(input.attachments);
  await ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    const { row, parties } = await load(db, id, by);
    if (row.status === 'draft' || row.status === 'closed') throw new AppError('conflict', `A consultation that is ${row.status} takes no replies.`);
    if (input.parentId) {
      const parent = await db.selectFrom('cbm_replies').select('id').where('id', '=', input.parentId).where('consultation_id', '=', id).executeTakeFirst();
      if (!parent) throw invalid('parentId', `reply ${input.parentId} is not in this consultation`);
    }
    const party = parties.find((p) => p.state === by.state);
    const state = by.state ?? SECRETARIAT;
    const now = ctx.clock.now();
    const at = now.toISOString();
    const replyId = newId('rpl', now);
    await db
      .insertInto('cbm_replies')
      .values({ id: replyId, consultation_id: id, parent_id: input.parentId ?? null, state, author_id: by.actor.id, body, created_at: at })
      .execute();
    const attachmentIds = await storeAttachments(trx, id, replyId, files, now);
    if (party) {
      await db
        .updateTable('cbm_parties')
        .set({ answered_at: party.answeredAt ?? at, acknowledged_at: party.acknowledgedAt ?? at, read_at: party.readAt ?? at })
        .where('consultation_id', '=', id)
        .where('state', '=', party.state)
        .execute();
    }
    const status = party && row.kind === 'consultation' && ['sent', 'acknowledged'].includes(row.status) ? 'answered' : row.status;
    await db.updateTable('cbm_consultations').set({ status, updated_at: at }).where('id', '=', id).execute();
    await ctx.audit.record(trx, {
      action: 'cbm.consultation.reply',
      actor: by.actor,
      target: { type: 'cbm-consultation', id },
      requestId: by.requestId,
      details: { replyId, attachmentIds, ...(status !== row.status ? { from: row.status, to: status } : {}) },
    });
  });
  return getConsultation(ctx, id, by, { markRead: false });
}

export async function getAttachment(
  ctx: AppContext,
  id: string,
  attachmentId: string,
  by: Caller,
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const db = cb(ctx.db.kysely);
  await load(db, id, by);
  const a = await db.selectFrom('cbm_attachments').selectAll().where('id', '=', attachmentId).where('consultation_id', '=', id).executeTakeFirst();
  if (!a) throw notFound('Attachment', attachmentId);
  await ctx.audit.record(ctx.db.kysely, {
    action: 'cbm.attachment.read',
    actor: by.actor,
    target: { type: 'cbm-attachment', id: attachmentId },
    requestId: by.requestId,
    details: { consultationId: id },
  });
  return { name: a.name, mediaType: a.media_type, bytes: Buffer.from(a.content, 'base64') };
}

/** Consultations past or near their deadline that no reminder went out for, with the States that have not answered yet. */
export async function dueReminders(ctx: AppContext, withinHours = 24): Promise<{ id: string; states: string[] }[]> {
  const db = cb(ctx.db.kysely);
  const horizon = new Date(ctx.clock.now().getTime() + withinHours * 3_600_000).toISOString();
  const rows = await db
    .selectFrom('cbm_consultations')
    .select(['id'])
    .where('status', 'in', ['sent', 'acknowledged', 'answered'])
    .where('kind', '=', 'consultation')
    .where('deadline_at', 'is not', null)
    .where('deadline_at', '<=', horizon)
    .where('reminded_at', 'is', null)
    .execute();
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, states: (parties.get(r.id) ?? []).filter((p) => !p.answeredAt).map((p) => p.state) }));
}

/** Claims the one reminder of a consultation: false when another process sent it already. */
export async function claimReminder(ctx: AppContext, id: string): Promise<boolean> {
  const r = await cb(ctx.db.kysely)
    .updateTable('cbm_consultations')
    .set({ reminded_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
