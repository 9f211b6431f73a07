// Alert statistics of passenger screening: hits per list and per rule, decisions and decision times, by the traveller's sex.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { rt } from '../retention/tables.js';
import { BySex, noSex, sexOf, type Range, type Sex } from './traffic.js';

export const HitGroup = z.object({
  /** `list:<name>`, `rule:<id>` or `other`. */
  key: z.string(),
  kind: z.enum(['list', 'rule', 'other']),
  name: z.string(),
  hits: z.number(),
  confirmed: z.number(),
  falsePositive: z.number(),
  undecided: z.number(),
  bySex: BySex,
});
export type HitGroup = z.infer<typeof HitGroup>;

export const DecisionTimes = z.object({
  /** Alerts with a final decision (confirmed or false positive). */
  decided: z.number(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  meanMinutes: z.number().nullable(),
});
export type DecisionTimes = z.infer<typeof DecisionTimes>;

export const DecisionStats = z.object({
  confirmed: z.number(),
  falsePositive: z.number(),
  /** Decisions `unsure` (escalations). */
  unsure: z.number(),
  /** Alerts without a final decision. */
  open: z.number(),
  time: DecisionTimes,
  timeBySex: z.object({ F: DecisionTimes, M: DecisionTimes, X: DecisionTimes, unknown: DecisionTimes }),
});
export type DecisionStats = z.infer<typeof DecisionStats>;

interface AlertFacts {
  id: string;
  status: string;
  lists: string[];
  rules: string[];
  createdAt: string;
  sex: Sex;
}

const toStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** The rule ids an alert's provenance names: `ruleId`, `rule` (an id or `{id}`), or `rules` (ids or `{id}`s). */
export function rulesOf(provenance: unknown): string[] {
  if (!provenance || typeof provenance !== 'object') return [];
  const p = provenance as Record<string, unknown>;
  const idOf = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? [(v as { id: string }).id] : [];
  const out = [...idOf(p.ruleId), ...idOf(p.rule), ...(Array.isArray(p.rules) ? p.rules.flatMap(idOf) : [])];
  return [...new Set(out)];
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Travel alerts raised in the range (by creation day), with the sex of their traveller when the data still carries it. */
async function alertFacts(ctx: AppContext, r: Range): Promise<AlertFacts[]> {
  const rows = await rt(ctx.db.kysely)
    .selectFrom('alert_alerts')
    .leftJoin('travel_travellers', 'travel_travellers.id', 'alert_alerts.subject_id')
    .select(['alert_alerts.id as id', 'alert_alerts.status as status', 'alert_alerts.entity_list as entity_list', 'alert_alerts.provenance as provenance'])
    .select(['alert_alerts.created_at as created_at', 'travel_travellers.sex as sex'])
    .where('alert_alerts.source', '=', 'travel')
    .where('alert_alerts.created_at', '>=', r.from)
    .where('alert_alerts.created_at', '<', nextDay(r.to))
    .execute();
  return rows.map((x) => ({
    id: x.id,
    status: x.status,
    lists: toStrings(parse(x.entity_list)),
    rules: rulesOf(parse(x.provenance)),
    createdAt: x.created_at,
    sex: sexOf(x.sex),
  }));
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Hits per list and per rule: an alert counts once for each list its entity is on and each rule that produced it. */
export async function hitStats(ctx: AppContext, r: Range): Promise<HitGroup[]> {
  const groups = new Map<string, HitGroup>();
  for (const a of await alertFacts(ctx, r)) {
    const keys: Array<[HitGroup['kind'], string]> = [
      ...a.lists.map((l): [HitGroup['kind'], string] => ['list', l]),
      ...a.rules.map((id): [HitGroup['kind'], string] => ['rule', id]),
    ];
    if (!keys.length) keys.push(['other', 'other']);
    for (const [kind, name] of keys) {
      const key = kind === 'other' ? 'other' : `${kind}:${name}`;
      const g = groups.get(key) ?? { key, kind, name, hits: 0, confirmed: 0, falsePositive: 0, undecided: 0, bySex: noSex() };
      g.hits++;
      if (a.status === 'confirmed') g.confirmed++;
      else if (a.status === 'false-positive') g.falsePositive++;
      else g.undecided++;
      g.bySex[a.sex]++;
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.hits - a.hits || a.key.localeCompare(b.key));
}

function times(minutes: number[]): DecisionTimes {
  if (!minutes.length) return { decided: 0, medianMinutes: null, p90Minutes: null, meanMinutes: null };
  const s = [...minutes].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { decided: s.length, medianMinutes: round(at(0.5)), p90Minutes: round(at(0.9)), meanMinutes: round(s.reduce((x, y) => x + y, 0) / s.length) };
}

/** Decisions on the range's travel alerts, and the time from alert to final decision (nearest-rank median and 90th percentile). */
export async function decisionStats(ctx: AppContext, r: Range): Promise<DecisionStats> {
  const alerts = await alertFacts(ctx, r);
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const decisions = alerts.length
    ? await rt(ctx.db.kysely)
        .selectFrom('alert_decisions')
        .innerJoin('alert_alerts', 'alert_alerts.id', 'alert_decisions.alert_id')
        .select([
          'alert_decisions.alert_id as alertId',
          'alert_decisions.decision as decision',
          'alert_decisions.step as step',
          'alert_decisions.decided_at as at',
        ])
        .where('alert_alerts.source', '=', 'travel')
        .where('alert_alerts.created_at', '>=', r.from)
        .where('alert_alerts.created_at', '<', nextDay(r.to))
        .orderBy('alert_decisions.decided_at')
        .execute()
    : [];
  const out = { confirmed: 0, falsePositive: 0, unsure: 0 };
  const finalAt = new Map<string, string>();
  for (const d of decisions) {
    if (d.decision === 'unsure') out.unsure++;
    const a = byId.get(d.alertId);
    const final = (d.decision === 'confirmed' && d.step === 'final') || d.decision === 'false-positive';
    if (a && final && !finalAt.has(a.id)) finalAt.set(a.id, d.at);
  }
  const minutes: number[] = [];
  const perSex = new Map<Sex, number[]>();
  for (const [id, at] of finalAt) {
    const a = byId.get(id)!;
    if (a.status === 'confirmed') out.confirmed++;
    else if (a.status === 'false-positive') out.falsePositive++;
    const m = Math.max(0, (Date.parse(at) - Date.parse(a.createdAt)) / 60_000);
    minutes.push(m);
    perSex.set(a.sex, [...(perSex.get(a.sex) ?? []), m]);
  }
  const open = alerts.filter((a) => a.status !== 'confirmed' && a.status !== 'false-positive').length;
  return {
    ...out,
    open,
    time: times(minutes),
    timeBySex: {
      F: times(perSex.get('F') ?? []),
      M: times(perSex.get('M') ?? []),
      X: times(perSex.get('X') ?? []),
      unknown: times(perSex.get('unknown') ?? []),
    },
  };
}
