// Fastify with zod schemas, and the per-route settings the platform reads.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/principal.js';

export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A registered route, for checks that walk them all. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly routeTable: readonly RouteEntry[];
  }
  interface FastifyContextConfig {
    /**
     * The permission the route needs, checked before the handler. `authenticated` means any principal.
     * Routes without credentials are listed in `public-routes.ts`, nowhere else.
     */
    permission?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
