// HTTP routes of a case's content: reports, entities, references, imports and mappings, cross-referencing and its review.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { getEntity, listEntities } from './entity-view.js';
import { CaseParams, callerOf, EntityDetail, EntitySummary, ImportReport, Pair, Props, Report, tags } from './http.js';
import { importIntoCase, IMPORT_FORMATS } from './import/run.js';
import { checkMapping, getMapping, listMappings, saveMapping } from './mappings.js';
import { INTEL_USE } from './permissions.js';
import { REFERENCE_KINDS, addReference } from './references.js';
import { createReport, getReport, listReports } from './reports.js';
import { decidePairs, getPair, listPairs, mergeEntities, nextPair, PAIR_DECISIONS, PAIR_STATUSES, splitEntity } from './review.js';
import { decodeUpload, MAX_UPLOAD_BYTES, previewSheet, withUpload } from './upload.js';
import { crossReference } from './xref.js';
import { openCase } from './access.js';
import { invalid } from '../../platform/errors.js';

const config = { permission: INTEL_USE };
const Mapping = z.object({ id: z.string(), name: z.string(), yaml: z.string(), createdAt: z.string() });
const Upload = {
  file: z.string().min(1).max(300),
  content: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4),
  encoding: z.enum(['utf8', 'latin1']).optional(),
  sheet: z.string().max(100).optional(),
};
const BODY_LIMIT = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + (1 << 20);

