// Routes of the platform itself: probes, metrics, API description, sign-in and the signed-in user's view.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { verifyPassword } from '../auth/passwords.js';
import { AREAS } from '../module.js';
import type { HttpApp } from './types.js';
import { SESSION_COOKIE } from './guard.js';

const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['person', 'machine']),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
const MeResponse = z.object({ user: Me, csrfToken: z.string().nullable() });

export function platformRoutes(app: HttpApp, ctx: AppContext, opts: { secureCookie: (protocol: string) => boolean }): void {
  const { directory, credentials } = ctx.auth;

  app.get('/health', { schema: { tags: ['platform'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get('/ready', { schema: { tags: ['platform'], summary: 'Readiness: database and event bus reachable' } }, async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await ctx.db.ping();
      checks.database = 'ok';
    } catch {
      checks.database = 'unavailable';
    }
    checks.events = ctx.events.kind;
    const ok = checks.database === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    return reply.header('content-type', ctx.metrics.contentType).send(await ctx.metrics.metrics());
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'authenticated' } }, async () => app.swagger());

  const meOf = async (p: Principal) => {
    const user = await directory.getUser(p.userId);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        kind: user.kind,
        orgId: user.orgId,
        orgName: user.orgName,
        roles: user.roles,
        permissions: [...p.permissions].sort(),
      },
      csrfToken: p.csrfToken ?? null,
    };
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password; sets the session cookie',
        body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) }),
        response: { 200: MeResponse },
      },
    },
    async (req, reply) => {
      const result = await credentials.login(req.body.username, req.body.password, { ip: req.ip, requestId: req.id });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookie(req.protocol),
        expires: new Date(result.expiresAt),
      });
      return meOf(result.principal);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' }, config: { permission: 'authenticated' } }, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await credentials.logout(cookie, { actor: actorOf(req.principal), requestId: req.id });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in principal', response: { 200: MeResponse } }, config: { permission: 'authenticated' } },
    async (req) => meOf(req.principal!),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }),
      },
      config: { permission: 'authenticated' },
    },
    async (req, reply) => {
      const p = req.principal!;
      const user = await directory.findUser(p.username);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, req.body.currentPassword))) {
        throw new AppError('validation-failed', 'currentPassword: is wrong', { field: 'currentPassword' });
      }
      await directory.setPassword(p.userId, req.body.newPassword, { actor: actorOf(p), requestId: req.id });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  const Tool = z.object({ id: z.string(), path: z.string(), title: z.string(), description: z.string() });
  app.get(
    '/api/nav',
    {
      schema: {
        tags: ['platform'],
        summary: 'The tools the signed-in principal may use, grouped by area',
        response: { 200: z.object({ areas: z.array(z.object({ area: z.enum(AREAS), title: z.string(), tools: z.array(Tool) })) }) },
      },
      config: { permission: 'authenticated' },
    },
    async (req) => {
      const p = req.principal!;
      const t = ctx.i18n.forLocale(req.headers['accept-language']);
      const areas = AREAS.map((area) => ({
        area,
        title: t.t(`area.${area}`),
        tools: ctx.modules
          .filter((m) => m.area === area)
          .flatMap((m) => m.nav ?? [])
          .filter((n) => [n.permission, ...(n.orPermissions ?? [])].some((x) => p.permissions.has(x)))
          .map((n) => ({ id: n.id, path: n.path, title: t.t(n.titleKey), description: t.t(n.descriptionKey) })),
      })).filter((a) => a.tools.length > 0);
      return { areas };
    },
  );
}
