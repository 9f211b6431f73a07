// HTTP route of MRZ reading: POST /api/documents/mrz/parse, one MRZ in, the reading out (200 whether valid or not; 400 for a malformed body).
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { invalid } from '../../../platform/errors.js';
import { MRZ_FORMATS, MRZ_PROBLEM_CODES, parseMrz } from '../../../core/mrz/index.js';
import { DOCUMENTS_CHECK } from '../permissions.js';

const tags = ['documents'];

const Field = z.object({ value: z.string().nullable(), valid: z.boolean(), raw: z.string(), line: z.number(), column: z.number(), length: z.number() });
const Problem = z.object({ field: z.string(), line: z.number(), column: z.number(), code: z.enum(MRZ_PROBLEM_CODES), detail: z.string() });
const Country = z.object({ icao: z.string(), alpha2: z.string().nullable(), name: z.string().nullable() }).nullable();
const Suggestion = z.object({
  lines: z.array(z.string()),
  changes: z.array(z.object({ field: z.string(), line: z.number(), column: z.number(), from: z.string(), to: z.string() })),
  detail: z.string(),
});
export const MrzResultSchema = z.object({
  format: z.enum(MRZ_FORMATS).nullable(),
  valid: z.boolean(),
  specimen: z.boolean(),
  lines: z.array(z.string()),
  fields: z.record(z.string(), Field),
  expiry: z.enum(['valid', 'expired', 'unknown']),
  issuingCountry: Country,
  nationalityCountry: Country,
  errors: z.array(Problem),
  warnings: z.array(Problem),
  suggestions: z.array(Suggestion),
});

const Body = z.object({
  mrz: z.string().max(10_000).optional().describe('the MRZ lines joined by newlines'),
  lines: z.array(z.string().max(1_000)).max(10).optional().describe('the MRZ lines'),
});

export function mrzRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/api/documents/mrz/parse',
    {
      schema: {
        tags,
        summary:
          'Read and check one MRZ (TD1, TD2, TD3, MRV-A, MRV-B): fields, problems by line and column, OCR suggestions. Not audited: nothing stored is read',
        body: Body,
        response: { 200: MrzResultSchema },
      },
      config: { permission: DOCUMENTS_CHECK },
    },
    async (req) => {
      const { mrz, lines } = req.body;
      if (mrz === undefined && lines === undefined) throw invalid('mrz', 'give "mrz" (the lines joined by newlines) or "lines" (an array)');
      if (mrz !== undefined && lines !== undefined) throw invalid('lines', 'give either "mrz" or "lines", not both');
      return parseMrz(mrz ?? lines!, { today: ctx.clock.now() });
    },
  );
}
