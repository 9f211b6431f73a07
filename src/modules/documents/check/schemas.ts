// Zod schemas of the document check API (and the OpenAPI document the web client is typed by).
import { z } from 'zod';
import { LostCheck } from '../lost/schemas.js';
import { REASON_CODES } from './verdict.js';

const Field = z.object({ value: z.string().nullable(), valid: z.boolean(), raw: z.string(), line: z.number(), column: z.number(), length: z.number() });
const Problem = z.object({ field: z.string(), line: z.number(), column: z.number(), code: z.string(), detail: z.string() });
const Country = z.object({ icao: z.string(), alpha2: z.string().nullable(), name: z.string().nullable() });

export const Mrz = z.object({
  format: z.string().nullable(),
  valid: z.boolean(),
  specimen: z.boolean(),
  lines: z.array(z.string()),
  fields: z.record(z.string(), Field),
  expiry: z.enum(['valid', 'expired', 'unknown']),
  issuingCountry: Country.nullable(),
  nationalityCountry: Country.nullable(),
  errors: z.array(Problem),
  warnings: z.array(Problem),
  suggestions: z.array(
    z.object({
      lines: z.array(z.string()),
      changes: z.array(z.object({ field: z.string(), line: z.number(), column: z.number(), from: z.string(), to: z.string() })),
      detail: z.string(),
    }),
  ),
});

export const Reason = z.object({
  code: z.enum(Object.keys(REASON_CODES) as [keyof typeof REASON_CODES, ...(keyof typeof REASON_CODES)[]]),
  severity: z.enum(['stop', 'attention', 'info']),
  detail: z.string(),
  field: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  ids: z.array(z.string()).optional(),
});

const Match = z.object({
  entityId: z.string(),
  caption: z.string(),
  schema: z.string(),
  lists: z.array(z.string()),
  score: z.number(),
  threshold: z.number(),
  explanation: z.array(z.object({ feature: z.string(), score: z.number(), detail: z.string() })),
});

const Certificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  key: z.string(),
  fingerprint: z.string(),
});

export const Chip = z.object({
  status: z.enum(['passed', 'failed', 'inconclusive']),
  reason: z.string(),
  checks: z.array(z.object({ check: z.string(), status: z.string(), detail: z.string() })),
  signer: Certificate.nullable(),
  csca: Certificate.nullable(),
  dataGroups: z.array(z.object({ number: z.number(), hashAlgorithm: z.string(), matches: z.boolean().nullable() })),
});

export const CheckResult = z.object({
  id: z.string(),
  verdict: z.enum(['clear', 'attention', 'stop']),
  reasons: z.array(Reason),
  checkedAt: z.string(),
  mrz: Mrz,
  lost: LostCheck.nullable(),
  holder: z
    .object({
      query: z
        .object({
          name: z.string(),
          birthDate: z.string().optional(),
          nationality: z.string().optional(),
          gender: z.string().optional(),
          documents: z.array(z.object({ type: z.string().optional(), number: z.string(), country: z.string().optional() })).optional(),
        })
        .nullable(),
      matches: z.array(Match),
      listVersions: z.record(z.string(), z.number()),
    })
    .nullable(),
  chip: Chip.nullable(),
});

export const CheckBody = z.object({
  mrz: z.union([z.string().max(4000), z.array(z.string().max(1000)).max(10)]).describe('the MRZ: one text with line breaks, or its lines'),
  chip: z.unknown().optional().describe('chip data as JSON: EF.SOD and data groups (base64), as `vigil documents check --chip` reads them'),
});
