// JSON routes of the workbench for collections, partners and their rights, and subscriptions with their last sync and "sync now".
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf, type ActingAs } from '../../platform/auth/index.js';
import { invalid } from '../../platform/errors.js';
import { addCollection, listApiRoots, setPartnerGrant } from './collections.js';
import {
  collectionsWithStats,
  deleteCollection,
  getSubscription,
  listPartners,
  removeSubscription,
  revokeGrant,
  setPartnerTlp,
  subscriptionView,
  updateCollection,
} from './manage.js';
import { addSubscription, listSubscriptions, syncRecorded } from './subscriptions.js';
import { TAXII_MANAGE, TAXII_READ } from './permissions.js';

const tags = ['taxii'];
const Id = z.object({ id: z.string().min(1).max(100) });
const by = (req: FastifyRequest): ActingAs => ({ actor: actorOf(req.principal!), requestId: req.id });

export function manageRoutes(r: HttpApp, ctx: AppContext): void {
  const now = () => ctx.clock.now().toISOString();

  r.get(
    '/api/taxii/collections',
    { schema: { tags, summary: 'Collections with their object counts, partners and subscriptions; the API roots' }, config: { permission: TAXII_READ } },
    async () => ({
      items: await collectionsWithStats(ctx.db.kysely),
      apiRoots: (await listApiRoots(ctx.db.kysely)).map((a) => ({ name: a.name, title: a.title })),
    }),
  );

  r.post(
    '/api/taxii/collections',
    {
      schema: {
        tags,
        summary: 'Create a collection',
        body: z.object({
          title: z.string().min(1).max(200),
          alias: z.string().min(1).max(100).optional(),
          description: z.string().max(2000).optional(),
          apiRoot: z.string().min(1).max(63).optional(),
        }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req, reply) => reply.code(201).send(await addCollection(ctx.db, ctx.audit, req.body, by(req), now())),
  );

  r.patch(
    '/api/taxii/collections/:id',
    {
      schema: {
        tags,
        summary: 'Change the title, description or alias of a collection',
        params: Id,
        body: z.object({
          title: z.string().min(1).max(200).optional(),
          description: z.string().max(2000).nullable().optional(),
          alias: z.string().max(100).nullable().optional(),
        }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req) => updateCollection(ctx.db, ctx.audit, req.params.id, req.body, by(req)),
  );

  r.delete(
    '/api/taxii/collections/:id',
    { schema: { tags, summary: 'Delete an empty collection and the rights on it', params: Id }, config: { permission: TAXII_MANAGE } },
    async (req, reply) => {
      await deleteCollection(ctx.db, ctx.audit, req.params.id, by(req));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/taxii/partners',
    { schema: { tags, summary: 'Partner organisations: highest TLP and rights per collection' }, config: { permission: TAXII_READ } },
    async () => ({ items: await listPartners(ctx.db.kysely) }),
  );

  r.get(
    '/api/taxii/organisations',
    { schema: { tags, summary: 'Organisations that can be made partners (for choosing one)' }, config: { permission: TAXII_MANAGE } },
    async () => ({ items: (await ctx.auth.directory.listOrgs()).map((o) => ({ id: o.id, name: o.name, kind: o.kind })) }),
  );

  r.put(
    '/api/taxii/partners/:orgId/grants/:collectionId',
    {
      schema: {
        tags,
        summary: 'Make an organisation a partner with a highest TLP and set its rights on a collection',
        params: z.object({ orgId: z.string().min(1).max(100), collectionId: z.string().min(1).max(100) }),
        body: z.object({ read: z.boolean(), write: z.boolean(), maxTlp: z.string().min(1).max(30) }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req) => {
      if (!req.body.read && !req.body.write) throw invalid('read', 'give read, write or both (to take the rights away, DELETE the grant)');
      return setPartnerGrant(ctx.db, ctx.audit, { ...req.body, orgId: req.params.orgId, collectionId: req.params.collectionId }, by(req), now());
    },
  );

  r.delete(
    '/api/taxii/partners/:orgId/grants/:collectionId',
    {
      schema: {
        tags,
        summary: "Take a partner's rights on a collection away (it stays a partner)",
        params: z.object({ orgId: z.string().min(1).max(100), collectionId: z.string().min(1).max(100) }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req, reply) => {
      await revokeGrant(ctx.db, ctx.audit, req.params.orgId, req.params.collectionId, by(req));
      return reply.code(204).send();
    },
  );

  r.patch(
    '/api/taxii/partners/:orgId',
    {
      schema: {
        tags,
        summary: 'Change the highest TLP a partner may receive',
        params: z.object({ orgId: z.string().min(1).max(100) }),
        body: z.object({ maxTlp: z.string().min(1).max(30) }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req) => {
      await setPartnerTlp(ctx.db, ctx.audit, req.params.orgId, req.body.maxTlp, by(req), now());
      return (await listPartners(ctx.db.kysely)).find((p) => p.orgId === req.params.orgId);
    },
  );

  r.get(
    '/api/taxii/subscriptions',
    { schema: { tags, summary: "Subscriptions to partners' collections with their last sync" }, config: { permission: TAXII_READ } },
    async () => ({ items: (await listSubscriptions(ctx)).map(subscriptionView) }),
  );

  r.post(
    '/api/taxii/subscriptions',
    {
      schema: {
        tags,
        summary: "Subscribe to a partner's collection; credentials come from an environment variable named here, never stored",
        body: z.object({
          url: z.string().min(1).max(2000),
          collectionId: z.string().min(1).max(100),
          authKind: z.enum(['none', 'bearer', 'basic']).optional(),
          authEnv: z.string().max(101).optional(),
          everySeconds: z.number().int().optional(),
        }),
      },
      config: { permission: TAXII_MANAGE },
    },
    async (req, reply) => reply.code(201).send(subscriptionView(await addSubscription(ctx, req.body, by(req)))),
  );

  r.post(
    '/api/taxii/subscriptions/:id/sync',
    {
      schema: { tags, summary: 'Sync a subscription now; the outcome is recorded as its last sync', params: Id },
      config: { permission: TAXII_MANAGE },
    },
    async (req) => {
      const sub = await getSubscription(ctx.db.kysely, req.params.id);
      const result = await syncRecorded(ctx, sub, { attempts: 2 });
      await ctx.audit.record(ctx.db.kysely, {
        action: 'taxii.subscription.sync',
        actor: by(req).actor,
        target: { type: 'taxii-subscription', id: sub.id },
        requestId: req.id,
        outcome: 'error' in result ? 'failure' : 'success',
        details: 'error' in result ? {} : { added: result.added, rejected: result.rejected, pages: result.pages },
      });
      return { result, subscription: subscriptionView(await getSubscription(ctx.db.kysely, sub.id)) };
    },
  );

  r.delete(
    '/api/taxii/subscriptions/:id',
    { schema: { tags, summary: 'Remove a subscription (objects already synced stay)', params: Id }, config: { permission: TAXII_MANAGE } },
    async (req, reply) => {
      await removeSubscription(ctx.db, ctx.audit, req.params.id, by(req));
      return reply.code(204).send();
    },
  );
}
