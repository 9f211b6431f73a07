// Carrier compliance over stored flights: expected pushes per flight, compliance alerts for missing and late ones, rates per carrier.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { JobDef } from '../../../platform/jobs/types.js';
import { tr, type FlightRow } from '../intake/tables.js';
import { checkPushes, GRACE_MS, PushCheck } from './expected.js';

export const COMPLIANCE_ALERT = 'travel.compliance-alert';

export const FlightCompliance = z.object({ flightId: z.string(), carrier: z.string(), departureUtc: z.string(), pushes: z.array(PushCheck) });
export type FlightCompliance = z.infer<typeof FlightCompliance>;

/** The compliance of one day: per flight, and per carrier how many pushes were on time, late, missing or pending. */
export const ComplianceReport = z.object({
  date: z.string(),
  items: z.array(FlightCompliance),
  carriers: z.array(z.object({ carrier: z.string(), 'on-time': z.number(), late: z.number(), missing: z.number(), pending: z.number() })),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const ComplianceAlert = z.object({
  flightId: z.string(),
  push: z.string(),
  carrier: z.string(),
  status: z.enum(['late', 'missing']),
  due: z.string(),
  detectedAt: z.string(),
});
export type ComplianceAlert = z.infer<typeof ComplianceAlert>;

async function forFlights(ctx: AppContext, flights: Pick<FlightRow, 'id' | 'carrier' | 'departure_utc'>[], now: Date): Promise<FlightCompliance[]> {
  const dated = flights.filter((f): f is typeof f & { departure_utc: string } => f.departure_utc !== null);
  if (!dated.length) return [];
  const received = await tr(ctx.db.kysely)
    .selectFrom('travel_flight_messages')
    .select(['flight_id', 'type', 'received_at', 'message_id'])
    .where(
      'flight_id',
      'in',
      dated.map((f) => f.id),
    )
    .execute();
  return dated.map((f) => ({
    flightId: f.id,
    carrier: f.carrier,
    departureUtc: f.departure_utc,
    pushes: checkPushes(
      f.departure_utc,
      ctx.config.travelPushes,
      received.filter((r) => r.flight_id === f.id).map((r) => ({ type: r.type, receivedAt: r.received_at, messageId: r.message_id })),
      now,
    ),
  }));
}

/** Compliance of the flights of one day, and per carrier how many pushes came on time, late or not at all. */
export async function complianceReport(ctx: AppContext, date: string): Promise<ComplianceReport> {
  const flights = await tr(ctx.db.kysely)
    .selectFrom('travel_flights')
    .select(['id', 'carrier', 'departure_utc'])
    .where('flight_date', '=', date)
    .orderBy('departure_utc')
    .limit(5000)
    .execute();
  const items = await forFlights(ctx, flights, ctx.clock.now());
  const carriers = new Map<string, Record<PushCheck['status'], number>>();
  for (const f of items) {
    const c = carriers.get(f.carrier) ?? { 'on-time': 0, late: 0, missing: 0, pending: 0 };
    for (const p of f.pushes) c[p.status]++;
    carriers.set(f.carrier, c);
  }
  return { date, items, carriers: [...carriers].map(([carrier, counts]) => ({ carrier, ...counts })) };
}

/** Raises a compliance alert (a row and an event) for each push that became missing or late; idempotent. */
export async function detectCompliance(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const from = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const maxHours = Math.max(0, ...ctx.config.travelPushes.map((p) => p.hoursBefore));
  const to = new Date(now.getTime() + maxHours * 3600_000 + GRACE_MS).toISOString();
  const flights = await tr(ctx.db.kysely)
    .selectFrom('travel_flights')
    .select(['id', 'carrier', 'departure_utc'])
    .where('departure_utc', '>=', from)
    .where('departure_utc', '<=', to)
    .where('status', '=', 'scheduled')
    .execute();
  let raised = 0;
  for (const f of await forFlights(ctx, flights, now)) {
    for (const p of f.pushes) {
      const status = p.status;
      if (status !== 'missing' && status !== 'late') continue;
      await ctx.db.transaction(async (trx) => {
        const t = tr(trx);
        const known = await t
          .selectFrom('travel_compliance')
          .select('status')
          .where('flight_id', '=', f.flightId)
          .where('push', '=', p.push)
          .executeTakeFirst();
        if (known?.status === status) return;
        if (known)
          await t
            .updateTable('travel_compliance')
            .set({ status, detected_at: now.toISOString() })
            .where('flight_id', '=', f.flightId)
            .where('push', '=', p.push)
            .execute();
        else
          await t
            .insertInto('travel_compliance')
            .values({ flight_id: f.flightId, push: p.push, carrier: f.carrier, status, due: p.due, detected_at: now.toISOString() })
            .execute();
        await ctx.outbox.emit(trx, { topic: COMPLIANCE_ALERT, key: f.carrier, payload: { flightId: f.flightId, push: p.push, status, carrier: f.carrier } });
        raised++;
      });
    }
  }
  if (raised) ctx.log.info({ raised }, 'carrier compliance alerts raised');
  return raised;
}

export async function listComplianceAlerts(ctx: AppContext, q: { carrier?: string | undefined; limit: number }): Promise<ComplianceAlert[]> {
  let base = tr(ctx.db.kysely).selectFrom('travel_compliance').selectAll();
  if (q.carrier) base = base.where('carrier', '=', q.carrier);
  const rows = await base.orderBy('detected_at', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({ flightId: r.flight_id, push: r.push, carrier: r.carrier, status: r.status, due: r.due, detectedAt: r.detected_at }));
}

export const complianceJob = (ctx: AppContext): JobDef => ({
  name: 'travel.compliance',
  everySeconds: 60,
  run: async () => {
    await detectCompliance(ctx);
  },
});
