// Request and response schemas of the audit API (zod, rendered into the OpenAPI document).
import { z } from 'zod';
import { EXPORT_FORMATS } from './export-format.js';

/** An instant or a day: `2026-03-01` or `2026-03-01T10:00:00Z` (any offset). */
export const Instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).describe('ISO 8601 date or date-time');
/** An id or a code: short, one line. */
const Code = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must be one line');

export const SearchQuery = z.object({
  from: Instant.optional().describe('records at or after this instant'),
  to: Instant.optional().describe('records before this instant'),
  actorId: Code.optional(),
  action: Code.optional().describe('exact action, e.g. entity.view'),
  targetType: Code.optional(),
  targetId: Code.optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional().describe('page: records with seq below this (nextBeforeSeq of the previous page)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('ndjson'),
  from: Instant.optional(),
  to: Instant.optional(),
});

const DetailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly()]);

export const AuditRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorType: z.enum(['user', 'machine', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), DetailValue),
  prevHash: z.string(),
  hash: z.string(),
});

export const SearchResponse = z.object({
  items: z.array(AuditRecordSchema),
  nextBeforeSeq: z.number().int().nullable().describe('pass as beforeSeq for the next page; null on the last page'),
});

export const VerifyResponse = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  lastSeq: z.number().int(),
  checkpoints: z.number().int(),
  lastCheckpointSeq: z.number().int().nullable(),
  firstProblem: z
    .object({
      seq: z.number().int(),
      code: z.enum(['hash-mismatch', 'chain-broken', 'missing-row', 'checkpoint-mismatch', 'bad-signature', 'unknown-key', 'truncated']),
      detail: z.string(),
    })
    .nullable(),
});
