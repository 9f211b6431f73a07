// Communication checks: a round sends each chosen contact a one-time link (hashed at rest, expiring); an answer is recorded once, with its time.
import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { Caller } from './access.js';
import { deliverAll, publicBase } from './mailer.js';
import { cb, type ContactKind } from './tables.js';
import type { ContactData } from './contact-data.js';

export const ANSWER_WINDOW_HOURS = 48;
export const LINK_VALID_DAYS = 14;
const HOUR = 3_600_000;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const answerPath = (token: string) => `/cbm/answer/${token}`;

export interface RoundInput {
  kind?: ContactKind | undefined;
  states?: readonly string[] | undefined;
  /** Answers after this many hours count as late (default 48). */
  windowHours?: number | undefined;
  scheduleId?: string | undefined;
}

export const RoundStarted = z.object({
  roundId: z.string(),
  /** Contacts checked in this round. */
  sent: z.number(),
  emailed: z.number(),
  failed: z.number(),
});
export type RoundStarted = z.infer<typeof RoundStarted>;

export async function startRound(ctx: AppContext, input: RoundInput, by: Caller): Promise<RoundStarted> {
  if (!by.secretariat) throw new AppError('forbidden', 'Only the secretariat starts communication checks.');
  const windowHours = input.windowHours ?? ANSWER_WINDOW_HOURS;
  if (!Number.isInteger(windowHours) || windowHours < 1 || windowHours > 24 * 30) throw invalid('windowHours', 'must be a whole number of hours from 1 to 720');
  const now = ctx.clock.now();
  const roundId = newId('rnd', now);
  const deadline = new Date(now.getTime() + windowHours * HOUR).toISOString();
  const expires = new Date(now.getTime() + Math.max(LINK_VALID_DAYS * 24, windowHours * 2) * HOUR).toISOString();
  const outgoing: { id: string; token: string; to: string; data: ContactData }[] = [];
  await ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    let q = db.selectFrom('cbm_contacts').select(['id', 'state', 'kind', 'email', 'data']).where('removed', '=', 0);
    if (input.kind) q = q.where('kind', '=', input.kind);
    if (input.states?.length) q = q.where('state', 'in', [...input.states]);
    const contacts = await q.orderBy('state').orderBy('kind').execute();
    if (!contacts.length) throw invalid(input.states?.length ? 'states' : 'kind', 'no point of contact matches: nothing to check');
    await db
      .insertInto('cbm_rounds')
      .values({
        id: roundId,
        kind: input.kind ?? 'all',
        states: input.states?.length ? JSON.stringify([...input.states]) : null,
        started_at: now.toISOString(),
        deadline_at: deadline,
        started_by: by.actor.id,
        schedule_id: input.scheduleId ?? null,
      })
      .execute();
    for (const c of contacts) {
      const token = newSecret();
      const id = newId('chk', now);
      await db
        .insertInto('cbm_round_messages')
        .values({
          id,
          round_id: roundId,
          contact_id: c.id,
          state: c.state,
          kind: c.kind,
          token_hash: hashToken(token),
          expires_at: expires,
          sent_at: now.toISOString(),
          delivery: 'web',
          delivery_error: null,
          answered_at: null,
          answered_via: null,
        })
        .execute();
      outgoing.push({ id, token, to: c.email, data: JSON.parse(c.data) as ContactData });
    }
    await ctx.audit.record(trx, {
      action: 'cbm.round.start',
      actor: by.actor,
      target: { type: 'cbm-round', id: roundId },
      requestId: by.requestId,
      details: { kind: input.kind ?? 'all', contacts: contacts.length, ...(input.scheduleId ? { scheduleId: input.scheduleId } : {}) },
    });
  });
  const base = publicBase(ctx.config);
  const results = await deliverAll(
    ctx,
    outgoing.map((o) => {
      // In the first of the contact's languages Vigil has text for, else English.
      const tr = ctx.i18n.forLocale(o.data.languages.join(',') || undefined);
      return {
        to: o.to,
        subject: tr.t('cbm.mail.check.subject'),
        text: tr.t('cbm.mail.check.body', { name: o.data.name, url: `${base}${answerPath(o.token)}`, deadline: deadline.replace('T', ' ').slice(0, 16) }),
      };
    }),
  );
  let emailed = 0;
  let failed = 0;
  for (const [i, r] of results.entries()) {
    if (r.status === 'web') continue;
    if (r.status === 'emailed') emailed++;
    else failed++;
    await cb(ctx.db.kysely)
      .updateTable('cbm_round_messages')
      .set({ delivery: r.status, delivery_error: r.status === 'failed' ? r.error : null })
      .where('id', '=', outgoing[i]!.id)
      .execute();
  }
  return { roundId, sent: outgoing.length, emailed, failed };
}

