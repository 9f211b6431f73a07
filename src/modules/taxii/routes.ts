// TAXII 2.1 server under /taxii2/: discovery, API roots, collections, objects, versions, manifests and status.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { accessOf, rightsOn, type Access } from './access.js';
import { findCollection, getApiRoot, listApiRoots, listCollections, type Collection } from './collections.js';
import { negotiate, sendTaxiiError, TaxiiError, TAXII_21, STIX_21 } from './http.js';
import { NextTokens } from './paging.js';
import { getStatus } from './statuses.js';
import { objectRoutes, statusBody, type Req, type Handler } from './routes-objects.js';
import { stixValidator } from './schemas.js';
import { TAXII_READ } from './permissions.js';
import { tx } from './tables.js';

const MAX_BODY_BYTES = 100 * 1024 * 1024;

export async function taxiiRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  stixValidator(); // compile the schemas at start, not on the first request
  const secret = await tx(ctx.db.kysely).selectFrom('taxii_secrets').select('value').where('name', '=', 'paging').executeTakeFirstOrThrow();
  const tokens = new NextTokens(secret.value);

  await app.register(
    async (r) => {
      r.removeAllContentTypeParsers();
      r.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => done(null, body));
      r.setErrorHandler((err, _req, reply) => sendTaxiiError(reply, err));
      // The platform's guard answers 401/403/429 with problem+json; on TAXII routes the TAXII error body is used instead.
      r.addHook('onSend', async (req, reply, payload) => {
        const type = String(reply.getHeader('content-type') ?? '');
        if (!type.startsWith('application/problem+json') || typeof payload !== 'string') return payload;
        const p = JSON.parse(payload) as { status: number; detail: string; code: string };
        const title = p.code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
        void reply.header('content-type', TAXII_21);
        return JSON.stringify({ title, description: p.detail, error_id: req.id, error_code: title, http_status: String(p.status) });
      });
      r.setNotFoundHandler(async (req, reply) => {
        if (!req.principal) return sendTaxiiError(reply, new TaxiiError(401, 'Unauthenticated', 'Send a bearer API token or HTTP Basic credentials.'));
        return sendTaxiiError(reply, new TaxiiError(404, 'NotFound', `No TAXII resource ${req.method} ${req.url.split('?')[0]}`));
      });

      const route = (method: 'GET' | 'POST' | 'DELETE', path: string, permission: string, handler: Handler) => {
        for (const url of [path, path.replace(/\/$/, '')].filter((u, i, a) => u && a.indexOf(u) === i)) {
          r.route({
            method,
            url,
            config: { permission },
            schema: { hide: true },
            handler: async (req, reply) => {
              const access = await accessOf(ctx.db.kysely, req.principal!);
              return handler(req as Req, reply, access);
            },
          });
        }
      };
      // A Buffer keeps the media type exactly as TAXII writes it (a string body would get a charset parameter).
      const send = (reply: FastifyReply, type: string, body: string, status = 200) => reply.code(status).header('content-type', type).send(Buffer.from(body));

      const rootOf = async (req: Req) => {
        const root = await getApiRoot(ctx.db.kysely, req.params.root!);
        if (!root) throw new TaxiiError(404, 'NotFound', `There is no API root ${req.params.root}`);
        return root;
      };
      const collectionOf = async (req: Req, access: Access, need?: 'read' | 'write'): Promise<Collection> => {
        const root = await rootOf(req);
        const c = await findCollection(ctx.db.kysely, root.name, req.params.collection!, access);
        if (!c) throw new TaxiiError(404, 'NotFound', `There is no collection ${req.params.collection} in ${root.name}`);
        if (need && !rightsOn(access, c.id)[need]) throw new TaxiiError(403, 'Forbidden', `Your organisation may not ${need} collection ${c.id}`);
        return c;
      };
      const describe = (c: Collection, access: Access) => {
        const rights = rightsOn(access, c.id);
        return {
          id: c.id,
          title: c.title,
          ...(c.description ? { description: c.description } : {}),
          ...(c.alias ? { alias: c.alias } : {}),
          can_read: rights.read,
          can_write: rights.write,
          media_types: c.mediaTypes,
        };
      };

      const mediaTypes = new WeakMap<FastifyRequest, string>();
      r.addHook('preHandler', async (req) => {
        if (req.routeOptions.url === undefined) return;
        const allowed = /\/objects\/(:object\/?)?$/.test(req.routeOptions.url) && req.method === 'GET' ? [TAXII_21, STIX_21] : [TAXII_21];
        mediaTypes.set(req, negotiate(req, allowed));
      });
      const typeOf = (req: Req) => mediaTypes.get(req) ?? TAXII_21;

      route('GET', '/', TAXII_READ, async (req, reply) => {
        const roots = await listApiRoots(ctx.db.kysely);
        const base = `${req.protocol}://${req.host}/taxii2/`;
        return send(
          reply,
          typeOf(req),
          JSON.stringify({
            title: 'Vigil TAXII 2.1 server',
            description: 'STIX 2.1 threat information shared with partner agencies',
            default: `${base}default/`,
            api_roots: roots.map((x) => `${base}${x.name}/`),
          }),
        );
      });

      route('GET', '/:root/', TAXII_READ, async (req, reply) => {
        const root = await rootOf(req);
        const body = {
          title: root.title,
          ...(root.description ? { description: root.description } : {}),
          versions: [TAXII_21],
          max_content_length: root.max_content_length,
        };
        return send(reply, typeOf(req), JSON.stringify(body));
      });

      route('GET', '/:root/status/:status/', TAXII_READ, async (req, reply, access) => {
        const root = await rootOf(req);
        const s = await getStatus(ctx.db.kysely, root.name, req.params.status!, access.orgId, access.partner);
        if (!s) throw new TaxiiError(404, 'NotFound', `There is no status ${req.params.status} in ${root.name}`);
        return send(reply, typeOf(req), JSON.stringify(statusBody(s)));
      });

      route('GET', '/:root/collections/', TAXII_READ, async (req, reply, access) => {
        const root = await rootOf(req);
        const all = (await listCollections(ctx.db.kysely, root.name)).filter((c) => rightsOn(access, c.id).visible);
        return send(reply, typeOf(req), JSON.stringify(all.length ? { collections: all.map((c) => describe(c, access)) } : {}));
      });

      route('GET', '/:root/collections/:collection/', TAXII_READ, async (req, reply, access) => {
        const c = await collectionOf(req, access);
        return send(reply, typeOf(req), JSON.stringify(describe(c, access)));
      });

      objectRoutes({ ctx, tokens, route, send, typeOf, rootOf, collectionOf });
    },
    { prefix: '/taxii2' },
  );
}
