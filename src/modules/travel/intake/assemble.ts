// Flights and travellers assembled from every message about them: API and PNR data merged per person, PNR versions kept.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import { alpha3 } from '../../../core/model/countries.js';
import { airport } from '../places.js';
import { parseTravel } from '../parse.js';
import { takeParse } from './parsed.js';
import type { Flight, ParsedMessage, Traveller } from '../types.js';
import { flightDate, flightId } from './flight-id.js';
import { lookupKeys, mainDocument, matchKeys, nameOnlyKey, personKey } from './identity.js';
import { tr, type FlightRow, type TrExecutor, type TravellerRow } from './tables.js';

export const FLIGHT_UPDATED = 'travel.flight-updated';

export interface FlightUpdated {
  flightId: string;
  messageId: string;
  /** Travellers added or changed by the message. */
  travellerIds: string[];
}

const CANCELLING = new Set(['cancel-reservation', 'reduction-in-party']);

function direction(f: Flight, home: string | undefined): FlightRow['direction'] {
  const homeA3 = home ? alpha3(home) : undefined;
  const from = f.legs[0]?.origin ? airport(f.legs[0].origin)?.country : undefined;
  const to = f.legs.at(-1)?.destination ? airport(f.legs.at(-1)!.destination!)?.country : undefined;
  if (!homeA3 || !from || !to) return 'unknown';
  if (from === homeA3 && to === homeA3) return 'domestic';
  if (to === homeA3) return 'inbound';
  if (from === homeA3) return 'outbound';
  return f.legs.some((l) => [l.origin, l.destination].some((a) => a && airport(a)?.country === homeA3)) ? 'inbound' : 'overflight';
}

/** PAXLST identity data wins over PNR data; PNR data brings the booking. */
function merge(old: Traveller, next: Traveller, type: ParsedMessage['type']): Traveller {
  const api = type === 'PAXLST';
  const pick = <K extends keyof Traveller>(k: K): Traveller[K] => (api ? (next[k] ?? old[k]) : (old[k] ?? next[k]));
  const docs = [...old.documents];
  for (const d of next.documents) {
    const i = docs.findIndex((o) => o.number === d.number && o.kind === d.kind);
    if (i < 0) docs.push(d);
    else if (!docs[i]!.issuingCountry && d.issuingCountry) docs[i] = { ...docs[i]!, issuingCountry: d.issuingCountry };
  }
  return {
    ...old,
    surname: api ? next.surname : old.surname || next.surname,
    givenNames: api ? next.givenNames : old.givenNames || next.givenNames,
    title: old.title ?? next.title,
    sex: pick('sex'),
    birthDate: pick('birthDate'),
    birthPlace: pick('birthPlace'),
    nationality: pick('nationality'),
    residence: pick('residence'),
    embarkation: pick('embarkation'),
    debarkation: pick('debarkation'),
    clearance: pick('clearance'),
    inTransit: api ? next.inTransit : old.inTransit,
    passengerType: old.passengerType ?? next.passengerType,
    addresses: next.addresses.length ? next.addresses : old.addresses,
    documents: docs,
    booking: api ? (old.booking ?? next.booking) : (next.booking ?? old.booking),
    references: next.references.length ? next.references : old.references,
  };
}

function columns(
  t: Traveller,
): Pick<
  TravellerRow,
  'surname' | 'given_names' | 'birth_date' | 'sex' | 'nationality' | 'document_number' | 'document_country' | 'record_locator' | 'person_key' | 'role'
> {
  const d = mainDocument(t);
  return {
    surname: t.surname,
    given_names: t.givenNames,
    birth_date: t.birthDate,
    sex: t.sex,
    nationality: t.nationality,
    document_number: d?.number ?? null,
    document_country: d?.issuingCountry ?? null,
    record_locator: t.booking?.recordLocator ?? null,
    person_key: personKey(t),
    role: t.role,
  };
}

/**
 * Inserts or updates the flight; true when it is new or what screening reads of it (route, times, direction, status)
 * changed, so that its travellers are screened again even where their own data did not change.
 */
