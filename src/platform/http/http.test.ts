// The HTTP contract: every route authenticated unless listed public, permissions, CSRF, problems, headers, metrics.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/app.js';
import { ManualClock } from '../clock.js';
import { PUBLIC_ROUTES } from './public-routes.js';
import { buildHttpApp, webDistDir } from './app.js';
import { createLogger } from '../log.js';
import type { ModuleDescriptor } from '../module.js';

const concrete = (url: string) => url.replace(/:(\w+)/g, 'x').replace(/\*$/, 'anything');
const isProblem = (res: { headers: Record<string, unknown> }) => String(res.headers['content-type']).startsWith('application/problem+json');

describe('HTTP access', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('answers 401 problem+json on every non-public route without credentials', async () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(15);
    const publicOnes = routes.filter((r) => PUBLIC_ROUTES.some((p) => p.method === r.method && p.url === r.url && !p.when));
    expect(publicOnes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /cbm/answer/:token',
      'GET /health',
      'GET /ready',
      'POST /api/auth/login',
      'POST /cbm/answer/:token',
    ]);
    for (const r of routes.filter((x) => !publicOnes.includes(x))) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      if (r.url.startsWith('/taxii2')) {
        // TAXII defines its own error body (DESIGN.md: the standard's body is used where one exists).
        expect(res.headers['content-type'], `${r.method} ${r.url}`).toBe('application/taxii+json;version=2.1');
        expect(res.json()).toMatchObject({ title: 'Unauthenticated', http_status: '401' });
        continue;
      }
      expect(isProblem(res), `${r.method} ${r.url}`).toBe(true);
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('answers 401, not 404, for unknown API paths without credentials, and 404 with them', async () => {
    expect((await t.app.inject({ url: '/api/no-such-thing' })).statusCode).toBe(401);
    const officer = await t.as('officer');
    const res = await t.app.inject({ url: '/api/no-such-thing', headers: officer });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not-found');
  });

  it('refuses at boot a route that declares no permission', async () => {
    const rogue: ModuleDescriptor = {
      name: 'rogue',
      area: 'platform',
      routes: (app) => {
        app.get('/api/rogue', async () => ({ secret: true }));
      },
    };
    await expect(buildHttpApp({ ...t.ctx, modules: [...t.ctx.modules, rogue] }, { web: false })).rejects.toThrow(/declares no permission/);
  });

  it('gives an officer 403 on admin and audit routes, and records the denial', async () => {
    const officer = await t.as('officer');
    for (const [method, url] of [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/orgs'],
      ['GET', '/api/audit'],
      ['GET', '/metrics'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: officer, payload: method === 'POST' ? { name: 'X' } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const denied = await t.ctx.audit.search({ action: 'access.denied', actorId: officer.userId });
    expect(denied.length).toBe(4);
    expect(denied[0]!.outcome).toBe('denied');
  });

  it('lets an admin reach admin routes', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ url: '/api/admin/users', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toContain('admin');
  });
});

describe('sessions', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('sets an HttpOnly SameSite=Strict cookie and answers /api/me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/vigil_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP in tests; Secure behind TLS
    const body = res.json();
    expect(body.user.roles).toEqual(['admin']);
    expect(body.user.permissions).toContain('users.manage');
    const cookie = res.cookies.find((c) => c.name === 'vigil_session')!.value;
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: `vigil_session=${cookie}` } });
    expect(me.json().user.username).toBe('admin');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // trustProxy is off by default, so a forwarded header alone must not change the cookie
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
    const tls = await createTestApp({ env: { VIGIL_TRUST_PROXY: '1' } });
    try {
      const r = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(String(r.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await tls.close();
    }
  });

  it('refuses unsafe requests without the CSRF token', async () => {
    const admin = await t.login('admin');
    const without = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: { cookie: admin.cookie! }, payload: { name: 'CSRF Test Agency' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf-failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/admin/orgs',
      headers: { cookie: admin.cookie!, 'x-csrf-token': 'nope' },
      payload: { name: 'CSRF Test Agency' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: admin, payload: { name: 'CSRF Test Agency' } });
    expect(ok.statusCode).toBe(201);
  });

  it('throttles repeated failures with 429 and Retry-After, and lifts it with time', async () => {
    await t.as('analyst', 'throttled.user');
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'throttled.user', password }, remoteAddress: '10.9.9.9' });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!')).statusCode).toBe(401);
    const blocked = await attempt('wrong password!');
    expect(blocked.statusCode).toBe(401); // the sixth failure sets the lock
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate-limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same for an unknown user as for a wrong password', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody.here', password: 'whatever password' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'whatever password' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it('ends the session at logout and after the TTL', async () => {
    const s = await t.login('admin');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: s })).statusCode).toBe(401);
    const s2 = await t.login('admin');
    clock.advance((t.ctx.config.sessionTtlMinutes + 1) * 60_000);
    expect((await t.app.inject({ url: '/api/me', headers: s2 })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('authenticate a machine account, with scopes limiting what it may do', async () => {
    const full = await t.token(['admin']);
    expect((await t.app.inject({ url: '/api/admin/users', headers: { authorization: full.authorization! } })).statusCode).toBe(200);
    const scoped = await t.token(['admin'], ['tokens.own']);
    const res = await t.app.inject({ url: '/api/admin/users', headers: { authorization: scoped.authorization! } });
    expect(res.statusCode).toBe(403);
  });

  it('need no CSRF token', async () => {
    const m = await t.token(['admin']);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: { authorization: m.authorization! }, payload: { name: 'Token Agency' } });
    expect(res.statusCode).toBe(201);
  });

  it('stop working when revoked, when expired or when the user is disabled', async () => {
    const m = await t.token(['analyst']);
    const h = { authorization: m.authorization! };
    expect((await t.app.inject({ url: '/api/me', headers: h })).statusCode).toBe(200);
    const admin = await t.login('admin');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${m.tokenId}`, headers: admin })).statusCode).toBe(204);
    const revoked = await t.app.inject({ url: '/api/me', headers: h });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid-token');

    const m2 = await t.token(['analyst']);
    await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${m2.userId}`, headers: admin, payload: { disabled: true } });
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: m2.authorization! } })).statusCode).toBe(401);

    expect((await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer vigil_garbage' } })).statusCode).toBe(401);
  });

  it('are stored only as hashes and shown once', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: 'script' } });
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    const secret = token.split('.')[1];
    const row = await t.ctx.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await t.app.inject({ url: '/api/tokens', headers: admin });
    expect(list.body).not.toContain(secret);
  });
});

