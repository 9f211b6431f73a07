// HTTP routes of alerts: the review queue, one alert with both sides field by field, decisions one by one or for one entity.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf, can } from '../../platform/auth/index.js';
import { ALERTS_CONFIRM, ALERTS_DECIDE, ALERTS_READ } from './permissions.js';
import { getAlert, listAlerts, nextAlert } from './store.js';
import { decideAlert, decideForEntity, MAX_NOTE } from './decide.js';
import { ALERT_STATUSES, DECISIONS } from './tables.js';

const tags = ['alerts'];
const Summary = z.object({
  id: z.string(),
  source: z.string(),
  status: z.enum(ALERT_STATUSES),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectName: z.string().nullable(),
  entityId: z.string(),
  entityCaption: z.string(),
  entitySchema: z.string(),
  lists: z.array(z.string()),
  score: z.number(),
  pendingBy: z.string().nullable(),
  pendingByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Explanation = z.array(z.object({ feature: z.string(), score: z.number(), detail: z.string() }));
const Detail = Summary.extend({
  subject: z.record(z.string(), z.array(z.string())),
  entity: z.record(z.string(), z.array(z.string())),
  fields: z.array(z.object({ field: z.string(), subject: z.array(z.string()), entity: z.array(z.string()) })),
  explanation: Explanation,
  provenance: z.record(z.string(), z.unknown()),
  decisions: z.array(
    z.object({
      id: z.string(),
      alertId: z.string(),
      decision: z.string(),
      step: z.string(),
      reason: z.string(),
      note: z.string().nullable(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      decidedAt: z.string(),
      sameFacts: z.boolean(),
    }),
  ),
});
const DecisionBody = z.object({ decision: z.enum(DECISIONS), reason: z.string().min(1).max(64), note: z.string().max(MAX_NOTE).optional() });
const Result = z.object({ id: z.string(), status: z.enum(ALERT_STATUSES), previousStatus: z.enum(ALERT_STATUSES), decisionId: z.string() });

export function alertsRoutes(app: HttpApp, ctx: AppContext): void {
  const decider = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({
    actor: actorOf(req.principal),
    canConfirm: can(req.principal, ALERTS_CONFIRM),
    requestId: req.id,
  });

  app.get(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts, oldest first; status "undecided" gives the review queue',
        querystring: z.object({
          status: z.enum([...ALERT_STATUSES, 'undecided']).optional(),
          subjectId: z.string().max(200).optional(),
          entityId: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(Summary), total: z.number() }) },
      },
      config: { permission: ALERTS_READ },
    },
    async (req) => listAlerts(ctx.db.kysely, req.query),
  );

  app.get(
    '/api/alerts/next',
    {
      schema: {
        tags,
        summary: 'The next undecided alert the caller can act on, after the given one in queue order (wraps around); for "resume where you left off"',
        querystring: z.object({ after: z.string().min(1).max(100).optional(), entityId: z.string().min(1).max(200).optional() }),
        response: { 200: z.object({ id: z.string().nullable(), remaining: z.number() }) },
      },
      config: { permission: ALERTS_READ },
    },
    async (req) => {
      const actor = actorOf(req.principal);
      return nextAlert(ctx.db.kysely, req.query, { who: actor.id ?? actor.type, canConfirm: can(req.principal, ALERTS_CONFIRM) });
    },
  );

  app.get(
    '/api/alerts/:id',
    {
      schema: {
        tags,
        summary: 'One alert: both sides field by field, explanation, provenance, decisions on the same pair',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: Detail },
      },
      config: { permission: ALERTS_READ },
    },
    async (req) => {
      const a = await getAlert(ctx.db.kysely, req.params.id);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'alert.view',
        actor: actorOf(req.principal),
        target: { type: 'alert', id: a.id },
        requestId: req.id,
        details: { entityId: a.entityId, subjectId: a.subjectId },
      });
      return a;
    },
  );

  app.post(
    '/api/alerts/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide an alert (confirmed needs a second person with alerts.confirm)',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: DecisionBody,
        response: { 200: Result },
      },
      config: { permission: ALERTS_DECIDE },
    },
    async (req) => decideAlert(ctx, req.params.id, req.body, decider(req)),
  );

  app.post(
    '/api/alerts/decisions',
    {
      schema: {
        tags,
        summary: 'Decide several alerts of one entity at once; each outcome is reported',
        body: DecisionBody.extend({ entityId: z.string().min(1).max(200), ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
        response: {
          200: z.object({ results: z.array(z.union([Result, z.object({ id: z.string(), error: z.object({ code: z.string(), detail: z.string() }) })])) }),
        },
      },
      config: { permission: ALERTS_DECIDE },
    },
    async (req) => {
      const { entityId, ids, ...d } = req.body;
      return { results: await decideForEntity(ctx, entityId, ids, d, decider(req)) };
    },
  );
}
