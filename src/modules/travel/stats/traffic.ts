// Traffic statistics: messages and travellers per carrier and day, by role and sex (live rows plus tallies of depersonalised ones).
import { z } from 'zod';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import { rt } from '../retention/tables.js';

export const SEXES = ['F', 'M', 'X', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const BySex = z.object({ F: z.number(), M: z.number(), X: z.number(), unknown: z.number() });
export type BySex = z.infer<typeof BySex>;

export const sexOf = (v: string | null | undefined): Sex => (v === 'F' || v === 'M' || v === 'X' ? v : 'unknown');
export const noSex = (): BySex => ({ F: 0, M: 0, X: 0, unknown: 0 });

export interface Range {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export const MessageCount = z.object({ day: z.string(), carrier: z.string(), type: z.string(), messages: z.number() });
export type MessageCount = z.infer<typeof MessageCount>;

export const TravellerCount = z.object({ day: z.string(), carrier: z.string(), role: z.string(), sex: z.enum(SEXES), travellers: z.number() });
export type TravellerCount = z.infer<typeof TravellerCount>;

/** Messages per carrier, day of receipt and type (a message about flights of two carriers counts for each). */
export async function messageCounts(ctx: AppContext, r: Range): Promise<MessageCount[]> {
  const day = sql<string>`substr(travel_flight_messages.received_at, 1, 10)`;
  const rows = await rt(ctx.db.kysely)
    .selectFrom('travel_flight_messages')
    .innerJoin('travel_flights', 'travel_flights.id', 'travel_flight_messages.flight_id')
    .select([day.as('day'), 'travel_flights.carrier as carrier', 'travel_flight_messages.type as type'])
    .select(sql<number>`count(distinct travel_flight_messages.message_id)`.as('n'))
    .where(day, '>=', r.from)
    .where(day, '<=', r.to)
    .groupBy([day, 'travel_flights.carrier', 'travel_flight_messages.type'])
    .execute();
  return rows.map((x) => ({ day: x.day, carrier: x.carrier, type: x.type, messages: Number(x.n) })).sort(byDayCarrier);
}

/** Travellers per carrier, flight day, role and sex: rows still personal, plus the tallies taken when rows were depersonalised. */
export async function travellerCounts(ctx: AppContext, r: Range): Promise<TravellerCount[]> {
  const t = rt(ctx.db.kysely);
  const live = await t
    .selectFrom('travel_travellers')
    .innerJoin('travel_flights', 'travel_flights.id', 'travel_travellers.flight_id')
    .select(['travel_flights.flight_date as day', 'travel_flights.carrier as carrier', 'travel_travellers.role as role', 'travel_travellers.sex as sex'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('travel_travellers.depersonalised_at', 'is', null)
    .where('travel_flights.flight_date', '>=', r.from)
    .where('travel_flights.flight_date', '<=', r.to)
    .groupBy(['travel_flights.flight_date', 'travel_flights.carrier', 'travel_travellers.role', 'travel_travellers.sex'])
    .execute();
  const tallied = await t.selectFrom('travel_stats_tallies').selectAll().where('day', '>=', r.from).where('day', '<=', r.to).execute();
  const out = new Map<string, TravellerCount>();
  const add = (day: string, carrier: string, role: string, sex: Sex, n: number) => {
    const k = `${day}|${carrier}|${role}|${sex}`;
    const c = out.get(k) ?? { day, carrier, role, sex, travellers: 0 };
    c.travellers += n;
    out.set(k, c);
  };
  for (const x of live) add(x.day, x.carrier, x.role, sexOf(x.sex), Number(x.n));
  for (const x of tallied) add(x.day, x.carrier, x.role, sexOf(x.sex), x.travellers);
  return [...out.values()].sort((a, b) => byDayCarrier(a, b) || a.role.localeCompare(b.role) || a.sex.localeCompare(b.sex));
}

function byDayCarrier(a: { day: string; carrier: string }, b: { day: string; carrier: string }): number {
  return a.day.localeCompare(b.day) || a.carrier.localeCompare(b.carrier);
}
