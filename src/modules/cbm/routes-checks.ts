// HTTP routes of communication checks: rounds and their reports (secretariat), the trend over rounds, schedules, answering in the workbench.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { AppError } from '../../platform/errors.js';
import { callerOf, type Caller } from './access.js';
import { CBM_READ, CBM_SECRETARIAT, CBM_WRITE } from './permissions.js';
import { listRounds, RoundReport, RoundSummary, roundReport, StateTrend, stateTrend } from './report.js';
import { answerInWorkbench, PendingCheck, pendingChecks, RoundStarted, startRound } from './rounds.js';
import { addSchedule, listSchedules, removeSchedule, Schedule } from './schedules.js';
import { CONTACT_KINDS } from './tables.js';

const tags = ['cbm'];
const Id = z.object({ id: z.string().min(1).max(100) });

/** A State sees only its own lines of a round's report; the secretariat sees every line. */
function forCaller<T extends { state: string }>(items: T[], c: Caller): T[] {
  return c.secretariat ? items : items.filter((i) => i.state === c.state);
}

export function checkRoutes(app: HttpApp, ctx: AppContext): void {
  const who = (req: { principal: Parameters<typeof callerOf>[1] | null; id: string }) => callerOf(ctx.db.kysely, req.principal!, req.id);

  app.post(
    '/api/cbm/rounds',
    {
      schema: {
        tags,
        summary: 'Start a communication check: each chosen contact gets a one-time link by mail and in the workbench',
        body: z.object({
          kind: z.enum(CONTACT_KINDS).optional(),
          states: z
            .array(z.string().regex(/^[a-z]{2}$/))
            .max(100)
            .optional(),
          windowHours: z.number().int().min(1).max(720).optional(),
        }),
        response: { 201: RoundStarted },
      },
      config: { permission: CBM_SECRETARIAT },
    },
    async (req, reply) => reply.code(201).send(await startRound(ctx, req.body, await who(req))),
  );

  app.get(
    '/api/cbm/rounds',
    {
      schema: {
        tags,
        summary: 'Rounds, newest first, with response rate and time-to-acknowledge',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(RoundSummary) }) },
      },
      config: { permission: CBM_SECRETARIAT },
    },
    async (req) => ({ items: await listRounds(ctx, req.query.limit) }),
  );

  app.get(
    '/api/cbm/rounds/trend',
    {
      schema: {
        tags,
        summary: 'Per State over the latest rounds: response rate, percentiles, late answers',
        querystring: z.object({ rounds: z.coerce.number().int().min(1).max(100).default(12) }),
        response: { 200: z.object({ items: z.array(StateTrend) }) },
      },
      config: { permission: CBM_SECRETARIAT },
    },
    async (req) => ({ items: await stateTrend(ctx, req.query.rounds) }),
  );

  app.get(
    '/api/cbm/rounds/:id',
    {
      schema: { tags, summary: 'The report of one round, with a line per contact (the live board)', params: Id, response: { 200: RoundReport } },
      config: { permission: CBM_READ },
    },
    async (req) => {
      const c = await who(req);
      const r = await roundReport(ctx, req.params.id);
      if (c.secretariat) return r;
      if (!c.state || !r.messages.some((m) => m.state === c.state)) throw new AppError('not-found', `Round ${req.params.id} does not exist`);
      return {
        ...r,
        unreachable: forCaller(r.unreachable, c),
        lateContacts: forCaller(r.lateContacts, c),
        perState: forCaller(r.perState, c),
        messages: forCaller(r.messages, c),
      };
    },
  );

  app.get(
    '/api/cbm/checks/pending',
    {
      schema: { tags, summary: "Checks waiting for an answer from the caller's State", response: { 200: z.object({ items: z.array(PendingCheck) }) } },
      config: { permission: CBM_READ },
    },
    async (req) => ({
      items: await pendingChecks(ctx, await who(req)),
    }),
  );

  app.post(
    '/api/cbm/checks/:id/answer',
    {
      schema: {
        tags,
        summary: "Answer a check addressed to one of the caller's State's contacts",
        params: Id,
        response: { 200: z.object({ answeredAt: z.string() }) },
      },
      config: { permission: CBM_WRITE },
    },
    async (req) => answerInWorkbench(ctx, req.params.id, await who(req)),
  );

  app.get(
    '/api/cbm/schedules',
    {
      schema: { tags, summary: 'Scheduled communication checks', response: { 200: z.object({ items: z.array(Schedule) }) } },
      config: { permission: CBM_SECRETARIAT },
    },
    async () => ({ items: await listSchedules(ctx) }),
  );

  app.post(
    '/api/cbm/schedules',
    {
      schema: {
        tags,
        summary: 'Schedule a communication check every N days',
        body: z.object({ kind: z.enum(CONTACT_KINDS).optional(), everyDays: z.number().int().min(1).max(366), firstAt: z.string().max(40).optional() }),
        response: { 201: Schedule },
      },
      config: { permission: CBM_SECRETARIAT },
    },
    async (req, reply) => reply.code(201).send(await addSchedule(ctx, req.body, await who(req))),
  );

  app.delete(
    '/api/cbm/schedules/:id',
    { schema: { tags, summary: 'Stop a scheduled check', params: Id }, config: { permission: CBM_SECRETARIAT } },
    async (req, reply) => {
      await removeSchedule(ctx, req.params.id, await who(req));
      return reply.code(204).send();
    },
  );
}
