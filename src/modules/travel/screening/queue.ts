// The review queue of passenger alerts: per flight, soonest departure or arrival first, then by score.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../../platform/context.js';

export interface TravelAlert {
  id: string;
  flightId: string;
  traveller: { id: string; name: string; birthDate: string | null; documents: string[] };
  entityId: string;
  entityCaption: string;
  source: 'watchlist' | 'lost-document' | 'rule';
  score: number;
  status: string;
  /** When the flight leaves (outbound) or lands (inbound): the decision is due before. */
  dueAt: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  entity_id: string;
  entity: string;
  entity_list: string;
  score: number;
  status: string;
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
}

const kind = (r: Row): TravelAlert['source'] => (r.entity_id.startsWith('lost-') ? 'lost-document' : r.entity_id.startsWith('rule-') ? 'rule' : 'watchlist');

export async function travelAlerts(ctx: AppContext, q: { flightId?: string | undefined; open?: boolean | undefined; limit: number }): Promise<TravelAlert[]> {
  // Joins across the alerts and travel tables: typed by the row shape below.
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
  if (q.open) query = query.where('a.status', 'in', ['open', 'pending-confirmation', 'escalated']);
  const rows = (await query.limit(q.limit).execute()) as Row[];
  const due = (r: Row) => (r.direction === 'inbound' ? (r.arrival_utc ?? r.departure_utc) : (r.departure_utc ?? r.arrival_utc));
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
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || b.score - a.score);
}
