// Passenger screening on events: every traveller a message added or changed, and travellers of flights not yet arrived when a list changes.
import type { AppContext } from '../../../platform/context.js';
import type { ConsumerDef, DeliveredEvent } from '../../../platform/events/types.js';
import { changedEntities, hasVersion, VERSION_ACTIVATED, type VersionActivated } from '../../watchlists/index.js';
import { FLIGHT_UPDATED, type FlightUpdated } from '../intake/assemble.js';
import { tr, type TravellerRow } from '../intake/tables.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { currentIndex } from '../../screening/index.js';
import { loadRuleSet, loadTravellerViews, RULES_CHANGED } from '../rules/index.js';
import { screenTravellers, type ScreenOptions } from './screen-traveller.js';

/** Screens these travellers of one flight (cancelled ones are not screened). */
export async function screenFlightTravellers(
  ctx: AppContext,
  flightId: string,
  travellerIds: readonly string[] | null,
  opts: ScreenOptions = {},
): Promise<number> {
  const t = tr(ctx.db.kysely);
  const flight = await t.selectFrom('travel_flights').selectAll().where('id', '=', flightId).executeTakeFirst();
  if (!flight) return 0;
  let q = t.selectFrom('travel_travellers').selectAll().where('flight_id', '=', flightId).where('cancelled', '=', 0);
  if (travellerIds) {
    if (!travellerIds.length) return 0;
    q = q.where('id', 'in', [...travellerIds]);
  }
  const rows = await q.execute();
  const held = await currentIndex(ctx);
  const set = opts.watchlistsOnly ? null : await loadRuleSet(ctx);
  const views = set?.rules.length
    ? new Map((await loadTravellerViews(ctx.db.kysely, flightId, travellerIds ?? undefined)).map((v) => [v.travellerId, v]))
    : null;
  // One transaction and one audit row per flight: a commit per traveller would cost a disk flush each.
  return ctx.db.transaction(async (trx) => {
    const results = await screenTravellers(ctx, trx, rows, flight, {
      ...opts,
      held,
      ...(set && views ? { rulesFor: (row: TravellerRow) => ({ set, view: views.get(row.id) }) } : {}),
    });
    const alerts = results.reduce((n, r) => n + r.alerts.length, 0);
    const hits = results.filter((r) => r.outcome === 'hit').map((r) => r.travellerId);
    await ctx.audit.record(trx, {
      action: 'travel.flight-screen',
      actor: SYSTEM_ACTOR,
      target: { type: 'travel-flight', id: flightId },
      details: {
        travellers: rows.length,
        hits: hits.length,
        travellerIds: hits.slice(0, 50),
        alerts,
        lists: Object.keys(held.versions),
        rescreen: opts.watchlistsOnly ? 'lists' : opts.rulesOnly ? 'rules' : false,
      },
    });
    return alerts;
  });
}

/** Flights not yet arrived (or departed, when the arrival time is unknown) at this instant. */
async function openFlights(ctx: AppContext): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await tr(ctx.db.kysely)
    .selectFrom('travel_flights')
    .select('id')
    .where((eb) => eb.or([eb('arrival_utc', '>=', now), eb.and([eb('arrival_utc', 'is', null), eb('departure_utc', '>=', now)])]))
    .execute();
  return rows.map((r) => r.id);
}

/** After a list version: travellers of open flights against only the entities it added or changed. */
export async function rescreenOpenFlights(ctx: AppContext, change: VersionActivated): Promise<{ flights: number; alerts: number }> {
  const ids = new Set(await changedEntities(ctx.db.kysely, change.list, change.previousVersion, change.version));
  if (!ids.size) return { flights: 0, alerts: 0 };
  const flights = await openFlights(ctx);
  let alerts = 0;
  for (const f of flights) alerts += await screenFlightTravellers(ctx, f, null, { onlyEntities: ids, watchlistsOnly: true });
  ctx.log.info(
    { list: change.list, version: change.version, changed: ids.size, flights: flights.length, alerts },
    'open flights re-screened after a list change',
  );
  return { flights: flights.length, alerts };
}

/** After a rule or value list changed: travellers of open flights against the enabled rules only. */
export async function rescreenRules(ctx: AppContext): Promise<{ flights: number; alerts: number }> {
  const flights = await openFlights(ctx);
  let alerts = 0;
  for (const f of flights) alerts += await screenFlightTravellers(ctx, f, null, { rulesOnly: true });
  return { flights: flights.length, alerts };
}

export function screeningConsumers(ctx: AppContext): ConsumerDef[] {
  return [
    {
      name: 'travel.screen',
      topics: [FLIGHT_UPDATED],
      async handle(event: DeliveredEvent) {
        const p = event.payload as Partial<FlightUpdated> | null;
        if (!p || typeof p.flightId !== 'string' || !Array.isArray(p.travellerIds)) return;
        await screenFlightTravellers(ctx, p.flightId, p.travellerIds);
      },
    },
    {
      name: 'travel.rescreen-lists',
      topics: [VERSION_ACTIVATED],
      async handle(event: DeliveredEvent) {
        const p = event.payload as VersionActivated | null;
        if (!p || typeof p.list !== 'string' || typeof p.version !== 'number') return;
        if (!(await hasVersion(ctx.db.kysely, p.list, p.version))) return;
        await rescreenOpenFlights(ctx, p);
      },
    },
    {
      name: 'travel.rescreen-rules',
      topics: [RULES_CHANGED],
      async handle() {
        await rescreenRules(ctx);
      },
    },
  ];
}
