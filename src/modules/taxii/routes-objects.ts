// TAXII 2.1 object endpoints: objects (GET, POST), one object (GET, DELETE), its versions, and the manifest.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type Principal } from '../../platform/auth/index.js';
import { parseJson, STIX_LIMITS } from '../../core/stix/index.js';
import { rightsOn, type Access } from './access.js';
import type { Collection } from './collections.js';
import type { ApiRootRow } from './tables.js';
import { badRequest, checkContentType, objectParams, TaxiiError, TAXII_21, type ObjectParams } from './http.js';
import { deleteObject, objectExists, queryObjects, type ObjectFilter, type PageRow } from './objects.js';
import { NextTokens } from './paging.js';
import { postEnvelope } from './post.js';
import type { Status } from './statuses.js';
import { TAXII_READ, TAXII_WRITE } from './permissions.js';

export type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | string[]> }>;
export type Handler = (req: Req, reply: FastifyReply, access: Access) => Promise<unknown>;

export interface RouteKit {
  ctx: AppContext;
  tokens: NextTokens;
  route: (method: 'GET' | 'POST' | 'DELETE', path: string, permission: string, handler: Handler) => void;
  send: (reply: FastifyReply, type: string, body: string, status?: number) => FastifyReply;
  typeOf: (req: Req) => string;
  rootOf: (req: Req) => Promise<ApiRootRow>;
  collectionOf: (req: Req, access: Access, need?: 'read' | 'write') => Promise<Collection>;
}

