// The statistics report (totals, traffic, hits, decisions) and the EU PNR Directive art. 20 figures per month.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import { rt } from '../retention/tables.js';
import { DecisionStats, decisionStats, HitGroup, hitStats, nextDay } from './alerts.js';
import { BySex, MessageCount, messageCounts, noSex, TravellerCount, travellerCounts, type Range } from './traffic.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest range one report covers. */
export const MAX_DAYS = 731;

export const StatsReport = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({ messages: z.number(), travellers: z.number(), travellersBySex: BySex, alerts: z.number() }),
  messages: z.array(MessageCount),
  travellers: z.array(TravellerCount),
  hits: z.array(HitGroup),
  decisions: DecisionStats,
});
export type StatsReport = z.infer<typeof StatsReport>;

/** Checks a range (default: the 30 days to today by the platform clock); errors name the field. */
export function rangeOf(ctx: AppContext, q: { from?: string | undefined; to?: string | undefined }): Range {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const to = q.to ?? today;
  const valid = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(to)) throw invalid('to', `"${to.slice(0, 40)}" is not a date YYYY-MM-DD`);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (!valid(from)) throw invalid('from', `"${from.slice(0, 40)}" is not a date YYYY-MM-DD`);
  if (from > to) throw invalid('from', `${from} is after ${to}`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) throw invalid('from', `a report covers at most ${MAX_DAYS} days`);
  return { from, to };
}

export async function statsReport(ctx: AppContext, r: Range): Promise<StatsReport> {
  const [messages, travellers, hits, decisions] = [
    await messageCounts(ctx, r),
    await travellerCounts(ctx, r),
    await hitStats(ctx, r),
    await decisionStats(ctx, r),
  ];
  const bySex = noSex();
  for (const t of travellers) bySex[t.sex] += t.travellers;
  const msgIds = messages.reduce((n, m) => n + m.messages, 0);
  return {
    ...r,
    totals: {
      messages: msgIds,
      travellers: travellers.reduce((n, t) => n + t.travellers, 0),
      travellersBySex: bySex,
      alerts: decisions.confirmed + decisions.falsePositive + decisions.open,
    },
    messages,
    travellers,
    hits,
    decisions,
  };
}

export const Art20Period = z.object({
  /** `YYYY-MM`. */
  period: z.string(),
  /** Travellers whose data was collected (by flight day). */
  travellersCollected: z.number(),
  /** Travellers identified for further review: at least one alert raised in the period. */
  travellersIdentified: z.number(),
  alertsRaised: z.number(),
  /** Travellers with an alert confirmed by people. */
  travellersConfirmed: z.number(),
  alertsConfirmed: z.number(),
});
export type Art20Period = z.infer<typeof Art20Period>;
export const Art20Report = z.object({ from: z.string(), to: z.string(), periods: z.array(Art20Period) });

/** EU PNR Directive art. 20: per month, travellers whose data was collected and those identified for further review. */
export async function art20(ctx: AppContext, r: Range): Promise<z.infer<typeof Art20Report>> {
  const periods = new Map<string, Art20Period>();
  const at = (p: string) => {
    const x = periods.get(p) ?? { period: p, travellersCollected: 0, travellersIdentified: 0, alertsRaised: 0, travellersConfirmed: 0, alertsConfirmed: 0 };
    periods.set(p, x);
    return x;
  };
  for (const t of await travellerCounts(ctx, r)) at(t.day.slice(0, 7)).travellersCollected += t.travellers;
  const alerts = await rt(ctx.db.kysely)
    .selectFrom('alert_alerts')
    .select(['subject_id', 'status', 'created_at'])
    .where('source', '=', 'travel')
    .where('subject_type', '=', 'traveller')
    .where('created_at', '>=', r.from)
    .where('created_at', '<', nextDay(r.to))
    .execute();
  const identified = new Map<string, Set<string>>();
  const confirmed = new Map<string, Set<string>>();
  for (const a of alerts) {
    const p = a.created_at.slice(0, 7);
    const x = at(p);
    x.alertsRaised++;
    identified.set(p, (identified.get(p) ?? new Set()).add(a.subject_id));
    if (a.status === 'confirmed') {
      x.alertsConfirmed++;
      confirmed.set(p, (confirmed.get(p) ?? new Set()).add(a.subject_id));
    }
  }
  for (const [p, s] of identified) at(p).travellersIdentified = s.size;
  for (const [p, s] of confirmed) at(p).travellersConfirmed = s.size;
  return { ...r, periods: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)) };
}
