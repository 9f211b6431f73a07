// A whole Vigil (runtime and HTTP app, no port) on a fresh test database, with helpers to act as a role.
import { loadConfig, type Config } from '../platform/config.js';
import { ManualClock, type Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { openRuntime, ensureAdmin, type Runtime } from '../platform/runtime.js';
import { buildHttpApp } from '../platform/http/app.js';
import type { HttpApp } from '../platform/http/types.js';
import type { AppContext } from '../platform/context.js';
import type { ModuleDescriptor } from '../platform/module.js';
import { SYSTEM_ACTOR } from '../platform/audit/types.js';
import { storeBackends, type TestBackend } from '../platform/test-support/services.js';
import { MODULES } from '../modules.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Headers that authenticate a request: cookie and x-csrf-token, or authorization. */
export type AuthHeaders = Record<string, string>;

export interface TestApp {
  ctx: AppContext;
  app: HttpApp;
  runtime: Runtime;
  clock: Clock;
  dataDir: string;
  /** Signs in through the API; returns the headers a browser would send. */
  login(username: string, password?: string): Promise<AuthHeaders>;
  /** Creates a person with these roles and signs them in. */
  as(roles: string | string[], username?: string): Promise<AuthHeaders & { userId: string }>;
  /** Creates a machine account (or uses the given user) and a bearer token for it. */
  token(roles: string | string[], scopes?: string[]): Promise<{ authorization: string; userId: string; tokenId: string }>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  opts: { backend?: TestBackend; clock?: Clock; modules?: readonly ModuleDescriptor[]; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const backend = opts.backend ?? storeBackends('test app')[0]!;
  const { db, dataDir, cleanup } = await backend.open();
  const config: Config = loadConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'silent', VIGIL_ADMIN_PASSWORD: TEST_PASSWORD, ...opts.env });
  const clock = opts.clock ?? new ManualClock(new Date());
  const runtime = await openRuntime(config, opts.modules ?? MODULES, { db, clock, log: createLogger('silent') });
  const ctx = runtime.ctx;
  await ensureAdmin(ctx, () => TEST_PASSWORD);
  const app = await buildHttpApp(ctx, { web: false });
  await app.ready();

  const login = async (username: string, password = TEST_PASSWORD): Promise<AuthHeaders> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'vigil_session');
    return { cookie: `vigil_session=${cookie!.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  };
  const roleList = (r: string | string[]) => (Array.isArray(r) ? r : [r]);

  return {
    ctx,
    app,
    runtime,
    clock,
    dataDir,
    login,
    async as(roles, username) {
      const name = username ?? `${roleList(roles).join('-')}.${++counter}`;
      const user = await ctx.auth.directory.createUser(
        { username: name, displayName: `Test ${name}`, roles: roleList(roles), password: TEST_PASSWORD },
        { actor: SYSTEM_ACTOR },
      );
      return { ...(await login(name)), userId: user.id };
    },
    async token(roles, scopes) {
      const name = `machine-${roleList(roles).join('-')}.${++counter}`;
      const user = await ctx.auth.directory.createUser({ username: name, displayName: name, kind: 'machine', roles: roleList(roles) }, { actor: SYSTEM_ACTOR });
      const t = await ctx.auth.credentials.createToken({ userId: user.id, name: 'test', scopes }, { actor: SYSTEM_ACTOR });
      return { authorization: `Bearer ${t.token}`, userId: user.id, tokenId: t.id };
    },
    async close() {
      await app.close();
      await runtime.close();
      await cleanup();
    },
  };
}
