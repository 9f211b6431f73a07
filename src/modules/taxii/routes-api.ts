// JSON routes of the workbench under /api/taxii: STIX objects and threat observables; partners are refused (they use /taxii2/).
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { forbidden } from '../../platform/errors.js';
import { OBSERVABLE_KINDS, parseTlpLevel, TLP_LEVELS } from '../../core/stix/index.js';
import { accessOf } from './access.js';
import { getObjectDetail, searchObjects } from './browse.js';
import { searchThreatObservables } from './entities.js';
import { TAXII_READ } from './permissions.js';
import { manageRoutes } from './routes-manage.js';

const tags = ['taxii'];
const Tlp = z
  .string()
  .max(30)
  .transform((s, c) => {
    const level = parseTlpLevel(s);
    if (!level) c.addIssue({ code: 'custom', message: `must be one of ${TLP_LEVELS.join(', ')}` });
    return level ?? 'clear';
  });
const Paging = { limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) };

/** The workbench routes; each one refuses principals of partner organisations, whose only view of the store is TAXII. */
export async function workbenchRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    const r: HttpApp = scope.withTypeProvider<ZodTypeProvider>();
    r.addHook('preHandler', async (req) => {
      if (!req.principal) return;
      const access = await accessOf(ctx.db.kysely, req.principal);
      if (access.partner) throw forbidden('Partner organisations read shared STIX objects over TAXII at /taxii2/, not through the workbench');
    });

    r.get(
      '/api/taxii/objects',
      {
        schema: {
          tags,
          summary: 'STIX objects (latest version per collection), newest first, by type, text, TLP and collection',
          querystring: z.object({
            type: z.string().min(1).max(250).optional(),
            q: z.string().max(500).optional(),
            tlp: Tlp.optional(),
            collection: z.string().min(1).max(100).optional(),
            ...Paging,
          }),
        },
        config: { permission: TAXII_READ },
      },
      async (req) => {
        const { collection, ...rest } = req.query;
        return searchObjects(ctx.db, { ...rest, collectionId: collection });
      },
    );

    r.get(
      '/api/taxii/objects/:id',
      {
        schema: {
          tags,
          summary: 'One STIX object: its latest version, every version in every collection, its relationships in and out',
          params: z.object({ id: z.string().min(3).max(300) }),
          querystring: z.object({ collection: z.string().min(1).max(100).optional() }),
        },
        config: { permission: TAXII_READ },
      },
      async (req) => getObjectDetail(ctx.db, req.params.id, req.query.collection),
    );

    r.get(
      '/api/taxii/observables',
      {
        schema: {
          tags,
          summary: 'Threat observables imported over TAXII (IPs, domains, URLs, e-mail addresses, wallets, file hashes) as entities, with TLP',
          querystring: z.object({
            kind: z.enum(OBSERVABLE_KINDS).optional(),
            value: z.string().min(1).max(2048).optional(),
            q: z.string().max(500).optional(),
            collection: z.string().min(1).max(100).optional(),
            ...Paging,
          }),
        },
        config: { permission: TAXII_READ },
      },
      async (req) => {
        const { collection, ...rest } = req.query;
        return searchThreatObservables(ctx.db.kysely, { ...rest, collectionId: collection });
      },
    );

    manageRoutes(r, ctx);
  });
}