export function objectRoutes({ ctx, tokens, route, send, typeOf, rootOf, collectionOf }: RouteKit): void {
  /** Runs a paged query and sets the date headers; `kind` names the endpoint for the next token. */
  const page = async (req: Req, reply: FastifyReply, kind: string, c: Collection, access: Access, p: ObjectParams, objectId?: string, withBody = true) => {
    const f: ObjectFilter = {
      collectionId: c.id,
      objectId,
      addedAfter: p.addedAfter,
      ids: p.ids,
      types: p.types,
      versions: p.versions,
      specVersions: p.specVersions,
      maxRank: access.maxRank,
    };
    const qh = NextTokens.queryHash([kind, c.id, objectId ?? null, p.addedAfter ?? null, p.ids ?? null, p.types ?? null, p.versions, p.specVersions]);
    let after;
    if (p.next !== undefined) {
      const t = tokens.read(p.next, qh, ctx.clock.now());
      if (!t.ok) throw badRequest(t.reason, { field: 'next' });
      after = t.at;
    }
    const res = await queryObjects(ctx.db.kysely, f, p.limit, after, withBody);
    if (!res.rows.length && objectId && !(await objectExists(ctx.db.kysely, c.id, objectId, access.maxRank)))
      throw new TaxiiError(404, 'NotFound', `There is no object ${objectId} in collection ${c.id}`);
    if (res.rows.length) {
      void reply.header('X-TAXII-Date-Added-First', res.rows[0]!.date_added);
      void reply.header('X-TAXII-Date-Added-Last', res.rows[res.rows.length - 1]!.date_added);
    }
    const last = res.rows[res.rows.length - 1];
    const next = res.more && last ? tokens.issue(qh, { dateAdded: last.date_added, seq: last.seq }, ctx.clock.now()) : undefined;
    return { rows: res.rows, more: res.more, next };
  };
  const envelope = (rows: PageRow[], more: boolean, next: string | undefined, key: string, items: string[]) =>
    rows.length ? `{"more":${more}${next ? `,"next":${JSON.stringify(next)}` : ''},"${key}":[${items.join(',')}]}` : '{}';

  /** Objects of the collection, or of one object when the route has `:object`: the envelope of the page. */
  const objects = (kind: 'objects' | 'object') => async (req: Req, reply: FastifyReply, access: Access) => {
    const c = await collectionOf(req, access, 'read');
    const p = objectParams(req.query, { versions: ['last'], specVersions: ['2.1'] });
    const scoped = kind === 'object' ? { ...p, ids: undefined, types: undefined } : p;
    const { rows, more, next } = await page(req, reply, kind, c, access, scoped, req.params.object);
    return send(
      reply,
      typeOf(req),
      envelope(
        rows,
        more,
        next,
        'objects',
        rows.map((x) => x.body),
      ),
    );
  };
  route('GET', '/:root/collections/:collection/objects/', TAXII_READ, objects('objects'));

  route('POST', '/:root/collections/:collection/objects/', TAXII_WRITE, async (req, reply, access) => {
    checkContentType(req);
    const root = await rootOf(req);
    const c = await collectionOf(req, access, 'write');
    const text = typeof req.body === 'string' ? req.body : '';
    if (Buffer.byteLength(text) > root.max_content_length)
      throw new TaxiiError(413, 'RequestEntityTooLarge', `The envelope exceeds the API root's max_content_length of ${root.max_content_length} bytes`);
    const parsed = parseJson(text);
    if (!parsed.ok) throw badRequest(`The body is not JSON: ${parsed.message}`, { line: parsed.line, column: parsed.column, offset: parsed.offset });
    const env = parsed.value as { objects?: unknown } | null;
    if (!env || typeof env !== 'object' || Array.isArray(env) || !Array.isArray(env.objects))
      throw new TaxiiError(
        422,
        'ProcessingError',
        'While processing supplied content, an error occurred: the body must be a TAXII envelope {"objects": [...]}',
      );
    if (env.objects.length > STIX_LIMITS.maxObjects)
      throw new TaxiiError(
        413,
        'RequestEntityTooLarge',
        `The envelope holds ${env.objects.length} objects; at most ${STIX_LIMITS.maxObjects} are accepted at once`,
      );
    const status = await postEnvelope(ctx, root.name, c.id, { objects: env.objects }, access, { actor: actorOf(req.principal), requestId: req.id });
    return send(reply, TAXII_21, JSON.stringify(statusBody(status)), 202);
  });

  route('GET', '/:root/collections/:collection/objects/:object/', TAXII_READ, objects('object'));

  route('DELETE', '/:root/collections/:collection/objects/:object/', TAXII_WRITE, async (req, reply, access) => {
    const c = await collectionOf(req, access, 'write');
    if (!rightsOn(access, c.id).read) throw new TaxiiError(403, 'Forbidden', `Your organisation may not read collection ${c.id}`);
    const p = objectParams(req.query, { versions: ['all'], specVersions: ['2.0', '2.1'] });
    const objectId = req.params.object!;
    const deleted = await ctx.db.transaction(async (trx) => {
      const n = await deleteObject(trx, { collectionId: c.id, objectId, versions: p.versions, specVersions: p.specVersions, maxRank: access.maxRank });
      if (n) await recordDelete(ctx, trx, req.principal!, req.id, c.id, objectId, n);
      return n;
    });
    if (!deleted) throw new TaxiiError(404, 'NotFound', `No version of ${objectId} in collection ${c.id} matches`);
    return send(reply, TAXII_21, '');
  });

  route('GET', '/:root/collections/:collection/objects/:object/versions/', TAXII_READ, async (req, reply, access) => {
    const c = await collectionOf(req, access, 'read');
    const p = objectParams(req.query, { versions: ['all'], specVersions: ['2.1'] });
    const { rows, more, next } = await page(
      req,
      reply,
      'versions',
      c,
      access,
      { ...p, versions: ['all'], ids: undefined, types: undefined },
      req.params.object,
      false,
    );
    return send(
      reply,
      typeOf(req),
      envelope(
        rows,
        more,
        next,
        'versions',
        rows.map((x) => JSON.stringify(x.version ?? x.date_added)),
      ),
    );
  });

  route('GET', '/:root/collections/:collection/manifest/', TAXII_READ, async (req, reply, access) => {
    const c = await collectionOf(req, access, 'read');
    const p = objectParams(req.query, { versions: ['last'], specVersions: ['2.1'] });
    const { rows, more, next } = await page(req, reply, 'manifest', c, access, p, undefined, false);
    const items = rows.map((x) => JSON.stringify({ id: x.id, date_added: x.date_added, version: x.version ?? x.date_added, media_type: x.media_type }));
    return send(reply, typeOf(req), envelope(rows, more, next, 'objects', items));
  });
}

/** A status as TAXII writes it: the lists of successes, failures and pendings only when not empty. */
export function statusBody(s: Status): Partial<Status> {
  const out: Partial<Status> = { ...s };
  for (const k of ['successes', 'failures', 'pendings'] as const) if (!s[k].length) delete out[k];
  return out;
}

async function recordDelete(
  ctx: AppContext,
  trx: Parameters<AppContext['audit']['record']>[0],
  p: Principal,
  requestId: string,
  collectionId: string,
  objectId: string,
  n: number,
) {
  await ctx.audit.record(trx, {
    action: 'taxii.objects.delete',
    actor: actorOf(p),
    target: { type: 'taxii-collection', id: collectionId },
    requestId,
    details: { objectId, versions: n },
  });
}
