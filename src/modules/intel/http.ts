// Shared pieces of the intel routes: the caller of a request, and response schemas.
import { z } from 'zod';
import { actorOf, can, type Principal } from '../../platform/auth/index.js';
import type { Caller } from './access.js';

export const tags = ['intel'];

export const callerOf = (req: { principal: Principal | null | undefined; id: string }): Caller => ({
  actor: actorOf(req.principal),
  operator: false,
  requestId: req.id,
  can: (p) => can(req.principal, p),
});

export const CaseParams = z.object({ caseId: z.string().min(1).max(100) });
export const Props = z.record(z.string(), z.array(z.string()));
export const Edge = z.object({ source: z.string(), target: z.string(), type: z.string() });
export const CaseSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  role: z.enum(['owner', 'analyst', 'viewer']),
  createdAt: z.string(),
  members: z.number(),
  entities: z.number(),
  reports: z.number(),
});
export const Member = z.object({
  userId: z.string(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  role: z.enum(['owner', 'analyst', 'viewer']),
  addedAt: z.string(),
});
export const Grade = z.object({ code: z.string(), label: z.string() });
export const Scheme = z.object({
  id: z.string(),
  name: z.string(),
  sourceTitle: z.string(),
  source: z.array(Grade),
  infoTitle: z.string(),
  info: z.array(Grade),
  handling: z.array(Grade),
  builtIn: z.boolean(),
});
export const Report = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  scheme: z.string(),
  sourceGrade: z.string(),
  infoGrade: z.string(),
  handling: z.string(),
  grade: z.string(),
  text: z.string(),
  reportedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  entityIds: z.array(z.string()),
});
export const EntitySummary = z.object({
  id: z.string(),
  schema: z.string(),
  caption: z.string(),
  records: z.number(),
  supports: z.number(),
  edge: Edge.optional(),
});
export const SupportView = z.object({
  kind: z.enum(['report', 'import', 'reference']),
  refId: z.string(),
  label: z.string(),
  grade: z.string().optional(),
  handling: z.string().optional(),
  addedAt: z.string(),
});
export const EntityDetail = z.object({
  id: z.string(),
  schema: z.string(),
  caption: z.string(),
  properties: Props,
  edge: Edge.optional(),
  records: z.array(z.object({ id: z.string(), schema: z.string(), properties: Props, support: z.array(SupportView) })),
  links: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      caption: z.string(),
      direction: z.enum(['in', 'out']),
      other: z.object({ id: z.string(), caption: z.string() }),
      supports: z.number(),
    }),
  ),
});
export const ImportReport = z.object({
  importId: z.string().nullable(),
  caseId: z.string(),
  file: z.string(),
  format: z.enum(['ftm', 'csv', 'xlsx']),
  rows: z.number(),
  emptyRows: z.number(),
  entities: z.number(),
  added: z.number(),
  updated: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.number().optional(), detail: z.string() })),
  written: z.boolean(),
});
export const Side = z.object({ id: z.string(), schema: z.string(), caption: z.string(), properties: Props, source: z.string(), records: z.array(z.string()) });
export const Pair = z.object({
  id: z.string(),
  status: z.enum(['open', 'yes', 'no', 'unsure']),
  score: z.number(),
  source: z.string(),
  left: Side,
  right: Side,
  fields: z.array(z.object({ property: z.string(), left: z.array(z.string()), right: z.array(z.string()) })),
  explanation: z.array(z.object({ feature: z.string(), score: z.number(), detail: z.string() })),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const GraphNode = z.object({ id: z.string(), schema: z.string(), caption: z.string() });
export const GraphLink = z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() });
export const TimeQuery = {
  at: z.string().max(30).optional(),
  since: z.string().max(30).optional(),
  until: z.string().max(30).optional(),
  types: z
    .string()
    .max(500)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined)),
};
export const idList = z
  .string()
  .min(1)
  .max(4000)
  .transform((s) => s.split(',').filter(Boolean));
