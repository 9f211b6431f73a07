// HTTP routes of passenger-data intake: carriers push messages; analysts see flights, manifests, travellers, messages, findings.
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/index.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { TRAVEL_INGEST, TRAVEL_READ } from '../permissions.js';
import { MAX_MESSAGE_BYTES, ReceiveOutcome, receiveMessage } from './receive.js';
import {
  CarrierFindings,
  carrierFindings,
  DIRECTIONS,
  FlightPage,
  getManifest,
  getMessage,
  getTraveller,
  listFlights,
  listMessages,
  Manifest,
  MessageDetail,
  MessagePage,
  TravellerDetail,
} from './queries.js';
import { ComplianceAlert, ComplianceReport, complianceReport, listComplianceAlerts } from '../compliance/service.js';

const tags = ['travel'];
const EDIFACT_TYPES = ['application/edifact', 'application/edi-x12', 'text/plain', 'application/octet-stream'];
const Page = { limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) };
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export async function intakeRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(EDIFACT_TYPES, { parseAs: 'buffer', bodyLimit: MAX_MESSAGE_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/travel/messages',
      {
        schema: {
          tags,
          summary: 'Send one API (PAXLST) or PNR (PNRGOV) interchange as the raw EDIFACT body; it is stored before the answer',
          description:
            '201 accepted (new), 200 a duplicate of an earlier interchange (same sender and reference), 400 rejected: the message is kept with its error for an analyst.',
          response: { 200: ReceiveOutcome, 201: ReceiveOutcome },
        },
        config: { permission: TRAVEL_INGEST },
        bodyLimit: MAX_MESSAGE_BYTES,
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw invalid('body', `send the EDIFACT interchange as the body, with content type ${EDIFACT_TYPES.join(' or ')}`);
        const outcome = await receiveMessage(ctx, req.body, { channel: 'api', ...by(req) });
        ctx.events.kick();
        if (outcome.status === 'rejected' && !outcome.duplicate) {
          const e = outcome.error;
          throw new AppError('validation-failed', `message ${outcome.id} was kept but cannot be used: ${e?.detail ?? 'no message in it'}`, {
            ...(e?.offset !== null && e?.offset !== undefined ? { offset: e.offset } : {}),
            ...(e ? { field: [e.tag, e.element].filter((x) => x !== null).join('/') || 'body' } : {}),
          });
        }
        return reply.code(outcome.duplicate ? 200 : 201).send(outcome);
      },
    );
  });

  app.get(
    '/api/travel/flights',
    {
      schema: {
        tags,
        summary: 'Flights (the board): carrier, number, legs, times, direction, counts',
        querystring: z.object({ date: Day.optional(), direction: z.enum(DIRECTIONS).optional(), ...Page }),
        response: { 200: FlightPage },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => listFlights(ctx, req.query),
  );

  app.get(
    '/api/travel/flights/:id',
    {
      schema: { tags, summary: 'A flight and its manifest (audited)', params: z.object({ id: z.string().max(64) }), response: { 200: Manifest } },
      config: { permission: TRAVEL_READ },
    },
    async (req) => getManifest(ctx, req.params.id, by(req)),
  );

  app.get(
    '/api/travel/travellers/:id',
    {
      schema: {
        tags,
        summary: "A traveller: API and PNR data, PNR versions, the same person's other flights (audited)",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: TravellerDetail },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => getTraveller(ctx, req.params.id, by(req)),
  );

  app.get(
    '/api/travel/messages',
    {
      schema: {
        tags,
        summary: 'Received messages, newest first',
        querystring: z.object({ status: z.enum(['accepted', 'rejected']).optional(), sender: z.string().max(64).optional(), ...Page }),
        response: { 200: MessagePage },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => listMessages(ctx, req.query),
  );

  app.get(
    '/api/travel/messages/:id',
    {
      schema: {
        tags,
        summary: 'One message: raw text, findings and what it held (audited)',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: MessageDetail },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => getMessage(ctx, req.params.id, by(req)),
  );

  app.get(
    '/api/travel/findings',
    {
      schema: {
        tags,
        summary: 'Data-quality findings per carrier and day',
        querystring: z.object({ from: Day.optional(), to: Day.optional() }),
        response: { 200: z.object({ items: z.array(CarrierFindings) }) },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => ({ items: await carrierFindings(ctx, req.query) }),
  );

  app.get(
    '/api/travel/compliance',
    {
      schema: {
        tags,
        summary: 'Carrier compliance of one day: expected pushes per flight (on time, late, missing, pending) and per carrier',
        querystring: z.object({ date: Day }),
        response: { 200: ComplianceReport },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => complianceReport(ctx, req.query.date),
  );

  app.get(
    '/api/travel/compliance/alerts',
    {
      schema: {
        tags,
        summary: 'Compliance alerts: pushes that were missing or late, newest first',
        querystring: z.object({ carrier: z.string().max(8).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: { 200: z.object({ items: z.array(ComplianceAlert) }) },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => ({ items: await listComplianceAlerts(ctx, req.query) }),
  );
}
