// HTTP routes of national submissions (CBMs 1, 6, 7, 9, 16): file a new version, read one, and the matrix of who reported what when.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { callerOf } from './access.js';
import { CBM_READ, CBM_WRITE } from './permissions.js';
import { getSubmission, listSubmissions, Matrix, Submission, SubmissionDetail, submissionMatrix, submit, VISIBILITIES } from './submissions.js';
import { SUBMISSION_CBMS } from './tables.js';

const tags = ['cbm'];

export function submissionRoutes(app: HttpApp, ctx: AppContext): void {
  const who = (req: { principal: Parameters<typeof callerOf>[1] | null; id: string }) => callerOf(ctx.db.kysely, req.principal!, req.id);

  app.get(
    '/api/cbm/submissions',
    {
      schema: {
        tags,
        summary: 'Submissions the caller may read, newest version first',
        querystring: z.object({
          state: z
            .string()
            .regex(/^[a-z]{2}$/)
            .optional(),
          cbm: z.coerce.number().int().optional(),
        }),
        response: { 200: z.object({ items: z.array(Submission) }) },
      },
      config: { permission: CBM_READ },
    },
    async (req) => ({ items: await listSubmissions(ctx, await who(req), req.query) }),
  );

  app.get(
    '/api/cbm/submissions/matrix',
    {
      schema: { tags, summary: 'Which State reported what and when: the latest version per State and CBM', response: { 200: Matrix } },
      config: { permission: CBM_READ },
    },
    async (req) => submissionMatrix(ctx, await who(req)),
  );

  app.get(
    '/api/cbm/submissions/:id',
    {
      schema: {
        tags,
        summary: 'One submission version with its text',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: SubmissionDetail },
      },
      config: { permission: CBM_READ },
    },
    async (req) => getSubmission(ctx, req.params.id, await who(req)),
  );

  app.post(
    '/api/cbm/submissions',
    {
      schema: {
        tags,
        summary: `File a national submission (CBM ${SUBMISSION_CBMS.join(', ')}): a new version of that State's report`,
        body: z.object({
          cbm: z.number().int(),
          title: z.string().max(300),
          body: z.string().max(200_000),
          language: z.string().max(3).default('en'),
          visibility: z.enum(VISIBILITIES).default('network'),
          state: z
            .string()
            .regex(/^[a-z]{2}$/)
            .optional(),
        }),
        response: { 201: SubmissionDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req, reply) => reply.code(201).send(await submit(ctx, req.body, await who(req))),
  );
}