export function dataRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/api/intel/cases/:caseId/reports',
    { schema: { tags, summary: 'Reports of a case, newest first', params: CaseParams, response: { 200: z.object({ items: z.array(Report) }) } }, config },
    async (req) => ({ items: await listReports(ctx, req.params.caseId, callerOf(req)) }),
  );
  app.post(
    '/api/intel/cases/:caseId/reports',
    {
      schema: {
        tags,
        summary: 'File a graded report with the entities it mentions and the links it asserts',
        params: CaseParams,
        body: z.object({
          reference: z.string().min(1).max(200),
          scheme: z.string().min(1).max(40),
          sourceGrade: z.string().min(1).max(20),
          infoGrade: z.string().min(1).max(20),
          handling: z.string().min(1).max(20),
          text: z.string().max(100_000),
          reportedAt: z.string().max(30).optional(),
          entities: z
            .array(z.object({ id: z.string().min(1).max(200), schema: z.string().max(60).optional(), properties: Props.optional() }))
            .max(1000)
            .optional(),
          links: z
            .array(z.object({ schema: z.string().max(60), source: z.string().max(200), target: z.string().max(200), properties: Props.optional() }))
            .max(1000)
            .optional(),
        }),
        response: { 201: Report },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await createReport(ctx, req.params.caseId, req.body, callerOf(req))),
  );
  app.get(
    '/api/intel/cases/:caseId/reports/:reportId',
    { schema: { tags, summary: 'One report', params: CaseParams.extend({ reportId: z.string().min(1).max(100) }), response: { 200: Report } }, config },
    async (req) => getReport(ctx, req.params.caseId, req.params.reportId, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/entities',
    {
      schema: {
        tags,
        summary: 'Resolved entities of a case (merged records shown once)',
        params: CaseParams,
        querystring: z.object({
          q: z.string().max(200).optional(),
          schema: z.string().max(60).optional(),
          links: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(EntitySummary), total: z.number() }) },
      },
      config,
    },
    async (req) =>
      listEntities(ctx, req.params.caseId, { ...req.query, links: req.query.links === undefined ? undefined : req.query.links === 'true' }, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/entities/:entityId',
    {
      schema: {
        tags,
        summary: 'One entity by any of its record ids: records, support (graded reports, imports), links',
        params: CaseParams.extend({ entityId: z.string().min(1).max(200) }),
        response: { 200: EntityDetail },
      },
      config,
    },
    async (req) => getEntity(ctx, req.params.caseId, req.params.entityId, callerOf(req)),
  );
  app.post(
    '/api/intel/cases/:caseId/entities/:entityId/split',
    {
      schema: {
        tags,
        summary: 'Take a record out of the entity it was merged into',
        params: CaseParams.extend({ entityId: z.string().min(1).max(200) }),
        response: { 200: z.object({ recordId: z.string(), remainingId: z.string() }) },
      },
      config,
    },
    async (req) => splitEntity(ctx, req.params.caseId, req.params.entityId, callerOf(req)),
  );
  app.post(
    '/api/intel/cases/:caseId/merge',
    {
      schema: {
        tags,
        summary: 'Merge two entities by hand; refused (nothing changed) when they cannot be one',
        params: CaseParams,
        body: z.object({ a: z.string().min(1).max(200), b: z.string().min(1).max(200) }),
        response: { 200: z.object({ canonicalId: z.string(), records: z.array(z.string()) }) },
      },
      config,
    },
    async (req) => mergeEntities(ctx, req.params.caseId, req.body.a, req.body.b, callerOf(req)),
  );
  app.post(
    '/api/intel/cases/:caseId/references',
    {
      schema: {
        tags,
        summary: 'Add a record already in Vigil: a list entity, a traveller, an alert’s listed entity',
        params: CaseParams,
        body: z.object({ kind: z.enum(REFERENCE_KINDS), id: z.string().min(1).max(200), list: z.string().max(100).optional() }),
        response: { 201: z.object({ entityId: z.string(), refId: z.string() }) },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await addReference(ctx, req.params.caseId, req.body, callerOf(req))),
  );
  app.post(
    '/api/intel/cases/:caseId/imports/preview',
    {
      schema: {
        tags,
        summary: 'The header and first rows of a CSV or XLSX, for building a mapping; nothing is stored',
        params: CaseParams,
        body: z.object({ ...Upload, format: z.enum(['csv', 'xlsx']) }),
        response: { 200: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())), sheets: z.array(z.string()) }) },
      },
      config,
      bodyLimit: BODY_LIMIT,
    },
    async (req) => {
      await openCase(ctx, ctx.db.kysely, req.params.caseId, callerOf(req), 'analyst');
      const b = req.body;
      return withUpload(decodeUpload(b.content), (path) => previewSheet(path, b.file, b.format, { encoding: b.encoding, sheet: b.sheet }));
    },
  );
  app.post(
    '/api/intel/cases/:caseId/imports',
    {
      schema: {
        tags,
        summary: 'Import FtM JSON lines, or CSV/XLSX through a mapping (saved, or given as YAML); per-row errors, one transaction',
        params: CaseParams,
        body: z.object({
          ...Upload,
          format: z.enum(IMPORT_FORMATS),
          mappingId: z.string().max(100).optional(),
          mapping: z
            .string()
            .max(1 << 20)
            .optional(),
          prefix: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,40}$/)
            .optional(),
          strict: z.boolean().optional(),
        }),
        response: { 200: ImportReport },
      },
      config,
      bodyLimit: BODY_LIMIT,
    },
    async (req) => {
      const b = req.body;
      let mapping: { yaml: string; name: string; id?: string } | undefined;
      if (b.format !== 'ftm') {
        if (b.mappingId) {
          const m = await getMapping(ctx, b.mappingId);
          mapping = { yaml: m.yaml, name: m.name, id: m.id };
        } else if (b.mapping) mapping = { yaml: b.mapping, name: 'mapping' };
        else throw invalid('mapping', 'a CSV or XLSX import needs a mapping: mappingId or mapping (YAML)');
        checkMapping(mapping.yaml, mapping.name);
      }
      return withUpload(decodeUpload(b.content), (path) =>
        importIntoCase(
          ctx,
          req.params.caseId,
          { path, name: b.file, format: b.format, mapping, encoding: b.encoding, sheet: b.sheet, prefix: b.prefix, strict: b.strict },
          callerOf(req),
        ),
      );
    },
  );
  app.get(
    '/api/intel/mappings',
    { schema: { tags, summary: 'Saved mappings (FollowTheMoney mapping YAML)', response: { 200: z.object({ items: z.array(Mapping) }) } }, config },
    async () => ({ items: await listMappings(ctx) }),
  );
  app.post(
    '/api/intel/mappings',
    {
      schema: {
        tags,
        summary: 'Save a mapping for reuse (checked against the model)',
        body: z.object({
          name: z.string().min(1).max(100),
          yaml: z
            .string()
            .min(1)
            .max(1 << 20),
        }),
        response: { 201: Mapping },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await saveMapping(ctx, req.body, callerOf(req))),
  );
  app.post(
    '/api/intel/cases/:caseId/xref',
    {
      schema: {
        tags,
        summary: 'Cross-reference: propose pairs of probably-same entities within the case and against the active lists',
        params: CaseParams,
        body: z
          .object({
            lists: z.boolean().optional(),
            importId: z.string().min(1).max(100).optional().describe('only the entities of this import, against the case entities blocking selects'),
          })
          .optional(),
        response: {
          200: z.object({
            caseId: z.string(),
            entities: z.number(),
            proposed: z.number(),
            againstLists: z.number(),
            known: z.number(),
            indexed: z.number(),
            scoredPairs: z.number(),
            skippedPairs: z.number(),
            cappedPairs: z.number(),
          }),
        },
      },
      config,
    },
    async (req) =>
      crossReference(ctx, req.params.caseId, callerOf(req), {
        lists: req.body?.lists ?? true,
        ...(req.body?.importId !== undefined ? { importId: req.body.importId } : {}),
      }),
  );
  app.get(
    '/api/intel/cases/:caseId/pairs',
    {
      schema: {
        tags,
        summary: 'Proposed pairs, best score first, both sides field by field',
        params: CaseParams,
        querystring: z.object({
          status: z.enum(PAIR_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(Pair), total: z.number() }) },
      },
      config,
    },
    async (req) => listPairs(ctx, req.params.caseId, req.query, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/pairs/next',
    {
      schema: {
        tags,
        summary: 'The next open pair after the given one (wrapping around): resume where you left off',
        params: CaseParams,
        querystring: z.object({ after: z.string().max(100).optional() }),
        response: { 200: z.object({ id: z.string().nullable(), remaining: z.number() }) },
      },
      config,
    },
    async (req) => nextPair(ctx, req.params.caseId, req.query.after, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/pairs/:pairId',
    {
      schema: { tags, summary: 'One proposed pair side by side', params: CaseParams.extend({ pairId: z.string().min(1).max(100) }), response: { 200: Pair } },
      config,
    },
    async (req) => getPair(ctx, req.params.caseId, req.params.pairId, callerOf(req)),
  );
  app.post(
    '/api/intel/cases/:caseId/pairs/decisions',
    {
      schema: {
        tags,
        summary: 'Decide pairs (one or many, in one transaction): yes merges both sides, no and unsure are recorded',
        params: CaseParams,
        body: z.object({
          decisions: z
            .array(z.object({ pairId: z.string().min(1).max(100), decision: z.enum(PAIR_DECISIONS) }))
            .min(1)
            .max(500),
        }),
        response: {
          200: z.object({ items: z.array(z.object({ pairId: z.string(), status: z.enum(PAIR_DECISIONS), canonicalId: z.string().optional() })) }),
        },
      },
      config,
    },
    async (req) => ({ items: await decidePairs(ctx, req.params.caseId, req.body.decisions, callerOf(req)) }),
  );
}
