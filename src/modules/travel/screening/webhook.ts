// Tells other systems of confirmed passenger matches: a signed POST per confirmation, retried until it is accepted.
import { createHmac } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import type { ConsumerDef, DeliveredEvent } from '../../../platform/events/types.js';
import { ALERT_DECIDED } from '../../alerts/index.js';
import { tr } from '../intake/tables.js';

interface Decided {
  id: string;
  source: string;
  subjectType: string;
  subjectId: string;
  entityId: string;
  status: string;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it and rejects old timestamps. */
export function signature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Ids only: the receiver reads the details through the API with its own token, and is audited there. */
export async function webhookBody(ctx: AppContext, e: Decided, eventId: number): Promise<string> {
  const traveller = await tr(ctx.db.kysely).selectFrom('travel_travellers').select(['flight_id']).where('id', '=', e.subjectId).executeTakeFirst();
  return JSON.stringify({
    type: 'travel.alert-confirmed',
    eventId,
    alertId: e.id,
    travellerId: e.subjectId,
    flightId: traveller?.flight_id ?? null,
    entityId: e.entityId,
    confirmedAt: ctx.clock.now().toISOString(),
  });
}

export function webhookConsumer(ctx: AppContext): ConsumerDef | null {
  const url = ctx.config.travelWebhookUrl;
  const secret = ctx.config.travelWebhookSecret;
  if (!url || !secret) return null;
  return {
    name: 'travel.webhook',
    topics: [ALERT_DECIDED],
    async handle(event: DeliveredEvent) {
      const e = event.payload as Decided | null;
      if (!e || e.source !== 'travel' || e.status !== 'confirmed') return;
      const body = await webhookBody(ctx, e, event.id);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vigil-signature': signature(secret, body, ctx.clock.now()), 'x-vigil-event-id': String(event.id) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      // Anything but 2xx fails the delivery: the event comes again (the receiver de-duplicates by x-vigil-event-id).
      if (!res.ok) throw new Error(`travel webhook answered ${res.status}`);
    },
  };
}
