// Reports of communication checks: response rate, time-to-acknowledge percentiles, late and unreachable contacts, per State and over rounds.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { ContactData } from './contact-data.js';
import { cb } from './tables.js';

export const CheckMessage = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  state: z.string(),
  kind: z.string(),
  delivery: z.string(),
  deliveryError: z.string().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredVia: z.string().nullable(),
});
export type CheckMessage = z.infer<typeof CheckMessage>;

export const CHECK_STATUSES = ['answered', 'late', 'pending', 'unreachable'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const Stats = z.object({
  sent: z.number(),
  answered: z.number(),
  /** answered / sent, from 0 to 1 (0 when nothing was sent). */
  responseRate: z.number(),
  /** Nearest-rank percentiles of seconds from sending to answer; null without answers. */
  p50Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  late: z.number(),
});
export type Stats = z.infer<typeof Stats>;

/** One State's figures over rounds (or in one round). */
export const StateStats = Stats.extend({ state: z.string() });
export const StateTrend = StateStats.extend({ rounds: z.number() });
export type StateTrend = z.infer<typeof StateTrend>;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const secondsToAnswer = (m: Pick<CheckMessage, 'sentAt' | 'answeredAt'>): number | null =>
  m.answeredAt ? Math.max(0, Math.round((Date.parse(m.answeredAt) - Date.parse(m.sentAt)) / 1000)) : null;

/** Answered in time, late, still pending, or unreachable (delivery failed, or no answer by the deadline). */
export function statusOf(m: CheckMessage, deadline: string, now: string): CheckStatus {
  if (m.answeredAt) return m.answeredAt > deadline ? 'late' : 'answered';
  return m.delivery === 'failed' || now >= deadline ? 'unreachable' : 'pending';
}

export function stats(messages: readonly CheckMessage[], deadline: string): Stats {
  const times = messages
    .map(secondsToAnswer)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  return {
    sent: messages.length,
    answered: times.length,
    responseRate: messages.length ? times.length / messages.length : 0,
    p50Seconds: percentile(times, 0.5),
    p90Seconds: percentile(times, 0.9),
    late: messages.filter((m) => m.answeredAt && m.answeredAt > deadline).length,
  };
}

const ContactLine = z.object({ contactId: z.string(), contactName: z.string(), state: z.string(), kind: z.string() });
export const RoundReport = Stats.extend({
  roundId: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  pending: z.number(),
  unreachable: z.array(ContactLine.extend({ reason: z.enum(['delivery-failed', 'no-answer']) })),
  lateContacts: z.array(ContactLine.extend({ seconds: z.number() })),
  perState: z.array(StateStats),
  messages: z.array(CheckMessage.extend({ status: z.enum(CHECK_STATUSES), seconds: z.number().nullable() })),
});
export type RoundReport = z.infer<typeof RoundReport>;

async function messagesOf(ctx: Pick<AppContext, 'db'>, roundIds: readonly string[]): Promise<Map<string, CheckMessage[]>> {
  const out = new Map<string, CheckMessage[]>(roundIds.map((id) => [id, []]));
  if (!roundIds.length) return out;
  const rows = await cb(ctx.db.kysely)
    .selectFrom('cbm_round_messages as m')
    .innerJoin('cbm_contacts as c', 'c.id', 'm.contact_id')
    .select([
      'm.id',
      'm.round_id',
      'm.contact_id',
      'm.state',
      'm.kind',
      'm.delivery',
      'm.delivery_error',
      'm.sent_at',
      'm.answered_at',
      'm.answered_via',
      'c.data',
    ])
    .where('m.round_id', 'in', [...roundIds])
    .orderBy('m.state')
    .orderBy('m.kind')
    .execute();
  for (const r of rows)
    out.get(r.round_id)!.push({
      id: r.id,
      contactId: r.contact_id,
      contactName: (JSON.parse(r.data) as ContactData).name,
      state: r.state,
      kind: r.kind,
      delivery: r.delivery,
      deliveryError: r.delivery_error,
      sentAt: r.sent_at,
      answeredAt: r.answered_at,
      answeredVia: r.answered_via,
    });
  return out;
}

export async function roundReport(ctx: Pick<AppContext, 'db' | 'clock'>, roundId: string): Promise<RoundReport> {
  const round = await cb(ctx.db.kysely).selectFrom('cbm_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) throw notFound('Round', roundId);
  const messages = (await messagesOf(ctx, [roundId])).get(roundId)!;
  const now = ctx.clock.now().toISOString();
  const withStatus = messages.map((m) => ({ ...m, status: statusOf(m, round.deadline_at, now), seconds: secondsToAnswer(m) }));
  const states = [...new Set(messages.map((m) => m.state))].sort();
  return {
    roundId,
    kind: round.kind,
    startedAt: round.started_at,
    deadlineAt: round.deadline_at,
    ...stats(messages, round.deadline_at),
    pending: withStatus.filter((m) => m.status === 'pending').length,
    unreachable: withStatus
      .filter((m) => m.status === 'unreachable')
      .map((m) => ({
        contactId: m.contactId,
        contactName: m.contactName,
        state: m.state,
        kind: m.kind,
        reason: m.delivery === 'failed' ? ('delivery-failed' as const) : ('no-answer' as const),
      })),
    lateContacts: withStatus
      .filter((m) => m.status === 'late')
      .map((m) => ({ contactId: m.contactId, contactName: m.contactName, state: m.state, kind: m.kind, seconds: m.seconds ?? 0 })),
    perState: states.map((state) => ({
      state,
      ...stats(
        messages.filter((m) => m.state === state),
        round.deadline_at,
      ),
    })),
    messages: withStatus,
  };
}

export const RoundSummary = Stats.extend({
  roundId: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  scheduleId: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

/** The latest rounds, newest first, each with its figures: the trend over rounds. */
export async function listRounds(ctx: Pick<AppContext, 'db'>, limit = 50): Promise<RoundSummary[]> {
  const rounds = await cb(ctx.db.kysely).selectFrom('cbm_rounds').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const byRound = await messagesOf(
    ctx,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => ({
    roundId: r.id,
    kind: r.kind,
    startedAt: r.started_at,
    deadlineAt: r.deadline_at,
    scheduleId: r.schedule_id,
    ...stats(byRound.get(r.id)!, r.deadline_at),
  }));
}

/** Per State over the latest rounds: how often it answered and how fast. */
export async function stateTrend(ctx: Pick<AppContext, 'db'>, limit = 12): Promise<StateTrend[]> {
  const rounds = await cb(ctx.db.kysely).selectFrom('cbm_rounds').select(['id', 'deadline_at']).orderBy('started_at', 'desc').limit(limit).execute();
  const byRound = await messagesOf(
    ctx,
    rounds.map((r) => r.id),
  );
  const byState = new Map<string, { messages: CheckMessage[]; late: number; rounds: Set<string> }>();
  for (const r of rounds)
    for (const m of byRound.get(r.id)!) {
      const s = byState.get(m.state) ?? { messages: [], late: 0, rounds: new Set<string>() };
      s.messages.push(m);
      s.rounds.add(r.id);
      if (m.answeredAt && m.answeredAt > r.deadline_at) s.late++;
      byState.set(m.state, s);
    }
  return [...byState.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, s]) => ({ state, rounds: s.rounds.size, ...stats(s.messages, '9999'), late: s.late }));
}
