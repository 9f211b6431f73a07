// HTTP routes of administration: users, organisations, roles, permissions and API tokens.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { actorOf, generatePassword } from '../../platform/auth/index.js';
import { allPermissions } from './permissions.js';

const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['person', 'machine']),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
const Org = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['agency', 'partner']),
  country: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  userCount: z.number(),
});
const Token = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const IdParam = z.object({ id: z.string().min(1).max(100) });
const boolQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export function adminRoutes(app: HttpApp, ctx: AppContext): void {
  const { directory, credentials } = ctx.auth;
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'List users',
        querystring: z.object({ q: z.string().max(200).optional(), orgId: z.string().max(100).optional(), includeDisabled: boolQuery }),
        response: { 200: z.object({ items: z.array(User) }) },
      },
      config: { permission: 'users.read' },
    },
    async (req) => ({ items: await directory.listUsers(req.query) }),
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user or machine account; a person without a password gets a generated one, shown once',
        body: z.object({
          username: z.string().min(1).max(64),
          displayName: z.string().max(200).default(''),
          orgId: z.string().max(100).optional(),
          kind: z.enum(['person', 'machine']).default('person'),
          roles: z.array(z.string().max(64)).max(20),
          password: z.string().max(1024).optional(),
        }),
        response: { 201: z.object({ user: User, initialPassword: z.string().optional() }) },
      },
      config: { permission: 'users.manage' },
    },
    async (req, reply) => {
      const generated = req.body.kind === 'person' && req.body.password === undefined ? generatePassword() : undefined;
      const user = await directory.createUser({ ...req.body, password: req.body.password ?? generated }, by(req));
      return reply.code(201).send({ user, ...(generated ? { initialPassword: generated } : {}) });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a user: display name, roles, organisation, disabled',
        params: IdParam,
        body: z.object({
          displayName: z.string().max(200).optional(),
          roles: z.array(z.string().max(64)).max(20).optional(),
          orgId: z.string().max(100).optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: User },
      },
      config: { permission: 'users.manage' },
    },
    async (req) => directory.updateUser(req.params.id, req.body, by(req)),
  );

  app.post(
    '/api/admin/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reset a person\u2019s password to a generated one (shown once); ends their sessions',
        params: IdParam,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
      config: { permission: 'users.manage' },
    },
    async (req) => {
      const initialPassword = generatePassword();
      await directory.setPassword(req.params.id, initialPassword, by(req));
      return { initialPassword };
    },
  );

  app.get(
    '/api/admin/orgs',
    { schema: { tags: ['admin'], summary: 'List organisations', response: { 200: z.object({ items: z.array(Org) }) } }, config: { permission: 'users.read' } },
    async () => ({ items: await directory.listOrgs() }),
  );

  app.post(
    '/api/admin/orgs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an organisation (an agency of this State, or a partner)',
        body: z.object({
          name: z.string().min(1).max(200),
          kind: z.enum(['agency', 'partner']).default('agency'),
          country: z.string().max(2).nullable().optional(),
        }),
        response: { 201: Org },
      },
      config: { permission: 'orgs.manage' },
    },
    async (req, reply) => reply.code(201).send(await directory.createOrg(req.body, by(req))),
  );

  app.patch(
    '/api/admin/orgs/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Rename, set the country of, or disable an organisation',
        params: IdParam,
        body: z.object({ name: z.string().min(1).max(200).optional(), country: z.string().max(2).nullable().optional(), disabled: z.boolean().optional() }),
        response: { 200: Org },
      },
      config: { permission: 'orgs.manage' },
    },
    async (req) => directory.updateOrg(req.params.id, req.body, by(req)),
  );

  app.get(
    '/api/admin/roles',
    {
      schema: {
        tags: ['admin'],
        summary: 'Roles and the permissions they hold',
        response: { 200: z.object({ items: z.array(z.object({ name: z.string(), description: z.string(), permissions: z.array(z.string()) })) }) },
      },
      config: { permission: 'users.read' },
    },
    async () => ({ items: directory.roles() }),
  );

  app.get(
    '/api/admin/permissions',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every permission modules declare',
        response: { 200: z.object({ items: z.array(z.object({ name: z.string(), description: z.string(), module: z.string() })) }) },
      },
      config: { permission: 'users.read' },
    },
    async () => ({ items: allPermissions(ctx.modules) }),
  );

  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'API tokens: your own, or with tokens.manage any user\u2019s (userId) or all (userId=*)',
        querystring: z.object({ userId: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(Token) }) },
      },
      config: { permission: 'tokens.own' },
    },
    async (req) => {
      const p = req.principal!;
      const wanted = req.query.userId ?? p.userId;
      if (wanted === '*') {
        credentials.assertCanManageTokensOf(p, '');
        return { items: await credentials.listTokens() };
      }
      credentials.assertCanManageTokensOf(p, wanted);
      return { items: await credentials.listTokens({ userId: wanted }) };
    },
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this response only',
        body: z.object({
          name: z.string().min(1).max(100),
          userId: z.string().max(100).optional(),
          scopes: z.array(z.string().max(100)).max(100).optional(),
          expiresAt: z.string().max(40).nullable().optional(),
        }),
        response: { 201: Token.extend({ token: z.string() }) },
      },
      config: { permission: 'tokens.own' },
    },
    async (req, reply) => {
      const p = req.principal!;
      const userId = req.body.userId ?? p.userId;
      credentials.assertCanManageTokensOf(p, userId);
      return reply.code(201).send(await credentials.createToken({ ...req.body, userId }, by(req)));
    },
  );

  app.delete(
    '/api/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParam }, config: { permission: 'tokens.own' } },
    async (req, reply) => {
      const p = req.principal!;
      await credentials.revokeToken(req.params.id, by(req), p.permissions.has('tokens.manage') ? undefined : p.userId);
      return reply.code(204).send();
    },
  );
}