export type AnswerOutcome = 'answered' | 'already-answered' | 'expired' | 'unknown';

/** Records the answer of a one-time link: the first use counts, every later one is refused. */
export async function answerByToken(ctx: AppContext, token: string, requestId?: string): Promise<{ outcome: AnswerOutcome; at?: string }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: 'unknown' };
  const hash = hashToken(token);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    const m = await db
      .selectFrom('cbm_round_messages')
      .select(['id', 'round_id', 'answered_at', 'expires_at'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (!m) return { outcome: 'unknown' as const };
    if (m.answered_at) return { outcome: 'already-answered' as const, at: m.answered_at };
    if (m.expires_at <= now) return { outcome: 'expired' as const };
    const r = await db
      .updateTable('cbm_round_messages')
      .set({ answered_at: now, answered_via: 'link' })
      .where('id', '=', m.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { outcome: 'already-answered' as const };
    await ctx.audit.record(trx, {
      action: 'cbm.check.answer',
      actor: { type: 'anonymous', id: null, orgId: null },
      target: { type: 'cbm-check', id: m.id },
      ...(requestId ? { requestId } : {}),
      details: { roundId: m.round_id, via: 'link' },
    });
    return { outcome: 'answered' as const, at: now };
  });
}

/** A State's user answers a check addressed to one of its contacts in the workbench. */
export async function answerInWorkbench(ctx: AppContext, messageId: string, by: Caller): Promise<{ answeredAt: string }> {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (trx) => {
    const db = cb(trx);
    const m = await db.selectFrom('cbm_round_messages').selectAll().where('id', '=', messageId).executeTakeFirst();
    if (!m || m.state !== by.state) throw notFound('Check', messageId);
    if (m.answered_at) throw new AppError('conflict', `This check was answered at ${m.answered_at}.`);
    if (m.expires_at <= now) throw new AppError('conflict', 'This check has expired.');
    await db.updateTable('cbm_round_messages').set({ answered_at: now, answered_via: 'web' }).where('id', '=', m.id).execute();
    await ctx.audit.record(trx, {
      action: 'cbm.check.answer',
      actor: by.actor,
      target: { type: 'cbm-check', id: m.id },
      requestId: by.requestId,
      details: { roundId: m.round_id, via: 'web' },
    });
    return { answeredAt: now };
  });
}

export const PendingCheck = z.object({
  id: z.string(),
  roundId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  kind: z.string(),
  sentAt: z.string(),
  deadlineAt: z.string(),
});
export type PendingCheck = z.infer<typeof PendingCheck>;

/** Checks waiting for an answer from the caller's State. */
export async function pendingChecks(ctx: AppContext, by: Caller): Promise<PendingCheck[]> {
  if (!by.state) return [];
  const rows = await cb(ctx.db.kysely)
    .selectFrom('cbm_round_messages as m')
    .innerJoin('cbm_rounds as r', 'r.id', 'm.round_id')
    .innerJoin('cbm_contacts as c', 'c.id', 'm.contact_id')
    .select(['m.id', 'm.round_id', 'm.contact_id', 'm.kind', 'm.sent_at', 'r.deadline_at', 'c.data'])
    .where('m.state', '=', by.state)
    .where('m.answered_at', 'is', null)
    .where('m.expires_at', '>', ctx.clock.now().toISOString())
    .orderBy('m.sent_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    contactId: r.contact_id,
    contactName: (JSON.parse(r.data) as ContactData).name,
    kind: r.kind,
    sentAt: r.sent_at,
    deadlineAt: r.deadline_at,
  }));
}