describe('problems, limits and headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIL_BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(() => t.close());

  it('names the invalid field', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { username: 'x'.repeat(300), roles: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(isProblem(res)).toBe(true);
    const body = res.json();
    expect(body.code).toBe('validation-failed');
    expect(body.invalidParams.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['username', 'roles']));
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses malformed JSON and oversized bodies as problems', async () => {
    const admin = await t.login('admin');
    const bad = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(isProblem(bad)).toBe(true);
    const big = await t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: admin, payload: { name: 'x'.repeat(10_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload-too-large');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'req-12345678' } });
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('req-12345678');
    expect(res.headers['referrer-policy']).toBeDefined();
  });

  it('reports readiness', async () => {
    const res = await t.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.database).toBe('ok');
  });

  it('serves metrics to a token holding metrics.read, and the OpenAPI document to any principal', async () => {
    const m = await t.token(['admin'], ['metrics.read']);
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: m.authorization! } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/vigil_http_request_duration_seconds/);
    const officer = await t.as('officer');
    const doc = await t.app.inject({ url: '/api/openapi.json', headers: officer });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/admin/users');
  });
});

describe('web workbench files', () => {
  const web = webDistDir();
  if (!web) console.warn('skipped: the web workbench is not built (npm run build)');
  /** A GET with the path sent exactly as written (fetch and inject resolve dot segments first, as browsers do). */
  const rawGet = (port: number, path: string) =>
    new Promise<{ status: number; type: string; body: string }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', fail);
      req.end();
    });
  it.skipIf(!web)('serves the workbench and its deep links, and refuses paths that climb out of it as problems', async () => {
    const t = await createTestApp();
    const app = await buildHttpApp(t.ctx, {});
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const port = (app.server.address() as AddressInfo).port;
      for (const path of ['/', '/screening']) {
        const page = await rawGet(port, path);
        expect(page.status).toBe(200);
        expect(page.body).toMatch(/^<!doctype html>/i);
      }
      for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e/%2e%2e/%2e%2e/package.json', '/.%2e/.%2e/etc/passwd']) {
        const res = await rawGet(port, path);
        expect(res.status, path).toBe(403);
        expect(res.type, path).toMatch(/^application\/problem\+json/);
        expect(res.body, path).not.toMatch(/root:|"name": "vigil"/);
      }
    } finally {
      await app.close();
      await t.close();
    }
  });
});

describe('public metrics and logs', () => {
  it('serves /metrics without a token only when VIGIL_METRICS_PUBLIC=1', async () => {
    const t = await createTestApp({ env: { VIGIL_METRICS_PUBLIC: '1' } });
    try {
      expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('never logs passwords, cookies or tokens', async () => {
    const t = await createTestApp();
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logged += String(chunk);
        cb();
      },
    });
    try {
      const app = await buildHttpApp({ ...t.ctx, log: createLogger('trace', sink) }, { web: false });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
      const cookie = login.cookies.find((c) => c.name === 'vigil_session')!.value;
      const m = await t.token(['admin']);
      await app.inject({ url: '/api/me', headers: { cookie: `vigil_session=${cookie}` } });
      await app.inject({ url: '/api/me', headers: { authorization: m.authorization! } });
      await app.close();
      expect(logged.length).toBeGreaterThan(100);
      expect(logged).not.toContain(TEST_PASSWORD);
      expect(logged).not.toContain(cookie);
      expect(logged).not.toContain(m.authorization!.split('.')[1]);
    } finally {
      await t.close();
    }
  });
});
