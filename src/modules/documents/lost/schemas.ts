// Zod schemas of the lost and stolen registry's HTTP API (also the OpenAPI document the web client is typed by).
import { z } from 'zod';

export const Difference = z.union([
  z.object({ kind: z.literal('leading-zeros'), registered: z.number(), read: z.number() }),
  z.object({ kind: z.literal('ocr-confusion'), position: z.number(), registered: z.string(), read: z.string() }),
  z.object({ kind: z.literal('separators'), read: z.string() }),
]);

export const Country = z.object({ icao: z.string(), alpha2: z.string().nullable() });

export const Registered = z.object({
  id: z.string(),
  issuingCountry: Country,
  documentType: z.string().nullable(),
  documentNumber: z.string(),
  status: z.string(),
  reportedOn: z.string().nullable(),
});

export const Hit = Registered.extend({ match: z.enum(['exact', 'fuzzy']), differences: z.array(Difference), detail: z.string() });

export const LostCheck = z.object({
  match: z.enum(['exact', 'fuzzy', 'none']),
  version: z.number().nullable(),
  country: Country.nullable(),
  hits: z.array(Hit),
});

const Changes = z.object({ added: z.number(), changed: z.number(), removed: z.number(), unchanged: z.number(), duplicates: z.number() });

export const Version = z.object({
  version: z.number(),
  active: z.boolean(),
  importedAt: z.string(),
  sha256: z.string(),
  file: z.string(),
  format: z.string(),
  mode: z.enum(['replace', 'add']),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  changes: Changes,
  importedBy: z.string().nullable(),
});

export const Summary = z.object({ activeVersion: z.number().nullable(), versions: z.array(Version) });

export const ImportBody = z.object({
  content: z
    .string()
    .min(1)
    .max(64 * 1024 * 1024)
    .describe('CSV with header issuingCountry,documentType,documentNumber,status,reportedOn, or JSON lines'),
  fileName: z.string().max(200).optional(),
  mode: z.enum(['replace', 'add']).optional().describe('replace (default): the whole registry; add: reports added to or updated in the latest version'),
  activate: z.boolean().optional(),
});

export const ImportResult = z.object({
  status: z.enum(['imported', 'unchanged']),
  version: z.number(),
  activated: z.boolean(),
  activeVersion: z.number().nullable(),
  format: z.string().nullable(),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  changes: Changes,
  records: z.number(),
});

export const CheckQuery = z.object({
  country: z.string().min(1).max(60),
  number: z.string().min(1).max(120),
  version: z.string().max(12).optional(),
});

export const ReportsQuery = z.object({
  number: z.string().max(120).optional().describe('a document number: exact and OCR-tolerant matches'),
  country: z.string().max(60).optional(),
  status: z.string().max(20).optional(),
  version: z.string().max(12).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const ReportsPage = z.object({
  version: z.number().nullable(),
  total: z.number(),
  items: z.array(Hit.partial({ differences: true, detail: true, match: true })),
});

export const ActivateBody = z.object({ version: z.number().int().min(1) });
export const ActivateResult = z.object({ changed: z.boolean(), activeVersion: z.number(), previousVersion: z.number().nullable() });
