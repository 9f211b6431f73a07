// Testing a rule against stored traffic before it is enabled: how many travellers and flights of a period it would have hit.
import type { AppContext } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import type { By } from './by.js';
import { getRule, validateExpression } from './rules.js';
import { ru } from './tables.js';
import { viewsOf } from './views.js';

export const MAX_PERIOD_DAYS = 366;
export const SAMPLE_SIZE = 20;
const FLIGHT_PAGE = 100;
const DAY = 86_400_000;

export interface RuleTestResult {
  ruleId: string | null;
  version: number | null;
  expression: string;
  period: { from: string; to: string };
  /** Versions of the lists the rule was compiled with. */
  lists: Record<string, number>;
  scanned: { flights: number; travellers: number };
  hits: { flights: number; travellers: number };
  /** Up to 20 travellers it would have hit (ids: opening one is an audited access), with what the rule read. */
  sample: Array<{ travellerId: string; flightId: string; flightDate: string; detail: string }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Runs a rule (by id, its current version) or an expression over the stored travellers of flights dated from..to (inclusive). */
export async function testRule(
  ctx: AppContext,
  target: { id: string } | { expression: string },
  period: { from?: string | undefined; to?: string | undefined },
  by: By,
): Promise<RuleTestResult> {
  const t = ru(ctx.db.kysely);
  for (const k of ['from', 'to'] as const) {
    const v = period[k];
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) throw invalid(k, 'a date as YYYY-MM-DD');
  }
  const rule = 'id' in target ? await getRule(ctx, target.id) : null;
  const expression = rule ? rule.expression : (target as { expression: string }).expression;
  const compiled = await validateExpression(t, expression);
  // Default period: the 30 days up to the latest stored flight (traffic announced ahead is stored too).
  const latest = await t
    .selectFrom('travel_flights')
    .select((e) => e.fn.max('flight_date').as('d'))
    .executeTakeFirst();
  const to = period.to ?? (latest?.d ? String(latest.d) : day(ctx.clock.now().getTime()));
  const from = period.from ?? day(Date.parse(to) - 30 * DAY);
  if (from > to) throw invalid('from', `the period starts (${from}) after it ends (${to})`);
  if ((Date.parse(to) - Date.parse(from)) / DAY > MAX_PERIOD_DAYS) throw invalid('to', `a test covers at most ${MAX_PERIOD_DAYS} days`);

  const result: RuleTestResult = {
    ruleId: rule?.id ?? null,
    version: rule?.version ?? null,
    expression,
    period: { from, to },
    lists: compiled.lists,
    scanned: { flights: 0, travellers: 0 },
    hits: { flights: 0, travellers: 0 },
    sample: [],
  };
  let after = '';
  for (;;) {
    // Keyset pages of flights; each flight's travellers read at once (party sizes need the whole flight).
    const flights = await t
      .selectFrom('travel_flights')
      .selectAll()
      .where('flight_date', '>=', from)
      .where('flight_date', '<=', to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(FLIGHT_PAGE)
      .execute();
    if (!flights.length) break;
    after = flights.at(-1)!.id;
    const travellers = await t
      .selectFrom('travel_travellers')
      .selectAll()
      .where(
        'flight_id',
        'in',
        flights.map((f) => f.id),
      )
      .execute();
    const byFlight = new Map<string, typeof travellers>();
    for (const r of travellers) byFlight.set(r.flight_id, [...(byFlight.get(r.flight_id) ?? []), r]);
    for (const f of flights) {
      result.scanned.flights++;
      let hit = false;
      for (const v of viewsOf(f, byFlight.get(f.id) ?? [])) {
        result.scanned.travellers++;
        if (!compiled.test(v)) continue;
        hit = true;
        result.hits.travellers++;
        if (result.sample.length < SAMPLE_SIZE)
          result.sample.push({ travellerId: v.travellerId, flightId: f.id, flightDate: f.flight_date, detail: compiled.explain(v) });
      }
      if (hit) result.hits.flights++;
    }
  }
  await ctx.audit.record(ctx.db.kysely, {
    action: 'travel.rule.test',
    actor: by.actor,
    ...(rule ? { target: { type: 'travel-rule', id: rule.id } } : {}),
    ...(by.requestId ? { requestId: by.requestId } : {}),
    details: {
      version: rule?.version ?? null,
      from,
      to,
      flights: result.scanned.flights,
      travellers: result.scanned.travellers,
      hitTravellers: result.hits.travellers,
      sample: result.sample.map((s) => s.travellerId),
    },
  });
  return result;
}
