// HTTP routes of the lost and stolen registry: versions, import, activation, check and browsing under /api/documents/lost.
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { DOCUMENTS_CHECK, DOCUMENTS_MANAGE, DOCUMENTS_READ } from '../permissions.js';
import { activateLost } from './activate.js';
import { importReports } from './import.js';
import { textInput } from './input.js';
import { searchReports } from './search.js';
import { checkLost, registrySummary, resolveVersion } from './store.js';
import { lost } from './tables.js';
import * as S from './schemas.js';

const tags = ['documents'];
/** A registry file sent from the browser: up to 64 MiB of text in the JSON body (larger ones through the CLI). */
const MAX_IMPORT_BODY = 72 * 1024 * 1024;

export function lostRoutes(app: HttpApp, ctx: AppContext): void {
  const k = () => lost(ctx.db.kysely);

  app.get(
    '/api/documents/lost',
    {
      schema: { tags, summary: 'The lost and stolen registry: its versions (newest first) and the active one', response: { 200: S.Summary } },
      config: { permission: DOCUMENTS_READ },
    },
    async () => registrySummary(k()),
  );

  app.post(
    '/api/documents/lost',
    {
      schema: {
        tags,
        summary: 'Import reports (CSV or JSON lines) as a new version; a rejected input changes nothing and names every problem by line and column',
        body: S.ImportBody,
        response: { 200: S.ImportResult },
      },
      config: { permission: DOCUMENTS_MANAGE },
      bodyLimit: MAX_IMPORT_BODY,
    },
    async (req) => {
      const input = textInput(req.body.content, req.body.fileName || 'upload');
      return importReports(ctx, {
        ...input,
        mode: req.body.mode ?? 'replace',
        activate: req.body.activate ?? true,
        actor: actorOf(req.principal),
        requestId: req.id,
      });
    },
  );

  app.post(
    '/api/documents/lost/activate',
    {
      schema: { tags, summary: 'Make a registry version active (or roll back to an older one)', body: S.ActivateBody, response: { 200: S.ActivateResult } },
      config: { permission: DOCUMENTS_MANAGE },
    },
    async (req) => activateLost(ctx, req.body.version, { actor: actorOf(req.principal), requestId: req.id }),
  );

  app.get(
    '/api/documents/lost/check',
    {
      schema: {
        tags,
        summary: 'Is this document reported lost or stolen? Exact, or fuzzy (OCR confusions, leading zeros) with what differed (audited, ids only)',
        querystring: S.CheckQuery,
        response: { 200: S.LostCheck },
      },
      config: { permission: DOCUMENTS_CHECK },
    },
    async (req) => {
      const version = req.query.version ? await resolveVersion(k(), req.query.version) : undefined;
      const r = await checkLost(k(), req.query.country, req.query.number, version);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'documents.lost.check',
        actor: actorOf(req.principal),
        requestId: req.id,
        details: { version: r.version, match: r.match, hits: r.hits.map((h) => h.id) },
      });
      return r;
    },
  );

  app.get(
    '/api/documents/lost/reports',
    {
      schema: {
        tags,
        summary: 'Reports of a version (default: active), by number, country and status (audited)',
        querystring: S.ReportsQuery,
        response: { 200: S.ReportsPage },
      },
      config: { permission: DOCUMENTS_READ },
    },
    async (req) => {
      const page = await searchReports(k(), req.query);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'documents.lost.search',
        actor: actorOf(req.principal),
        requestId: req.id,
        details: { version: page.version, byNumber: !!req.query.number, total: page.total, shown: page.items.length },
      });
      return page;
    },
  );
}
