// Scheduled communication checks and reminders: run by periodic jobs, each due item claimed before it is acted on.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobDef } from '../../platform/jobs/types.js';
import type { Caller } from './access.js';
import { claimReminder, dueReminders } from './consultations.js';
import { notifyStates } from './notify.js';
import { deliverAll, publicBase } from './mailer.js';
import { startRound } from './rounds.js';
import { cb, type ContactKind } from './tables.js';
import { staleBefore } from './contacts.js';
import type { ContactData } from './contact-data.js';

const DAY = 86_400_000;
const SYSTEM: Caller = { actor: SYSTEM_ACTOR, state: null, secretariat: true };

export const Schedule = z.object({ id: z.string(), kind: z.string(), everyDays: z.number(), nextAt: z.string(), createdAt: z.string() });
export type Schedule = z.infer<typeof Schedule>;

export async function listSchedules(ctx: AppContext): Promise<Schedule[]> {
  const rows = await cb(ctx.db.kysely).selectFrom('cbm_schedules').selectAll().orderBy('next_at').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, everyDays: r.every_days, nextAt: r.next_at, createdAt: r.created_at }));
}

export async function addSchedule(
  ctx: AppContext,
  input: { kind?: ContactKind | undefined; everyDays: number; firstAt?: string | undefined },
  by: Caller,
): Promise<Schedule> {
  if (!by.secretariat) throw new AppError('forbidden', 'Only the secretariat schedules communication checks.');
  if (!Number.isInteger(input.everyDays) || input.everyDays < 1 || input.everyDays > 366) throw invalid('everyDays', 'must be a whole number from 1 to 366');
  const first = input.firstAt ? new Date(input.firstAt) : ctx.clock.now();
  if (Number.isNaN(first.getTime())) throw invalid('firstAt', 'must be an ISO 8601 instant');
  const id = newId('sch', ctx.clock.now());
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (trx) => {
    await cb(trx)
      .insertInto('cbm_schedules')
      .values({ id, kind: input.kind ?? 'all', every_days: input.everyDays, next_at: first.toISOString(), created_by: by.actor.id, created_at: now })
      .execute();
    await ctx.audit.record(trx, {
      action: 'cbm.schedule.create',
      actor: by.actor,
      target: { type: 'cbm-schedule', id },
      requestId: by.requestId,
      details: { everyDays: input.everyDays },
    });
  });
  return (await listSchedules(ctx)).find((s) => s.id === id)!;
}

export async function removeSchedule(ctx: AppContext, id: string, by: Caller): Promise<void> {
  if (!by.secretariat) throw new AppError('forbidden', 'Only the secretariat schedules communication checks.');
  await ctx.db.transaction(async (trx) => {
    const r = await cb(trx).deleteFrom('cbm_schedules').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw notFound('Schedule', id);
    await ctx.audit.record(trx, { action: 'cbm.schedule.remove', actor: by.actor, target: { type: 'cbm-schedule', id }, requestId: by.requestId });
  });
}

/** Starts the rounds that are due; each schedule is moved on before its round starts, so a crash never starts one twice. */
export async function runDueSchedules(ctx: AppContext): Promise<string[]> {
  const now = ctx.clock.now();
  const due = await cb(ctx.db.kysely).selectFrom('cbm_schedules').selectAll().where('next_at', '<=', now.toISOString()).execute();
  const started: string[] = [];
  for (const s of due) {
    let next = Date.parse(s.next_at);
    while (next <= now.getTime()) next += s.every_days * DAY;
    const claimed = await cb(ctx.db.kysely)
      .updateTable('cbm_schedules')
      .set({ next_at: new Date(next).toISOString() })
      .where('id', '=', s.id)
      .where('next_at', '=', s.next_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const r = await startRound(ctx, { kind: s.kind === 'all' ? undefined : (s.kind as ContactKind), scheduleId: s.id }, SYSTEM);
      started.push(r.roundId);
    } catch (err) {
      ctx.log.warn({ scheduleId: s.id, err: (err as Error).message }, 'cbm: a scheduled communication check did not start');
    }
  }
  return started;
}

/** Reminds contacts to re-confirm (two weeks before they turn stale) and recipients of consultations near their deadline. */
export async function sendReminders(ctx: AppContext): Promise<{ contacts: number; consultations: number }> {
  const db = cb(ctx.db.kysely);
  const base = publicBase(ctx.config);
  const soon = new Date(Date.parse(staleBefore(ctx)) + 14 * DAY).toISOString();
  const contacts = await db
    .selectFrom('cbm_contacts')
    .select(['id', 'email', 'data'])
    .where('removed', '=', 0)
    .where('reminded_at', 'is', null)
    .where((eb) => eb.or([eb('last_verified_at', 'is', null), eb('last_verified_at', '<', soon)]))
    .execute();
  const sent = await deliverAll(
    ctx,
    contacts.map((c) => {
      const data = JSON.parse(c.data) as ContactData;
      const tr = ctx.i18n.forLocale(data.languages.join(',') || undefined);
      return {
        to: c.email,
        subject: tr.t('cbm.mail.reconfirm.subject'),
        text: tr.t('cbm.mail.reconfirm.body', { name: data.name, url: `${base}/cbm/directory` }),
      };
    }),
  );
  const now = ctx.clock.now().toISOString();
  for (const [i, c] of contacts.entries())
    if (sent[i]!.status !== 'failed') await db.updateTable('cbm_contacts').set({ reminded_at: now }).where('id', '=', c.id).execute();
  // Each consultation is claimed before its reminder goes out, so two workers never both send it.
  const due = await dueReminders(ctx);
  let reminded = 0;
  for (const d of due) {
    // Claimed even when every State has answered, so it is not looked at again.
    if (!(await claimReminder(ctx, d.id)) || !d.states.length) continue;
    reminded++;
    await notifyStates(ctx, d.id, d.states, 'reminder');
  }
  return { contacts: contacts.length, consultations: reminded };
}

export const cbmJobs = (ctx: AppContext): JobDef[] => [
  { name: 'cbm.schedules', everySeconds: 60, run: async () => void (await runDueSchedules(ctx)) },
  { name: 'cbm.reminders', everySeconds: 900, run: async () => void (await sendReminders(ctx)) },
];
