// Administration through the API: users, organisations, roles, tokens, and what the audit trail keeps of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../test-support/app.js';

describe('administration', () => {
  let t: TestApp;
  let admin: AuthHeaders;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('creates a user with a generated password shown once, who can then sign in', async () => {
    const orgs = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: admin, payload: { name: 'Northern Crossing Point', country: 'AT' } });
    expect(orgs.statusCode).toBe(201);
    expect(orgs.json().country).toBe('at');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload: { username: 'Officer.Example', displayName: 'Officer Example', orgId: orgs.json().id, roles: ['officer'] },
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user.username).toBe('officer.example');
    expect(user.orgName).toBe('Northern Crossing Point');
    expect(initialPassword).toMatch(/^[\w-]{20,}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.example', password: initialPassword } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.permissions).not.toContain('users.manage');
    const list = await t.app.inject({ url: '/api/admin/users?q=officer', headers: admin });
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['officer.example']);
  });

  it('rejects duplicates, unknown roles and weak passwords with the field named', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { username: 'admin', roles: ['admin'] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('username');
    const role = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { username: 'someone', roles: ['wizard'] } });
    expect(role.statusCode).toBe(400);
    expect(role.json().field).toBe('roles');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload: { username: 'someone', roles: ['analyst'], password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('password');
  });

  it('changes roles, and disabling ends the user\u2019s sessions', async () => {
    const analyst = await t.as('analyst');
    const up = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${analyst.userId}`,
      headers: admin,
      payload: { roles: ['analyst', 'supervisor'] },
    });
    expect(up.json().roles).toEqual(['analyst', 'supervisor']);
    const me = await t.app.inject({ url: '/api/me', headers: analyst });
    expect(me.json().user.permissions).toContain('users.read');
    await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${analyst.userId}`, headers: admin, payload: { disabled: true } });
    expect((await t.app.inject({ url: '/api/me', headers: analyst })).statusCode).toBe(401);
  });

  it('does not let an admin disable themselves', async () => {
    const meRes = await t.app.inject({ url: '/api/me', headers: admin });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${meRes.json().user.id}`, headers: admin, payload: { disabled: true } });
    expect(res.statusCode).toBe(409);
  });

  it('resets a password, ending the old sessions', async () => {
    const officer = await t.as('officer');
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/users/${officer.userId}/password`, headers: admin });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: officer })).statusCode).toBe(401);
  });

  it('lists roles with the permissions modules grant them', async () => {
    const res = await t.app.inject({ url: '/api/admin/roles', headers: admin });
    const roles = Object.fromEntries(res.json().items.map((r: { name: string; permissions: string[] }) => [r.name, r.permissions]));
    expect(Object.keys(roles).sort()).toEqual(['admin', 'analyst', 'auditor', 'carrier', 'dpo', 'officer', 'partner', 'supervisor']);
    expect(roles.admin).toContain('users.manage');
    expect(roles.auditor).toContain('audit.read');
    expect(roles.officer).not.toContain('audit.read');
  });

  it('keeps users to their own tokens unless they hold tokens.manage', async () => {
    const analyst = await t.as('analyst');
    const mine = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: analyst, payload: { name: 'mine' } });
    expect(mine.statusCode).toBe(201);
    const other = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: analyst, payload: { name: 'theirs', userId: 'usr_someoneelse' } });
    expect(other.statusCode).toBe(403);
    const scoped = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: analyst, payload: { name: 'x', scopes: ['users.manage'] } });
    expect(scoped.statusCode).toBe(400);
    expect(scoped.json().field).toBe('scopes');
    const all = await t.app.inject({ url: '/api/tokens?userId=*', headers: analyst });
    expect(all.statusCode).toBe(403);
  });

  it('shows each user the tools they may use, grouped by area', async () => {
    const officer = await t.as('officer');
    const nav = await t.app.inject({ url: '/api/nav', headers: officer });
    const tools = nav.json().areas.flatMap((a: { tools: { id: string }[] }) => a.tools.map((x) => x.id));
    expect(tools).not.toContain('admin');
    expect(tools).not.toContain('audit');
    const adminNav = await t.app.inject({ url: '/api/nav', headers: admin });
    const platform = adminNav.json().areas.find((a: { area: string }) => a.area === 'platform');
    expect(platform.title).toBe('Administration and oversight');
    expect(platform.tools.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['admin', 'tokens', 'audit']));
  });

  it('audits administration with ids, never names or passwords', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload: { username: 'zzaudit.subject', displayName: 'Zebulon Quagmire', roles: ['analyst'], password: 'a long enough secret' },
    });
    const id = res.json().user.id;
    const rows = await t.ctx.audit.search({ targetId: id });
    expect(rows.map((r) => r.action)).toEqual(['user.create']);
    const dump = JSON.stringify(await t.ctx.audit.search({ limit: 1000 }));
    expect(dump).not.toContain('Zebulon');
    expect(dump).not.toContain('zzaudit.subject');
    expect(dump).not.toContain('a long enough secret');
  });
});
