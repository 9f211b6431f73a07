// HTTP routes of screening: one query, an NDJSON batch, the index status, and subjects for ongoing screening.
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf } from '../../platform/auth/index.js';
import { invalid } from '../../platform/errors.js';
import { SCREENING_RUN, SCREENING_SUBJECTS } from './permissions.js';
import { currentIndex, indexStatus } from './index-state.js';
import { validateQuery } from './query.js';
import { screenQuery } from './service.js';
import { screenBatch, splitLines } from './batch.js';
import { csvQueries } from './csv.js';
import { getSubject, listSubjects, registerSubject } from './subjects.js';

const tags = ['screening'];
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'];
const CSV_TYPE = 'text/csv';

const Explanation = z.array(z.object({ feature: z.string(), score: z.number(), detail: z.string() }));
const Match = z.object({
  entityId: z.string(),
  caption: z.string(),
  schema: z.string(),
  lists: z.array(z.string()),
  score: z.number(),
  explanation: Explanation,
});
const Result = z.object({ id: z.string().nullable(), matches: z.array(Match), alerts: z.array(z.string()).optional() });
const Status = z.object({
  built: z.boolean(),
  builtAt: z.string().nullable(),
  entities: z.number(),
  names: z.number(),
  tokens: z.number(),
  bytes: z.number(),
  lists: z.array(z.object({ list: z.string(), version: z.number() })),
  weightsVersion: z.string(),
  builds: z.number(),
  updates: z.number(),
});
const Subject = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  query: z.object({
    id: z.string().optional(),
    name: z.string(),
    birthDate: z.string().optional(),
    nationality: z.string().optional(),
    gender: z.string().optional(),
    documents: z
      .array(z.union([z.string(), z.object({ type: z.string().optional(), number: z.string(), country: z.string().optional() })]))
      .readonly()
      .optional(),
    schema: z.string().optional(),
    lists: z.array(z.string()).optional(),
  }),
  active: z.boolean(),
  createdAt: z.string(),
  lastScreenedAt: z.string().nullable(),
});

function minScoreOf(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) throw invalid('minScore', 'must be a number from 0 to 1');
  return n;
}

export async function screeningRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  app.post(
    '/api/screen',
    {
      schema: {
        tags,
        summary: 'Screen one name (with birth date, nationality, gender, documents) against the active lists; "subjectId" raises alerts',
        body: z.unknown(),
        response: { 200: Result },
      },
      config: { permission: SCREENING_RUN },
    },
    async (req) => {
      const { index } = await currentIndex(ctx);
      const q = validateQuery(req.body, index);
      const minScore = minScoreOf((req.body as { minScore?: unknown }).minScore);
      if (q.subjectId) await getSubject(ctx, q.subjectId);
      const run = await screenQuery(ctx, q, { ...by(req), minScore, subjectId: q.subjectId });
      return q.subjectId ? { ...run.result, alerts: run.alerts.created } : run.result;
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser([...NDJSON_TYPES, CSV_TYPE], { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/screen/batch',
      {
        schema: {
          tags,
          summary: 'Screen an NDJSON (or text/csv) batch, one query per line; one result or {"id","line","error"} NDJSON line out per line',
          querystring: z.object({ minScore: z.string().max(20).optional() }),
        },
        config: { permission: SCREENING_RUN },
        bodyLimit: MAX_BATCH_BYTES,
      },
      async (req, reply) => {
        if (typeof req.body !== 'string') throw invalid('body', `send NDJSON with content type ${NDJSON_TYPES[0]}, or CSV with ${CSV_TYPE}`);
        const minScore = minScoreOf(req.query.minScore);
        // CSV is read whole first, so a broken file is one 400 naming its line rather than a stream cut short.
        const csv = (req.headers['content-type'] ?? '').toLowerCase().startsWith(CSV_TYPE);
        const lines = screenBatch(ctx, csv ? [...csvQueries(req.body)] : splitLines(req.body), { ...by(req), minScore });
        const out = (async function* () {
          for await (const l of lines) yield `${JSON.stringify(l)}\n`;
        })();
        return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(out));
      },
    );
  });

  app.get(
    '/api/screen/status',
    {
      schema: { tags, summary: 'The candidate index: size, memory, list versions, weights version', response: { 200: Status } },
      config: { permission: SCREENING_RUN },
    },
    async () => {
      await currentIndex(ctx);
      return indexStatus(ctx);
    },
  );

  app.post(
    '/api/screening/subjects',
    {
      schema: {
        tags,
        summary: 'Register a subject for ongoing screening; it is screened at once and on every list change',
        body: z.unknown(),
        response: { 201: z.object({ subject: Subject, result: Result, alerts: z.array(z.string()) }) },
      },
      config: { permission: SCREENING_SUBJECTS },
    },
    async (req, reply) => {
      const { index } = await currentIndex(ctx);
      const q = validateQuery(req.body, index);
      return reply.code(201).send(await registerSubject(ctx, q, by(req)));
    },
  );

  app.get(
    '/api/screening/subjects',
    {
      schema: {
        tags,
        summary: 'Subjects registered for ongoing screening',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(Subject), total: z.number() }) },
      },
      config: { permission: SCREENING_SUBJECTS },
    },
    async (req) => listSubjects(ctx, req.query),
  );
}
