// Reading what intake assembled: the flights board, a manifest, a traveller with their other flights, messages and findings.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { notFound } from '../../../platform/errors.js';
import type { Finding, FlightLeg, ParseError, Traveller } from '../types.js';
import * as P from '../schemas.js';
import { decodeInterchange } from '../parse.js';
import { MessageSummary } from './receive.js';
import { tr, type FlightRow, type MessageRow, type TravellerRow } from './tables.js';

export const DIRECTIONS = ['inbound', 'outbound', 'overflight', 'domestic', 'unknown'] as const satisfies readonly FlightRow['direction'][];
const LocalUtc = z.object({ local: z.string().nullable(), utc: z.string().nullable() });

export const FlightView = z.object({
  id: z.string(),
  carrier: z.string(),
  number: z.string(),
  date: z.string(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  departure: LocalUtc,
  arrival: LocalUtc,
  direction: z.enum(DIRECTIONS),
  status: z.enum(['scheduled', 'cancelled']),
  legs: z.array(P.FlightLeg),
  passengers: z.number(),
  crew: z.number(),
  pnrs: z.number(),
  messages: z.number(),
  lastMessageAt: z.string(),
});
export type FlightView = z.infer<typeof FlightView>;
export const FlightPage = z.object({ items: z.array(FlightView), total: z.number() });

export const TravellerSummary = z.object({
  id: z.string(),
  flightId: z.string(),
  role: z.enum(['passenger', 'crew']),
  surname: z.string(),
  givenNames: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentCountry: z.string().nullable(),
  recordLocator: z.string().nullable(),
  sources: z.object({ api: z.boolean(), pnr: z.boolean() }),
  cancelled: z.boolean(),
});
export type TravellerSummary = z.infer<typeof TravellerSummary>;

/** A flight and everyone reported on it. */
export const Manifest = z.object({ flight: FlightView, travellers: z.array(TravellerSummary) });
export type Manifest = z.infer<typeof Manifest>;

/** One traveller with all that was reported, the messages it came from, PNR versions and the same person's other flights. */
export const TravellerDetail = TravellerSummary.extend({
  flight: FlightView,
  data: P.Traveller,
  messageIds: z.array(z.string()),
  otherFlights: z.array(
    z.object({ travellerId: z.string(), flightId: z.string(), date: z.string(), origin: z.string().nullable(), destination: z.string().nullable() }),
  ),
  pnrVersions: z.array(z.object({ version: z.number(), messageId: z.string(), receivedAt: z.string() })),
  version: z.number(),
});
export type TravellerDetail = z.infer<typeof TravellerDetail>;

export const flightView = (r: FlightRow): FlightView => ({
  id: r.id,
  carrier: r.carrier,
  number: r.number,
  date: r.flight_date,
  origin: r.origin,
  destination: r.destination,
  departure: { local: r.departure_local, utc: r.departure_utc },
  arrival: { local: r.arrival_local, utc: r.arrival_utc },
  direction: r.direction,
  status: r.status,
  legs: JSON.parse(r.legs) as FlightLeg[],
  passengers: r.passengers,
  crew: r.crew,
  pnrs: r.pnrs,
  messages: r.messages,
  lastMessageAt: r.last_message_at,
});

const travellerSummary = (r: TravellerRow): TravellerSummary => ({
  id: r.id,
  flightId: r.flight_id,
  role: r.role,
  surname: r.surname,
  givenNames: r.given_names,
  birthDate: r.birth_date,
  sex: r.sex,
  nationality: r.nationality,
  documentNumber: r.document_number,
  documentCountry: r.document_country,
  recordLocator: r.record_locator,
  sources: { api: r.has_api === 1, pnr: r.has_pnr === 1 },
  cancelled: r.cancelled === 1,
});

export async function listFlights(
  ctx: AppContext,
  q: { date?: string | undefined; direction?: string | undefined; limit: number; offset: number },
): Promise<z.infer<typeof FlightPage>> {
  const t = tr(ctx.db.kysely);
  let base = t.selectFrom('travel_flights');
  if (q.date) base = base.where('flight_date', '=', q.date);
  if (q.direction) base = base.where('direction', '=', q.direction as FlightRow['direction']);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('flight_date').orderBy('departure_utc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return { items: rows.map(flightView), total: Number(total?.n ?? 0) };
}

async function audit(
  ctx: AppContext,
  by: { actor: Actor; requestId?: string | undefined },
  action: string,
  target: { type: string; id: string },
  details = {},
) {
  await ctx.audit.record(ctx.db.kysely, { action, actor: by.actor, target, ...(by.requestId ? { requestId: by.requestId } : {}), details });
}

/** A flight with everyone reported on it (an access to personal data: audited). */
export async function getManifest(ctx: AppContext, id: string, by: { actor: Actor; requestId?: string | undefined }): Promise<Manifest> {
  const t = tr(ctx.db.kysely);
  const flight = await t.selectFrom('travel_flights').selectAll().where('id', '=', id).executeTakeFirst();
  if (!flight) throw notFound('flight', id);
  const rows = await t
    .selectFrom('travel_travellers')
    .selectAll()
    .where('flight_id', '=', id)
    .orderBy('role')
    .orderBy('surname')
    .orderBy('given_names')
    .execute();
  await audit(ctx, by, 'travel.manifest-view', { type: 'travel-flight', id }, { travellers: rows.length });
  return { flight: flightView(flight), travellers: rows.map(travellerSummary) };
}

/** One traveller: everything reported, the messages it came from, PNR versions, and the same person's other flights. */
export async function getTraveller(ctx: AppContext, id: string, by: { actor: Actor; requestId?: string | undefined }): Promise<TravellerDetail> {
  const t = tr(ctx.db.kysely);
  const r = await t.selectFrom('travel_travellers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('traveller', id);
  const flight = await t.selectFrom('travel_flights').selectAll().where('id', '=', r.flight_id).executeTakeFirstOrThrow();
  const others = r.person_key
    ? await t
        .selectFrom('travel_travellers')
        .innerJoin('travel_flights', 'travel_flights.id', 'travel_travellers.flight_id')
        .select([
          'travel_travellers.id as travellerId',
          'travel_flights.id as flightId',
          'travel_flights.flight_date as date',
          'travel_flights.origin',
          'travel_flights.destination',
        ])
        .where('travel_travellers.person_key', '=', r.person_key)
        .where('travel_travellers.id', '!=', r.id)
        .orderBy('travel_flights.flight_date')
        .limit(200)
        .execute()
    : [];
  const pnrVersions = r.record_locator
    ? await t
        .selectFrom('travel_pnr_versions')
        .select(['version', 'message_id as messageId', 'received_at as receivedAt'])
        .where('record_locator', '=', r.record_locator)
        .where('flight_id', '=', r.flight_id)
        .orderBy('version')
        .execute()
    : [];
  await audit(ctx, by, 'travel.traveller-view', { type: 'travel-traveller', id });
  return {
    ...travellerSummary(r),
    flight: flightView(flight),
    data: JSON.parse(r.data) as Traveller,
    messageIds: JSON.parse(r.sources) as string[],
    otherFlights: others,
    pnrVersions,
    version: r.version,
  };
}

export const MessageListItem = z.object({
  id: z.string(),
  sender: z.string().nullable(),
  interchangeRef: z.string().nullable(),
  type: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  size: z.number(),
  status: z.enum(['accepted', 'rejected']),
  duplicates: z.number(),
  findings: z.number(),
  assembled: z.boolean(),
});
export type MessageListItem = z.infer<typeof MessageListItem>;
export const MessagePage = z.object({ items: z.array(MessageListItem), total: z.number() });

/** One message as received: raw text (personal data), its findings and what it held. */
export const MessageDetail = MessageListItem.extend({
  sha256: z.string(),
  error: P.ParseError.nullable(),
  interchangeFindings: z.array(P.Finding),
  messages: z.array(MessageSummary),
  raw: z.string(),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

export const CarrierFindings = z.object({ sender: z.string(), day: z.string(), code: z.string(), count: z.number(), messages: z.number() });

const listItem = (r: Omit<MessageRow, 'raw' | 'dedupe_key' | 'sha256' | 'received_by' | 'error'>): MessageListItem => ({
  id: r.id,
  sender: r.sender,
  interchangeRef: r.interchange_ref,
  type: r.type,
  channel: r.channel,
  receivedAt: r.received_at,
  size: r.size,
  status: r.status,
  duplicates: r.duplicates,
  findings:
    (JSON.parse(r.findings) as unknown[]).length +
    (JSON.parse(r.summary) as { messages: MessageSummary[] }).messages.reduce((n, m) => n + m.findings.length, 0),
  assembled: r.assembled_at !== null,
});

export async function listMessages(
  ctx: AppContext,
  q: { status?: string | undefined; sender?: string | undefined; limit: number; offset: number },
): Promise<z.infer<typeof MessagePage>> {
  let base = tr(ctx.db.kysely).selectFrom('travel_messages');
  if (q.status) base = base.where('status', '=', q.status as MessageRow['status']);
  if (q.sender) base = base.where('sender', '=', q.sender);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base
    .select(['id', 'sender', 'interchange_ref', 'type', 'channel', 'received_at', 'size', 'status', 'duplicates', 'findings', 'summary', 'assembled_at'])
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: rows.map(listItem), total: Number(total?.n ?? 0) };
}

/** One message as received (raw text: personal data, audited), with its findings and what it held. */
export async function getMessage(ctx: AppContext, id: string, by: { actor: Actor; requestId?: string | undefined }): Promise<MessageDetail> {
  const r = await tr(ctx.db.kysely).selectFrom('travel_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('message', id);
  await audit(ctx, by, 'travel.message-view', { type: 'travel-message', id });
  const summary = JSON.parse(r.summary) as { messages: MessageSummary[] };
  return {
    ...listItem(r),
    sha256: r.sha256,
    error: r.error ? (JSON.parse(r.error) as ParseError) : null,
    interchangeFindings: JSON.parse(r.findings) as Finding[],
    messages: summary.messages,
    raw: decodeInterchange(r.raw).text,
  };
}

/** Data-quality findings per carrier (sender) and day, over a period. */
export async function carrierFindings(ctx: AppContext, q: { from?: string | undefined; to?: string | undefined }): Promise<z.infer<typeof CarrierFindings>[]> {
  let base = tr(ctx.db.kysely).selectFrom('travel_findings');
  if (q.from) base = base.where('day', '>=', q.from);
  if (q.to) base = base.where('day', '<=', q.to);
  const rows = await base
    .select(['sender', 'day', 'code', (eb) => eb.fn.sum<number>('count').as('count'), (eb) => eb.fn.count<number>('message_id').as('messages')])
    .groupBy(['sender', 'day', 'code'])
    .orderBy('sender')
    .orderBy('day')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ sender: r.sender, day: r.day, code: r.code, count: Number(r.count), messages: Number(r.messages) }));
}