async function upsertFlight(t: TrExecutor, f: Flight, id: string, status: FlightRow['status'] | null, home: string | undefined, now: string): Promise<boolean> {
  const first = f.legs[0];
  const last = f.legs.at(-1);
  const fields = {
    origin: first?.origin ?? null,
    destination: last?.destination ?? null,
    departure_local: first?.departure?.local ?? null,
    departure_utc: first?.departure?.utc ?? null,
    arrival_local: last?.arrival?.local ?? null,
    arrival_utc: last?.arrival?.utc ?? null,
    direction: direction(f, home),
    legs: JSON.stringify(f.legs),
    last_message_at: now,
  };
  const existing = await t
    .selectFrom('travel_flights')
    .select(['id', 'status', 'origin', 'destination', 'departure_local', 'departure_utc', 'arrival_local', 'arrival_utc', 'direction', 'legs'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (existing) {
    await t
      .updateTable('travel_flights')
      .set((eb) => ({ ...fields, status: status ?? existing.status, messages: eb('messages', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const same = (Object.keys(fields) as Array<keyof typeof fields>).every((k) => k === 'last_message_at' || fields[k] === existing[k]);
    return !same || (status ?? existing.status) !== existing.status;
  } else {
    await t
      .insertInto('travel_flights')
      .values({
        id,
        carrier: f.carrier,
        number: f.number,
        flight_date: flightDate(f)!,
        status: status ?? 'scheduled',
        passengers: 0,
        crew: 0,
        pnrs: 0,
        messages: 1,
        first_message_at: now,
        ...fields,
      })
      .execute();
    return true;
  }
}

async function recount(t: TrExecutor, id: string) {
  const c = await t
    .selectFrom('travel_travellers')
    .select([
      sql<number>`sum(case when role = 'passenger' and cancelled = 0 then 1 else 0 end)`.as('passengers'),
      sql<number>`sum(case when role = 'crew' and cancelled = 0 then 1 else 0 end)`.as('crew'),
      sql<number>`count(distinct record_locator)`.as('pnrs'),
    ])
    .where('flight_id', '=', id)
    .executeTakeFirst();
  await t
    .updateTable('travel_flights')
    .set({ passengers: Number(c?.passengers ?? 0), crew: Number(c?.crew ?? 0), pnrs: Number(c?.pnrs ?? 0) })
    .where('id', '=', id)
    .execute();
}

/** Rows per multi-row insert (21 values each: well under every engine's parameter limit). */
const INSERT_CHUNK = 100;

/**
 * Merges the message's travellers into the flight's: ids of those added, or whose data or status changed (all that
 * were reported when `flightChanged`). New rows are inserted together at the end, a few statements per message.
 */
async function upsertTravellers(t: TrExecutor, m: ParsedMessage, flight: string, messageId: string, now: string, flightChanged: boolean): Promise<string[]> {
  const rows = await t.selectFrom('travel_travellers').selectAll().where('flight_id', '=', flight).execute();
  const matchKeysTaken = new Set(rows.map((r) => r.match_key));
  // Rows of this message not inserted yet: a later report of the same person changes them in memory.
  const pending = new Map<string, TravellerRow>();
  const byKey = new Map<string, TravellerRow>();
  // Name alone (of someone with a birth date) answers only a report without one, and only when the name is unique.
  const byNameOnly = new Map<string, TravellerRow | null>();
  const index = (r: TravellerRow, t: Traveller) => {
    for (const k of matchKeys(t)) if (!byKey.has(k)) byKey.set(k, r);
    const n = nameOnlyKey(t);
    if (n) byNameOnly.set(n, byNameOnly.has(n) && byNameOnly.get(n) !== r ? null : r);
  };
  for (const r of rows) index(r, JSON.parse(r.data) as Traveller);
  const cancel = CANCELLING.has(m.function.action);
  const api = m.type === 'PAXLST';
  const touched = new Set<string>();
  for (const tv of m.travellers) {
    const keys = matchKeys(tv);
    const found =
      lookupKeys(tv)
        .map((k) => byKey.get(k))
        .find((r) => r !== undefined) ?? (tv.birthDate ? undefined : (byNameOnly.get(keys.at(-1)!) ?? undefined));
    if (found) {
      const merged = merge(JSON.parse(found.data) as Traveller, tv, m.type);
      const sources = JSON.parse(found.sources) as string[];
      if (!sources.includes(messageId)) sources.push(messageId);
      const update = {
        ...columns(merged),
        has_api: api ? 1 : found.has_api,
        has_pnr: api ? found.has_pnr : 1,
        cancelled: cancel ? 1 : 0,
        data: JSON.stringify(merged),
        sources: JSON.stringify(sources),
        version: found.version + 1,
        updated_at: now,
      };
      // A push repeating what is known (the 48 h, 24 h and closure pushes mostly do) needs no new screening.
      const changed = update.data !== found.data || update.cancelled !== found.cancelled;
      if (!pending.has(found.id)) await t.updateTable('travel_travellers').set(update).where('id', '=', found.id).execute();
      Object.assign(found, update);
      index(found, merged);
      if (changed || flightChanged) touched.add(found.id);
    } else {
      if (cancel) continue; // a cancellation of someone never reported
      const row: TravellerRow = {
        id: randomUUID(),
        flight_id: flight,
        match_key: keys[0]!,
        ...columns(tv),
        has_api: api ? 1 : 0,
        has_pnr: api ? 0 : 1,
        cancelled: 0,
        data: JSON.stringify(tv),
        sources: JSON.stringify([messageId]),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      // Two travellers of one message under the same strongest key (e.g. same name, no document): keep both apart.
      if (matchKeysTaken.has(row.match_key)) row.match_key = `${row.match_key}#${row.id}`;
      matchKeysTaken.add(row.match_key);
      pending.set(row.id, row);
      rows.push(row);
      index(row, tv);
      touched.add(row.id);
    }
  }
  const inserts = [...pending.values()];
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK)
    await t
      .insertInto('travel_travellers')
      .values(inserts.slice(i, i + INSERT_CHUNK))
      .execute();
  return [...touched];
}

/** A new PNR version when the booking data changed since the last push for this flight; an identical push adds none. */
async function keepPnrVersions(t: TrExecutor, m: ParsedMessage, flight: string, messageId: string, now: string) {
  const byLocator = new Map<string, Traveller[]>();
  for (const tv of m.travellers) {
    const loc = tv.booking?.recordLocator;
    if (loc) byLocator.set(loc, [...(byLocator.get(loc) ?? []), tv]);
  }
  for (const [locator, travellers] of byLocator) {
    const data = JSON.stringify({
      booking: travellers[0]!.booking,
      travellers: travellers.map((x) => ({ ref: x.ref, surname: x.surname, givenNames: x.givenNames })),
    });
    const digest = createHash('sha256').update(data).digest('hex');
    const last = await t
      .selectFrom('travel_pnr_versions')
      .select(['version', 'digest'])
      .where('record_locator', '=', locator)
      .where('flight_id', '=', flight)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.digest === digest) continue;
    await t
      .insertInto('travel_pnr_versions')
      .values({
        id: randomUUID(),
        record_locator: locator,
        flight_id: flight,
        version: (last?.version ?? 0) + 1,
        message_id: messageId,
        received_at: now,
        digest,
        data,
      })
      .execute();
  }
}

/** Assembles one stored message into flights and travellers, once: a redelivered event finds it done. */
export async function assembleMessage(ctx: AppContext, messageId: string): Promise<FlightUpdated[]> {
  const referenceYear = ctx.clock.now().getUTCFullYear();
  const kept = takeParse(messageId, referenceYear);
  const row = await tr(ctx.db.kysely)
    .selectFrom('travel_messages')
    .select(['status', 'assembled_at', 'sender', 'received_at'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!row || row.status !== 'accepted' || row.assembled_at) return [];
  // The parse intake made in this process when there is one; else the stored bytes, read again.
  const parsed =
    kept ??
    parseTravel((await tr(ctx.db.kysely).selectFrom('travel_messages').select('raw').where('id', '=', messageId).executeTakeFirstOrThrow()).raw, {
      referenceYear,
    });
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (trx) => {
    const t = tr(trx);
    const claimed = await t
      .updateTable('travel_messages')
      .set({ assembled_at: now })
      .where('id', '=', messageId)
      .where('assembled_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return [];
    const updates: FlightUpdated[] = [];
    for (const m of parsed.messages) {
      if (m.errors.length) continue;
      const status = m.function.action === 'flight-cancelled' ? 'cancelled' : null;
      for (const f of m.flights) {
        const id = flightId(f);
        if (!id) continue;
        const flightChanged = await upsertFlight(t, f, id, status, ctx.config.travelCountry, now);
        await t
          .insertInto('travel_flight_messages')
          .values({ flight_id: id, message_id: messageId, type: m.type, sender: row.sender, received_at: row.received_at })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const travellerIds = await upsertTravellers(t, m, id, messageId, now, flightChanged);
        if (m.type === 'PNRGOV') await keepPnrVersions(t, m, id, messageId, now);
        await recount(t, id);
        const update = { flightId: id, messageId, travellerIds };
        await ctx.outbox.emit(trx, { topic: FLIGHT_UPDATED, key: id, payload: update });
        updates.push(update);
      }
    }
    return updates;
  });
}

export function assemblyConsumer(ctx: AppContext) {
  return {
    name: 'travel.assemble',
    topics: ['travel.message-received'],
    async handle(event: { payload: unknown }): Promise<void> {
      const id = (event.payload as { messageId?: unknown } | null)?.messageId;
      if (typeof id === 'string') await assembleMessage(ctx, id);
    },
  };
}
