// HTTP routes of passenger screening: the alert queue per flight, flights with open alerts, a traveller's screening, the interactive API.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf, can } from '../../../platform/auth/index.js';
import { ALERTS_CONFIRM } from '../../alerts/index.js';
import { notFound } from '../../../platform/errors.js';
import { TRAVEL_INGEST, TRAVEL_READ } from '../permissions.js';
import { tr } from '../intake/tables.js';
import { FlightAlerts, flightsWithOpenAlerts, NextFlightAlert, nextFlightAlert, TravelAlert, travelAlerts } from './queue.js';
import { TravellerScreening } from './screen-traveller.js';
import { DIRECTIONS } from '../intake/queries.js';
import { answerIapi, IapiAnswer } from './iapi.js';

const tags = ['travel'];
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const Code = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9]+$/, 'letters and digits');

export const IapiBody = z.object({
  flight: z.object({
    carrier: Code(3),
    number: Code(5),
    origin: Code(3),
    destination: Code(3),
    departure: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'local departure YYYY-MM-DDTHH:MM'),
  }),
  traveller: z.object({
    surname: z.string().trim().min(1).max(200),
    givenNames: z.string().trim().max(200),
    birthDate: IsoDate.optional(),
    sex: z.enum(['M', 'F', 'X']).optional(),
    nationality: Code(3).optional(),
    documents: z
      .array(z.object({ type: z.enum(['passport', 'identity-card', 'visa', 'other']), number: Code(22), issuingCountry: Code(3), expiry: IsoDate.optional() }))
      .max(5),
  }),
});

export function screeningRoutes(app: HttpApp, ctx: AppContext): void {
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  app.get(
    '/api/travel/alerts',
    {
      schema: {
        tags,
        summary: 'Passenger alerts, soonest departure (outbound) or arrival (inbound) first, then by score',
        querystring: z.object({
          flight: z.string().max(64).optional(),
          open: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(2000).default(500),
        }),
        response: { 200: z.object({ items: z.array(TravelAlert) }) },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => ({ items: await travelAlerts(ctx, { flightId: req.query.flight, open: req.query.open === 'true', limit: req.query.limit }) }),
  );

  app.get(
    '/api/travel/alerts/flights',
    {
      schema: {
        tags,
        summary: 'Flights with alerts awaiting a decision, with their count and highest score, soonest departure (outbound) or arrival (inbound) first',
        querystring: z.object({
          date: IsoDate.optional(),
          direction: z.enum(DIRECTIONS).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(500),
        }),
        response: { 200: z.object({ items: z.array(FlightAlerts) }) },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => ({ items: await flightsWithOpenAlerts(ctx, req.query) }),
  );

  app.get(
    '/api/travel/alerts/next',
    {
      schema: {
        tags,
        summary: "The next undecided alert of a flight the caller can act on, after the given one in the flight's queue order (wraps around)",
        querystring: z.object({ flight: z.string().min(1).max(64), after: z.string().min(1).max(100).optional() }),
        response: { 200: NextFlightAlert },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => {
      const actor = actorOf(req.principal);
      return nextFlightAlert(
        ctx,
        { flightId: req.query.flight, after: req.query.after },
        { who: actor.id ?? actor.type, canConfirm: can(req.principal, ALERTS_CONFIRM) },
      );
    },
  );

  app.get(
    '/api/travel/travellers/:id/screening',
    {
      schema: {
        tags,
        summary: "A traveller's latest screening: list matches, reported documents, document problems",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: TravellerScreening.extend({ screenedAt: z.string() }) },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => {
      const r = await tr(ctx.db.kysely).selectFrom('travel_screenings').selectAll().where('traveller_id', '=', req.params.id).executeTakeFirst();
      if (!r) throw notFound('screening of traveller', req.params.id);
      // Screenings stored before targeting rules existed have no `rules`.
      const stored = JSON.parse(r.result) as Omit<TravellerScreening, 'rules'> & { rules?: TravellerScreening['rules'] };
      return { screenedAt: r.screened_at, ...stored, rules: stored.rules ?? [] };
    },
  );

  app.post(
    '/api/travel/iapi',
    {
      schema: {
        tags,
        summary: 'Interactive API: one traveller at check-in; answers board, no-board or contact (the authority) with the reasons',
        body: IapiBody,
        response: { 200: IapiAnswer },
      },
      config: { permission: TRAVEL_INGEST },
    },
    async (req) => answerIapi(ctx, req.body, by(req)),
  );
}
