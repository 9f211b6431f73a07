// Receiving one interchange: stored raw and durably (with its parse outcome and event) in one transaction before it is acknowledged.
import { z } from 'zod';
import { createHash, randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { parseTravel } from '../parse.js';
import type { Finding, ParseError, ParseResult } from '../types.js';
import * as P from '../schemas.js';
import { flightId } from './flight-id.js';
import { dropParse, keepParse } from './parsed.js';
import { tr, type Channel, type MessageRow } from './tables.js';

export const MESSAGE_RECEIVED = 'travel.message-received';
/** Largest message accepted (PAXLST of a full A380 with crew is well under 1 MB). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** One message of an interchange as kept with it: what it held and what was wrong with it. */
export const MessageSummary = z.object({
  messageRef: z.string(),
  type: z.enum(['PAXLST', 'PNRGOV']),
  function: z.string(),
  flights: z.array(z.object({ id: z.string().nullable(), carrier: z.string(), number: z.string(), legs: z.array(P.FlightLeg) })),
  travellers: z.number(),
  findings: z.array(P.Finding),
  error: P.ParseError.nullable(),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

export const ReceiveOutcome = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'rejected']),
  duplicate: z.boolean(),
  sender: z.string().nullable(),
  interchangeRef: z.string().nullable(),
  messages: z.array(MessageSummary),
  /** Interchange-level findings (separators, envelope). */
  findings: z.array(P.Finding),
  /** The first hard error of the interchange, when nothing in it could be used. */
  error: P.ParseError.nullable(),
});
export type ReceiveOutcome = z.infer<typeof ReceiveOutcome>;

export interface ReceiveBy {
  channel: Channel;
  actor: Actor;
  requestId?: string | undefined;
}

function summarise(result: ParseResult): MessageSummary[] {
  return result.messages.map((m) => ({
    messageRef: m.messageReference,
    type: m.type,
    function: m.function.action,
    flights: m.flights.map((f) => ({ id: flightId(f), carrier: f.carrier, number: f.number, legs: f.legs })),
    travellers: m.travellers.length,
    findings: m.findings,
    error: m.errors[0] ?? null,
  }));
}

const outcomeOf = (
  row: Pick<MessageRow, 'id' | 'status' | 'sender' | 'interchange_ref' | 'summary' | 'findings' | 'error'>,
  duplicate: boolean,
): ReceiveOutcome => ({
  id: row.id,
  status: row.status,
  duplicate,
  sender: row.sender,
  interchangeRef: row.interchange_ref,
  messages: (JSON.parse(row.summary) as { messages: MessageSummary[] }).messages,
  findings: JSON.parse(row.findings) as Finding[],
  error: row.error ? (JSON.parse(row.error) as ParseError) : null,
});

const tooLarge = (size: number): ParseError => ({
  code: 'too-large',
  segment: null,
  tag: null,
  element: null,
  component: null,
  offset: MAX_MESSAGE_BYTES,
  detail: `the message is ${size} bytes; at most ${MAX_MESSAGE_BYTES} are accepted`,
});

/**
 * Stores the interchange, whatever it holds: accepted when at least one message in it can be used, rejected (kept with
 * its error for an analyst) otherwise. A second copy (same sender and interchange reference, or the same bytes when
 * the envelope lacks them) is recognised and changes nothing but a counter.
 */
export async function receiveMessage(ctx: AppContext, raw: Uint8Array, by: ReceiveBy): Promise<ReceiveOutcome> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const referenceYear = ctx.clock.now().getUTCFullYear();
  const parsed: ParseResult | null = bytes.length > MAX_MESSAGE_BYTES ? null : parseTravel(bytes, { referenceYear });
  const sender = parsed?.sender ?? null;
  const interchangeRef = parsed?.interchangeReference ?? null;
  const dedupeKey = sender && interchangeRef ? `${sender}|${interchangeRef}` : `sha256:${sha256}`;
  const messages = parsed ? summarise(parsed) : [];
  const usable = parsed !== null && parsed.errors.length === 0 && messages.some((m) => m.error === null);
  const error = parsed === null ? tooLarge(bytes.length) : usable ? null : (parsed.errors[0] ?? messages.find((m) => m.error)?.error ?? null);
  const findings = parsed?.findings ?? [];
  const now = ctx.clock.now().toISOString();
  const id = randomUUID();

  // Assembly in this process reuses the parse instead of reading the stored bytes again.
  if (usable) keepParse(id, referenceYear, parsed);
  try {
    return await ctx.db.transaction(async (trx) => {
      const t = tr(trx);
      const existing = await t
        .selectFrom('travel_messages')
        .select(['id', 'status', 'sender', 'interchange_ref', 'summary', 'findings', 'error'])
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      if (existing) {
        await t
          .updateTable('travel_messages')
          .set((eb) => ({ duplicates: eb('duplicates', '+', 1) }))
          .where('id', '=', existing.id)
          .execute();
        await audit(ctx, trx, by, existing.id, { status: existing.status, duplicate: true });
        dropParse(id);
        return outcomeOf(existing, true);
      }
      const row: MessageRow = {
        id,
        dedupe_key: dedupeKey,
        sender,
        interchange_ref: interchangeRef,
        type: messages[0]?.type ?? null,
        channel: by.channel,
        received_at: now,
        received_by: by.actor.id,
        size: bytes.length,
        sha256,
        raw: bytes,
        status: usable ? 'accepted' : 'rejected',
        error: error ? JSON.stringify(error) : null,
        findings: JSON.stringify(findings),
        summary: JSON.stringify({ messages }),
        duplicates: 0,
        assembled_at: null,
      };
      await t.insertInto('travel_messages').values(row).execute();
      const counts = new Map<string, number>();
      for (const f of [...findings, ...messages.flatMap((m) => m.findings)]) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      if (counts.size && sender)
        await t
          .insertInto('travel_findings')
          .values([...counts].map(([code, count]) => ({ message_id: id, sender, day: now.slice(0, 10), code, count })))
          .execute();
      if (usable) await ctx.outbox.emit(trx, { topic: MESSAGE_RECEIVED, key: sender ?? 'unknown', payload: { messageId: id } });
      await audit(ctx, trx, by, id, { status: row.status, duplicate: false, type: row.type, travellers: messages.reduce((n, m) => n + m.travellers, 0) });
      return outcomeOf(row, false);
    });
  } catch (err) {
    dropParse(id);
    throw err;
  }
}

async function audit(
  ctx: AppContext,
  trx: Parameters<AppContext['audit']['record']>[0],
  by: ReceiveBy,
  id: string,
  details: Record<string, string | number | boolean | null>,
) {
  await ctx.audit.record(trx, {
    action: 'travel.message-receive',
    actor: by.actor,
    target: { type: 'travel-message', id },
    ...(by.requestId ? { requestId: by.requestId } : {}),
    details: { channel: by.channel, ...details },
  });
}
