// Rule hits as screening records them, and per-rule statistics: hits, flights, and what reviewers decided on the alerts raised.
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/index.js';
import type { RuleHit } from './ruleset.js';
import { ru } from './tables.js';

/** Records the hits of one traveller on one flight (idempotent: a re-screen of the same rule version adds nothing). Call inside screening's transaction. */
export async function recordRuleHits(trx: Executor, hits: readonly RuleHit[], where: { travellerId: string; flightId: string; at: string }): Promise<void> {
  if (!hits.length) return;
  await ru(trx)
    .insertInto('travel_rule_hits')
    .values(hits.map((h) => ({ rule_id: h.ruleId, version: h.version, traveller_id: where.travellerId, flight_id: where.flightId, at: where.at })))
    .onConflict((oc) => oc.columns(['rule_id', 'version', 'traveller_id']).doNothing())
    .execute();
}

export interface RuleStats {
  ruleId: string;
  version: number;
  /** Travellers and flights the version hit, and when last. */
  hits: number;
  flights: number;
  lastHitAt: string | null;
  /** Alerts raised by the version (source `travel`, provenance `{rule:{id,version}}`), by status: open, confirmed, false-positive … */
  alerts: Record<string, number>;
  /** Share of decided alerts that were confirmed (null before any decision). */
  precision: number | null;
}

const DECIDED = ['confirmed', 'false-positive'];

/** Statistics per rule version (all rules, or one), newest version first. */
export async function ruleStats(ctx: AppContext, ruleId?: string): Promise<RuleStats[]> {
  const t = ru(ctx.db.kysely);
  let hq = t
    .selectFrom('travel_rule_hits')
    .select([
      'rule_id',
      'version',
      (e) => e.fn.countAll<number>().as('hits'),
      sql<number>`count(distinct flight_id)`.as('flights'),
      (e) => e.fn.max('at').as('last'),
    ])
    .groupBy(['rule_id', 'version']);
  if (ruleId) hq = hq.where('rule_id', '=', ruleId);
  const hits = await hq.execute();
  // The rule's id and version live in the alert's provenance JSON.
  const rid = ctx.db.dialect === 'postgres' ? sql<string>`(provenance::jsonb #>> '{rule,id}')` : sql<string>`json_extract(provenance, '$.rule.id')`;
  const rver = ctx.db.dialect === 'postgres' ? sql<string>`(provenance::jsonb #>> '{rule,version}')` : sql<string>`json_extract(provenance, '$.rule.version')`;
  let aq = t
    .selectFrom('alert_alerts')
    .select([rid.as('rule_id'), rver.as('version'), 'status', (e) => e.fn.countAll<number>().as('n')])
    .where('source', '=', 'travel')
    .where('subject_type', '=', 'traveller')
    .where(sql<boolean>`${rid} is not null`)
    .groupBy([rid, rver, 'status']);
  if (ruleId) aq = aq.where(sql<boolean>`${rid} = ${ruleId}`);
  const alerts = await aq.execute();
  const stats = new Map<string, RuleStats>();
  const entry = (id: string, version: number) => {
    const k = `${id}@${version}`;
    let s = stats.get(k);
    if (!s) stats.set(k, (s = { ruleId: id, version, hits: 0, flights: 0, lastHitAt: null, alerts: {}, precision: null }));
    return s;
  };
  for (const h of hits)
    Object.assign(entry(h.rule_id, h.version), { hits: Number(h.hits), flights: Number(h.flights), lastHitAt: (h.last as string | null) ?? null });
  for (const a of alerts) {
    const s = entry(String(a.rule_id), Number(a.version));
    s.alerts[a.status] = (s.alerts[a.status] ?? 0) + Number(a.n);
  }
  for (const s of stats.values()) {
    const decided = DECIDED.reduce((n, k) => n + (s.alerts[k] ?? 0), 0);
    s.precision = decided ? (s.alerts.confirmed ?? 0) / decided : null;
  }
  return [...stats.values()].sort((a, b) => (a.ruleId === b.ruleId ? b.version - a.version : a.ruleId.localeCompare(b.ruleId, 'en', { numeric: true })));
}
