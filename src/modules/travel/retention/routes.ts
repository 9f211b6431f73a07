// HTTP routes of retention and re-personalisation: requests with a reason, approvals by another person, the DPO's review.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf, can } from '../../../platform/auth/index.js';
import { forbidden } from '../../../platform/errors.js';
import { TRAVEL_DPO, TRAVEL_READ, TRAVEL_REPERSONALISE } from '../permissions.js';
import {
  decideRepersonalisation,
  listRepersonalisations,
  MAX_TEXT,
  RepersonaliseRequest,
  RepersonalisedView,
  requestRepersonalisation,
  viewRepersonalised,
} from './repersonalise.js';
import { listRetentionRuns, RetentionRun, runRetention, StoredRetentionRun } from './run.js';

const tags = ['travel'];
const Id = z.object({ id: z.string().max(64) });

export async function retentionRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  app.post(
    '/api/travel/dpo/requests',
    {
      schema: {
        tags,
        summary: 'Ask to see a depersonalised traveller, or the depersonalised travellers of a flight, again; a reason is required',
        body: z.object({ targetType: z.enum(['traveller', 'flight']), targetId: z.string().min(1).max(64), reason: z.string().max(MAX_TEXT) }),
        response: { 201: RepersonaliseRequest },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req, reply) => reply.code(201).send(await requestRepersonalisation(ctx, req.body, by(req))),
  );

  app.get(
    '/api/travel/dpo/requests',
    {
      schema: {
        tags,
        summary: "Re-personalisation requests, newest first: all of them for the DPO and approvers, one's own otherwise",
        querystring: z.object({ status: z.enum(['pending', 'approved', 'refused']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: { 200: z.object({ items: z.array(RepersonaliseRequest) }) },
      },
      config: { permission: 'authenticated' },
    },
    async (req) => {
      const all = can(req.principal, TRAVEL_DPO) || can(req.principal, TRAVEL_REPERSONALISE);
      if (!all && !can(req.principal, TRAVEL_READ)) throw forbidden(`This needs the permission ${TRAVEL_READ}, ${TRAVEL_REPERSONALISE} or ${TRAVEL_DPO}.`);
      const actor = actorOf(req.principal);
      return { items: await listRepersonalisations(ctx, { ...req.query, ...(all ? {} : { requestedBy: actor.id ?? actor.type }) }) };
    },
  );

  app.post(
    '/api/travel/dpo/requests/:id/decision',
    {
      schema: {
        tags,
        summary: "Approve or refuse a pending re-personalisation request (not one's own); an approval lasts 24 hours",
        params: Id,
        body: z.object({ decision: z.enum(['approve', 'refuse']), note: z.string().max(MAX_TEXT).optional() }),
        response: { 200: RepersonaliseRequest },
      },
      config: { permission: TRAVEL_REPERSONALISE },
    },
    async (req) => decideRepersonalisation(ctx, req.params.id, req.body, by(req)),
  );

  app.get(
    '/api/travel/dpo/requests/:id/view',
    {
      schema: {
        tags,
        summary: 'The original values behind an approved request, for its requester (audited)',
        params: Id,
        response: { 200: RepersonalisedView },
      },
      config: { permission: TRAVEL_READ },
    },
    async (req) => viewRepersonalised(ctx, req.params.id, by(req)),
  );

  app.get(
    '/api/travel/dpo/runs',
    {
      schema: {
        tags,
        summary: 'Retention runs, newest first, with what each depersonalised, deleted and purged',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ items: z.array(StoredRetentionRun) }) },
      },
      config: { permission: TRAVEL_DPO },
    },
    async (req) => ({ items: await listRetentionRuns(ctx, req.query.limit) }),
  );

  app.post(
    '/api/travel/dpo/runs',
    { schema: { tags, summary: 'Run retention now (it also runs hourly)', response: { 201: RetentionRun } }, config: { permission: TRAVEL_DPO } },
    async (req, reply) => reply.code(201).send(await runRetention(ctx, by(req))),
  );
}
