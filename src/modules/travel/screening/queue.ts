// The review queue of passenger alerts: per flight, soonest departure or arrival first, then by score; flights with open alerts.
import { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import { tr } from '../intake/tables.js';
import { ALERT_STATUSES, type AlertStatus } from '../../alerts/index.js';
import { flightView, FlightView } from '../intake/queries.js';

export const TravelAlert = z.object({
  id: z.string(),
  flightId: z.string(),
  traveller: z.object({ id: z.string(), name: z.string(), birthDate: z.string().nullable(), documents: z.array(z.string()) }),
  entityId: z.string(),
  entityCaption: z.string(),
  source: z.enum(['watchlist', 'lost-document', 'rule']),
  score: z.number(),
  status: z.enum(ALERT_STATUSES),
  /** When the flight leaves (outbound) or lands (inbound): the decision is due before. */
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TravelAlert = z.infer<typeof TravelAlert>;

interface Row {
  id: string;
  entity_id: string;
  entity: string;
  entity_list: string;
  score: number;
  status: AlertStatus;
  created_at: string;
  traveller_id: string;
  flight_id: string;
  surname: string;
  given_names: string;
  birth_date: string | null;
  document_number: string | null;
  document_country: string | null;
  departure_utc: string | null;
  arrival_utc: string | null;
  direction: string;
  pending_by: string | null;
}

/** Statuses that still await a decision. */
const UNDECIDED = ['open', 'pending-confirmation', 'escalated'];

const kind = (r: Row): TravelAlert['source'] => (r.entity_id.startsWith('lost-') ? 'lost-document' : r.entity_id.startsWith('rule-') ? 'rule' : 'watchlist');

/** The time a flight's alerts are due: departure for an outbound flight, arrival for an inbound one. */
const dueSql = sql<
  string | null
>`case when f.direction = 'inbound' then coalesce(f.arrival_utc, f.departure_utc) else coalesce(f.departure_utc, f.arrival_utc) end`;

async function queueRows(ctx: AppContext, q: { flightId?: string | undefined; open?: boolean | undefined; limit: number }): Promise<Row[]> {
  // Joins across the alerts and travel tables: typed by the row shape above.
  const k = ctx.db.kysely as unknown as Kysely<any>;
  let query = k
    .selectFrom('alert_alerts as a')
    .innerJoin('travel_travellers as t', 't.id', 'a.subject_id')
    .innerJoin('travel_flights as f', 'f.id', 't.flight_id')
    .select([
      'a.id',
      'a.entity_id',
      'a.entity',
      'a.entity_list',
      'a.score',
      'a.status',
      'a.created_at',
      'a.pending_by',
      't.id as traveller_id',
      'f.id as flight_id',
      't.surname',
      't.given_names',
      't.birth_date',
      't.document_number',
      't.document_country',
      'f.departure_utc',
      'f.arrival_utc',
      'f.direction',
    ])
    .where('a.source', '=', 'travel')
    .where('a.subject_type', '=', 'traveller');
  if (q.flightId) query = query.where('f.id', '=', q.flightId);
  if (q.open) query = query.where('a.status', 'in', UNDECIDED);
  // Ordered before the limit, so the soonest due are the ones kept.
  return (await query.orderBy(dueSql).orderBy('a.score', 'desc').orderBy('a.id').limit(q.limit).execute()) as Row[];
}

const due = (r: Row) => (r.direction === 'inbound' ? (r.arrival_utc ?? r.departure_utc) : (r.departure_utc ?? r.arrival_utc));
/** Queue order: due soonest first (undated last), then the highest score, then the id (stable). */
const order = (a: { dueAt: string | null; score: number; id: string }, b: { dueAt: string | null; score: number; id: string }) =>
  (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || b.score - a.score || a.id.localeCompare(b.id);

export async function travelAlerts(ctx: AppContext, q: { flightId?: string | undefined; open?: boolean | undefined; limit: number }): Promise<TravelAlert[]> {
  const rows = await queueRows(ctx, q);
  return rows
    .map((r): TravelAlert => ({
      id: r.id,
      flightId: r.flight_id,
      traveller: {
        id: r.traveller_id,
        name: `${r.surname}, ${r.given_names}`,
        birthDate: r.birth_date,
        documents: r.document_number ? [[r.document_country, r.document_number].filter(Boolean).join(' ')] : [],
      },
      entityId: r.entity_id,
      entityCaption: (JSON.parse(r.entity) as { caption: string }).caption,
      source: kind(r),
      score: r.score,
      status: r.status,
      dueAt: due(r),
      createdAt: r.created_at,
    }))
    .sort(order);
}

/** Who asks for the next alert of a flight: the id kept in `pending_by`, and whether they may complete a confirmation. */
export interface FlightReviewer {
  who: string;
  canConfirm: boolean;
}

/**
 * The next undecided alert of a flight this reviewer can act on, after `after` in the flight's queue order (wrapping
 * around); an alert awaiting a second person is skipped for its first confirmer and for people who cannot confirm.
 */
export async function nextFlightAlert(
  ctx: AppContext,
  q: { flightId: string; after?: string | undefined },
  by: FlightReviewer,
): Promise<z.infer<typeof NextFlightAlert>> {
  const rows = (await queueRows(ctx, { flightId: q.flightId, limit: 5000 })).map((r) => ({ ...r, dueAt: due(r) })).sort(order);
  const actionable = (r: Row) =>
    UNDECIDED.includes(r.status) && (r.status !== 'pending-confirmation' || (by.canConfirm && (r.pending_by === null || r.pending_by !== by.who)));
  const remaining = rows.filter(actionable).length;
  const at = q.after ? rows.findIndex((r) => r.id === q.after) : -1;
  const ring = [...rows.slice(at + 1), ...rows.slice(0, at + 1)];
  return { id: ring.find(actionable)?.id ?? null, remaining };
}

export const FlightAlerts = z.object({
  flight: FlightView,
  /** Alerts awaiting a decision. */
  open: z.number(),
  /** The highest score among them. */
  topScore: z.number(),
  /** When the decisions are due: departure (outbound) or arrival (inbound). */
  dueAt: z.string().nullable(),
});
export type FlightAlerts = z.infer<typeof FlightAlerts>;

export const NextFlightAlert = z.object({ id: z.string().nullable(), remaining: z.number() });

/** Flights with alerts awaiting a decision (of a day, a direction), soonest due first, then by the highest score; at most `limit`. */
export async function flightsWithOpenAlerts(
  ctx: AppContext,
  q: { date?: string | undefined; direction?: string | undefined; limit: number },
): Promise<FlightAlerts[]> {
  const k = ctx.db.kysely as unknown as Kysely<any>;
  let query = k
    .selectFrom('alert_alerts as a')
    .innerJoin('travel_travellers as t', 't.id', 'a.subject_id')
    .innerJoin('travel_flights as f', 'f.id', 't.flight_id')
    .select((eb) => ['f.id as flight_id', eb.fn.countAll<number>().as('open'), eb.fn.max('a.score').as('top')])
    .where('a.source', '=', 'travel')
    .where('a.subject_type', '=', 'traveller')
    .where('a.status', 'in', UNDECIDED)
    .groupBy(['f.id', 'f.direction', 'f.departure_utc', 'f.arrival_utc'])
    .orderBy(dueSql)
    .orderBy('f.id')
    .limit(q.limit);
  if (q.date) query = query.where('f.flight_date', '=', q.date);
  if (q.direction) query = query.where('f.direction', '=', q.direction);
  const counts = (await query.execute()) as Array<{ flight_id: string; open: number | string; top: number | string }>;
  if (!counts.length) return [];
  const flights = await tr(ctx.db.kysely)
    .selectFrom('travel_flights')
    .selectAll()
    .where(
      'id',
      'in',
      counts.map((c) => c.flight_id),
    )
    .execute();
  const byId = new Map(flights.map((f) => [f.id, f]));
  return counts
    .flatMap((c) => {
      const f = byId.get(c.flight_id);
      if (!f) return [];
      const dueAt = f.direction === 'inbound' ? (f.arrival_utc ?? f.departure_utc) : (f.departure_utc ?? f.arrival_utc);
      return [{ flight: flightView(f), open: Number(c.open), topScore: Number(c.top), dueAt }];
    })
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || b.topScore - a.topScore || a.flight.id.localeCompare(b.flight.id));
}
