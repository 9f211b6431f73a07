// HTTP routes of the watchlists module (contract: lists, diff, activate, entities, entity page, export; plus source and fetch).
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf } from '../../platform/auth/principal.js';
import { getList, listSummaries, resolveVersion, type ListSummary as Summary } from './store.js';
import { diffVersions } from './diff.js';
import { activate } from './versions.js';
import { searchEntities } from './entities.js';
import { viewEntity } from './entity-view.js';
import { exportLines } from './export.js';
import { BUILTIN_SOURCES, listSources, setSource, type SourceInfo } from './sources.js';
import { notFound } from '../../platform/errors.js';
import { fetchSource } from './fetch.js';
import { wl } from './tables.js';
import * as S from './schemas.js';
import { WATCHLISTS_MANAGE, WATCHLISTS_READ } from './permissions.js';

const sourceOut = (s: SourceInfo | undefined) =>
  s
    ? {
        url: s.urls.join(' '),
        urls: s.urls,
        format: s.format,
        everyHours: s.everyHours,
        lastCheckedAt: s.lastCheckedAt,
        lastStatus: s.lastStatus,
        lastChangedAt: s.lastChangedAt,
        lastError: s.lastError,
      }
    : null;

export function watchlistsRoutes(app: HttpApp, ctx: AppContext): void {
  const k = () => wl(ctx.db.kysely);
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });
  /** A list with its source; a list with a source but no version yet is shown with no versions. */
  const detail = async (name: string) => {
    const [list] = await listSummaries(k(), name);
    const source = (await listSources(k(), name))[0];
    if (list) return { ...list, source: sourceOut(source) };
    if (!source) throw notFound('list', name);
    const empty: Summary = { name, title: BUILTIN_SOURCES[name]?.title ?? name, format: source.format, activeVersion: null, updatedAt: null, versions: [] };
    return { ...empty, source: sourceOut(source) };
  };
  const tags = ['watchlists'];

  app.get(
    '/api/lists',
    {
      schema: { tags, summary: 'Lists with their versions (newest first)', response: { 200: z.object({ items: z.array(S.ListSummary) }) } },
      config: { permission: WATCHLISTS_READ },
    },
    async () => ({ items: await listSummaries(k()) }),
  );

  app.get(
    '/api/lists/:name',
    {
      schema: { tags, summary: 'One list: versions and where it is fetched from', params: S.ListName, response: { 200: S.ListDetail } },
      config: { permission: WATCHLISTS_READ },
    },
    async (req) => detail(req.params.name),
  );

  app.get(
    '/api/lists/:name/diff',
    {
      schema: {
        tags,
        summary: 'Listed entities added, removed and changed between two versions (default: the active one and the one before it)',
        params: S.ListName,
        querystring: S.DiffQuery,
        response: { 200: S.Diff },
      },
      config: { permission: WATCHLISTS_READ },
    },
    async (req) => diffVersions(k(), await getList(k(), req.params.name), req.query.from, req.query.to),
  );

  app.post(
    '/api/lists/:name/activate',
    {
      schema: {
        tags,
        summary: 'Make a version active (or roll back to an older one)',
        params: S.ListName,
        body: S.ActivateBody,
        response: { 200: S.ListSummary },
      },
      config: { permission: WATCHLISTS_MANAGE },
    },
    async (req) => (await activate(ctx, req.params.name, req.body.version, by(req))).list,
  );

  app.get(
    '/api/lists/:name/entities',
    {
      schema: {
        tags,
        summary: 'Listed entities of a version (default: active), by name (case- and accent-insensitive) and schema',
        params: S.ListName,
        querystring: S.EntitiesQuery,
        response: { 200: S.EntityPage },
      },
      config: { permission: WATCHLISTS_READ },
    },
    async (req) => {
      const list = await getList(k(), req.params.name);
      return searchEntities(k(), list.name, resolveVersion(list, req.query.version), req.query);
    },
  );

  app.get(
    '/api/entities/:id',
    {
      schema: {
        tags,
        summary: 'An entity with the lists holding it, its auxiliaries and related entities (the view is audited)',
        params: S.EntityId,
        querystring: S.EntityQuery,
        response: { 200: S.EntityView },
      },
      config: { permission: WATCHLISTS_READ },
    },
    async (req) => viewEntity(ctx, req.params.id, req.query.list, by(req)),
  );

  app.get(
    '/api/lists/:name/export',
    {
      schema: { tags, summary: 'A version as FtM JSON lines (a download; audited)', params: S.ListName, querystring: S.ExportQuery },
      config: { permission: WATCHLISTS_READ },
    },
    async (req, reply) => {
      const list = await getList(k(), req.params.name);
      const version = resolveVersion(list, req.query.version);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'watchlist.export',
        actor: actorOf(req.principal),
        target: { type: 'watchlist', id: list.name },
        requestId: req.id,
        details: { list: list.name, version, format: 'ftm' },
      });
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${list.name}-v${version}.ftm.json"`)
        .send(Readable.from(exportLines(k(), list.name, version)));
    },
  );

  app.put(
    '/api/lists/:name/source',
    {
      schema: { tags, summary: 'Set where a list is fetched from and how often', params: S.ListName, body: S.SourceBody, response: { 200: S.ListDetail } },
      config: { permission: WATCHLISTS_MANAGE },
    },
    async (req) => {
      await setSource(ctx, { list: req.params.name, ...req.body }, by(req));
      return detail(req.params.name);
    },
  );

  app.post(
    '/api/lists/:name/fetch',
    {
      schema: {
        tags,
        summary: 'Fetch the list from its source now and import it when it changed (status failed names the problem)',
        params: S.ListName,
        response: { 200: S.FetchResult },
      },
      config: { permission: WATCHLISTS_MANAGE },
    },
    async (req) => {
      const r = await fetchSource(ctx, req.params.name, { actor: actorOf(req.principal) });
      return { list: r.list, status: r.status, version: r.version, bytes: r.bytes, error: r.error };
    },
  );
}
