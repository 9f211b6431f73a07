// Authentication and authorisation of every request: who is calling, and may they call this route.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { actorOf } from '../auth/principal.js';
import { isPublicRoute } from './public-routes.js';
import { sendProblem } from './problem.js';

export const SESSION_COOKIE = 'vigil_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes registered by plugins we trust (API docs) that any signed-in principal may read. */
const AUTHENTICATED_PREFIXES = ['/api/docs'];
/** Where HTTP Basic (a person's name and password, throttled like sign-in) is accepted besides tokens: TAXII clients expect it. */
const BASIC_PREFIXES = ['/taxii2/'];

/** Refuses at boot any route that is neither public nor declares the permission it needs. */
export function checkRouteDeclaration(ctx: AppContext, route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const url = route.url;
  route.config ??= {};
  const config = route.config as { permission?: string };
  if (config.permission) return;
  if (AUTHENTICATED_PREFIXES.some((p) => url === p || url.startsWith(p + '/'))) {
    config.permission = 'authenticated';
    return;
  }
  if (methods.every((m) => isPublicRoute(m, url, ctx.config) || ((m === 'GET' || m === 'HEAD') && url === '/metrics'))) return;
  throw new Error(`Route ${methods.join(',')} ${url} declares no permission and is not in public-routes.ts`);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createGuard(ctx: AppContext) {
  const { credentials } = ctx.auth;

  async function identify(request: FastifyRequest): Promise<void> {
    request.principal = null;
    const authz = request.headers.authorization;
    if (authz && BASIC_PREFIXES.some((p) => request.url.startsWith(p))) {
      const basic = /^Basic\s+([A-Za-z0-9+/=]{1,1400})$/i.exec(authz);
      if (basic) {
        const pair = Buffer.from(basic[1]!, 'base64').toString('utf8');
        const colon = pair.indexOf(':');
        if (colon < 1) throw new AppError('invalid-credentials', 'HTTP Basic credentials must be user:password.');
        request.principal = await credentials.authenticateBasic(pair.slice(0, colon), pair.slice(colon + 1), { ip: request.ip, requestId: request.id });
        return;
      }
    }
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      request.principal = m ? await credentials.authenticateToken(m[1]!) : null;
      if (!request.principal) throw new AppError('invalid-token', 'The bearer token is unknown, revoked or expired.');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.principal = await credentials.authenticateSession(cookie);
  }

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const url = request.routeOptions.url;
    const isPublic = isPublicRoute(request.method, url, ctx.config);
    try {
      await identify(request);
    } catch (err) {
      if (!isPublic) return sendProblem(reply, err as AppError);
    }
    if (isPublic || url === undefined) return; // unknown paths: the not-found handler answers
    const p = request.principal;
    if (!p) return sendProblem(reply, new AppError('unauthenticated', 'Sign in or send an API token.'));
    if (p.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !p.csrfToken || !sameToken(sent, p.csrfToken)) {
        return sendProblem(reply, new AppError('csrf-failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`));
      }
    }
    const needed = request.routeOptions.config.permission ?? (url === '/metrics' ? 'metrics.read' : undefined);
    if (needed && needed !== 'authenticated' && !p.permissions.has(needed)) {
      await ctx.audit.record(ctx.db.kysely, {
        action: 'access.denied',
        actor: actorOf(p),
        outcome: 'denied',
        requestId: request.id,
        details: { route: `${request.method} ${url}`, permission: needed },
      });
      return sendProblem(reply, new AppError('forbidden', `This needs the permission ${needed}.`));
    }
  };
}
