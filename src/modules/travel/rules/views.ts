// Traveller views from storage: a flight's stored travellers (not cancelled) with their PNR party sizes, as rules see them.
import type { FlightRow, TravellerRow } from '../intake/tables.js';
import type { FlightLeg, Traveller } from '../types.js';
import type { Executor } from '../../../platform/db/index.js';
import { ru } from './tables.js';
import { travellerView, type FlightFacts, type TravellerView } from './view.js';

export const flightFacts = (f: FlightRow): FlightFacts => ({
  id: f.id,
  carrier: f.carrier,
  number: f.number,
  date: f.flight_date,
  direction: f.direction,
  departureUtc: f.departure_utc,
  arrivalUtc: f.arrival_utc,
  legs: JSON.parse(f.legs) as FlightLeg[],
});

/** Views of a flight's travellers; party size counts the flight's travellers sharing a record locator. */
export function viewsOf(flight: FlightRow, travellers: readonly TravellerRow[]): TravellerView[] {
  const facts = flightFacts(flight);
  const live = travellers.filter((t) => t.cancelled === 0);
  const party = new Map<string, number>();
  for (const t of live) if (t.record_locator) party.set(t.record_locator, (party.get(t.record_locator) ?? 0) + 1);
  return live.map((t) => travellerView(t.id, JSON.parse(t.data) as Traveller, facts, t.record_locator ? (party.get(t.record_locator) ?? 1) : null));
}

/** Views of the travellers of one flight (all, or those named), for screening. */
export async function loadTravellerViews(exec: Executor, flightId: string, travellerIds?: readonly string[]): Promise<TravellerView[]> {
  const t = ru(exec);
  const flight = await t.selectFrom('travel_flights').selectAll().where('id', '=', flightId).executeTakeFirst();
  if (!flight) return [];
  const rows = await t.selectFrom('travel_travellers').selectAll().where('flight_id', '=', flightId).execute();
  const views = viewsOf(flight, rows);
  if (!travellerIds) return views;
  const want = new Set(travellerIds);
  return views.filter((v) => want.has(v.travellerId));
}
