// Zod schemas of the rules API under /api/travel/rules (also the OpenAPI document the web client is typed by).
import { z } from 'zod';
import { MAX_LENGTH } from './lexer.js';
import { MAX_DESCRIPTION, MAX_NAME } from './rules.js';

export const Rule = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  description: z.string(),
  expression: z.string(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  versionBy: z.string(),
  versionAt: z.string(),
});
export const RuleVersion = z.object({
  version: z.number(),
  name: z.string(),
  description: z.string(),
  expression: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const RuleDetail = Rule.extend({ versions: z.array(RuleVersion) });
export const RuleChanged = Rule.extend({ changed: z.boolean() });

const Expression = z.string().min(1).max(MAX_LENGTH).describe('a rule in the rule language (see the module README)');
export const CreateBody = z.object({
  name: z.string().min(1).max(MAX_NAME),
  expression: Expression,
  description: z.string().max(MAX_DESCRIPTION).optional(),
  enabled: z.boolean().optional().describe('default false: test the rule against stored traffic, then enable it'),
});
export const UpdateBody = z.object({
  name: z.string().min(1).max(MAX_NAME).optional(),
  expression: Expression.optional(),
  description: z.string().max(MAX_DESCRIPTION).optional(),
});
export const RuleId = z.object({ id: z.string().min(1).max(40) });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const Period = z.object({ from: Day.optional(), to: Day.optional() });
export const TestBody = Period.extend({ expression: Expression });
export const TestResult = z.object({
  ruleId: z.string().nullable(),
  version: z.number().nullable(),
  expression: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  lists: z.record(z.string(), z.number()),
  scanned: z.object({ flights: z.number(), travellers: z.number() }),
  hits: z.object({ flights: z.number(), travellers: z.number() }),
  sample: z.array(z.object({ travellerId: z.string(), flightId: z.string(), flightDate: z.string(), detail: z.string() })),
});

export const Problem = z.object({
  code: z.string(),
  detail: z.string(),
  line: z.number(),
  column: z.number(),
  offset: z.number(),
  length: z.number(),
  part: z.string(),
  category: z.string().optional(),
});
export const CheckBody = z.object({ expression: z.string().max(MAX_LENGTH * 2) });
export const CheckResult = z.object({ ok: z.boolean(), problem: Problem.nullable(), lists: z.record(z.string(), z.number()) });

const Field = z.object({ name: z.string(), type: z.string(), set: z.boolean().optional(), values: z.array(z.string()).optional(), description: z.string() });
export const Catalogue = z.object({
  fields: z.array(Field),
  collections: z.array(z.object({ name: z.string(), description: z.string(), fields: z.array(Field) })),
});

export const Stats = z.object({
  ruleId: z.string(),
  version: z.number(),
  hits: z.number(),
  flights: z.number(),
  lastHitAt: z.string().nullable(),
  alerts: z.record(z.string(), z.number()),
  precision: z.number().nullable(),
});

export const List = z.object({
  name: z.string(),
  version: z.number(),
  description: z.string(),
  entries: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ListDetail = List.extend({ versions: z.array(z.number()) });
export const ListName = z.object({ name: z.string().min(1).max(63) });
export const ListBody = z.object({ entries: z.array(z.string().max(200)).max(5000), description: z.string().max(MAX_DESCRIPTION).optional() });
export const ListQuery = z.object({ version: z.coerce.number().int().positive().optional() });
