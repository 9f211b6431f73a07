// HTTP routes of the audit trail: search, export and verify; each use of them is itself audited.
import { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf } from '../../platform/auth/principal.js';
import type { AuditDetailValue } from '../../platform/audit/index.js';
import { AUDIT_EXPORT, AUDIT_READ } from './permissions.js';
import { CONTENT_TYPES, exportChunks, exportLines } from './export-format.js';
import { ExportQuery, SearchQuery, SearchResponse, VerifyResponse } from './schemas.js';
import { verifyDetails } from './verify-details.js';

/** The defined values of a query, as audit details (ids, codes, instants and numbers only). */
const definedOf = (q: Record<string, string | number | undefined>): Record<string, AuditDetailValue> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string | number] => e[1] !== undefined));

export function auditRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, newest first',
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
      config: { permission: AUDIT_READ },
    },
    async (req) => {
      const items = await ctx.audit.search(req.query);
      // Recorded before anything is returned: no read of the trail goes unrecorded.
      await ctx.audit.record(ctx.db.kysely, {
        action: 'audit.search',
        actor: actorOf(req.principal),
        requestId: req.id,
        details: { ...definedOf(req.query), results: items.length },
      });
      const last = items[items.length - 1];
      return { items, nextBeforeSeq: items.length === req.query.limit && last && last.seq > 1 ? last.seq : null };
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the audit trail in seq order as NDJSON or CSV (a download)',
        querystring: ExportQuery,
      },
      config: { permission: AUDIT_EXPORT },
    },
    async (req, reply) => {
      const { format, from, to } = req.query;
      const records = ctx.audit.stream({ from, to });
      await ctx.audit.record(ctx.db.kysely, {
        action: 'audit.export',
        actor: actorOf(req.principal),
        requestId: req.id,
        details: definedOf({ format, from, to }),
      });
      const stamp = ctx.clock
        .now()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="vigil-audit-${stamp}.${format}"`)
        .send(Readable.from(exportChunks(exportLines(records, format))));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain and the signed checkpoints; names the first problem by seq',
        response: { 200: VerifyResponse },
      },
      config: { permission: AUDIT_READ },
    },
    async (req) => {
      const result = await ctx.audit.verify();
      await ctx.audit.record(ctx.db.kysely, {
        action: 'audit.verify',
        actor: actorOf(req.principal),
        outcome: result.ok ? 'success' : 'failure',
        requestId: req.id,
        details: verifyDetails(result),
      });
      return result;
    },
  );
}
