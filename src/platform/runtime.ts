// Assembles the application context from configuration and modules, and runs its background work.
import { hostname } from 'node:os';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Database } from './db/index.js';
import { migrate, type MigrationSet } from './db/migrate.js';
import { createLogger, type Logger } from './log.js';
import { AppError } from './errors.js';
import { createAuditLog, auditMigrations, auditCheckpointJob } from './audit/index.js';
import { createOutbox, createTransport, eventsMigrations, outboxCleanupJob } from './events/index.js';
import { createScheduler, jobsMigrations } from './jobs/index.js';
import type { JobDef } from './jobs/types.js';
import { authMigrations, createAuthService } from './auth/index.js';
import { createTranslator } from './i18n/index.js';
import { createMetricsRegistry } from './http/metrics.js';
import type { AppContext } from './context.js';
import type { ModuleDescriptor, PermissionDef } from './module.js';
import { SYSTEM_ACTOR } from './audit/types.js';

/** Permissions of the platform itself (modules declare theirs). */
export const PLATFORM_PERMISSIONS: readonly PermissionDef[] = [{ name: 'metrics.read', description: 'Read operational metrics', roles: ['admin'] }];

export interface Runtime {
  readonly ctx: AppContext;
  /** Starts event delivery and periodic jobs, as the process role allows. */
  startBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
  /** Use this database instead of opening the configured one (tests). */
  db?: Database;
}

function validateModules(modules: readonly ModuleDescriptor[]): PermissionDef[] {
  const names = new Set<string>();
  const permissions = new Map<string, PermissionDef>();
  const consumers = new Set<string>();
  const jobs = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two modules are named ${m.name}`);
    names.add(m.name);
    for (const p of m.permissions ?? []) {
      if (permissions.has(p.name)) throw new Error(`permission ${p.name} is declared twice (module ${m.name})`);
      permissions.set(p.name, p);
    }
    // Consumers built from the context are checked when the transport starts.
    for (const c of typeof m.consumers === 'function' ? [] : (m.consumers ?? [])) {
      if (consumers.has(c.name)) throw new Error(`event consumer ${c.name} is declared twice (module ${m.name})`);
      consumers.add(c.name);
    }
    // Jobs built from the context are checked when the scheduler starts (it refuses duplicate names).
    for (const j of typeof m.jobs === 'function' ? [] : (m.jobs ?? [])) {
      if (jobs.has(j.name)) throw new Error(`job ${j.name} is declared twice (module ${m.name})`);
      jobs.add(j.name);
    }
  }
  for (const p of PLATFORM_PERMISSIONS) permissions.set(p.name, p);
  return [...permissions.values()];
}

export function migrationSets(modules: readonly ModuleDescriptor[]): MigrationSet[] {
  return [
    authMigrations,
    auditMigrations,
    eventsMigrations,
    jobsMigrations,
    ...modules.filter((m) => m.migrations?.length).map((m) => ({ owner: m.name, migrations: m.migrations! })),
  ];
}

export async function openRuntime(config: Config, modules: readonly ModuleDescriptor[], opts: RuntimeOptions = {}): Promise<Runtime> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  const permissions = validateModules(modules);
  let db: Database;
  try {
    db = opts.db ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
    await db.ping();
  } catch (err) {
    throw new AppError('unavailable', `The database is unavailable: ${(err as Error).message}`);
  }
  await migrate(db, migrationSets(modules), clock);
  const audit = createAuditLog({ db, clock, config, log });
  const auth = createAuthService({ db, clock, audit, sessionTtlMinutes: config.sessionTtlMinutes });
  await auth.directory.syncRoles(permissions);
  const events = createTransport({ db, clock, log, natsUrl: config.natsUrl, stream: config.eventStream });
  const ctx: AppContext = {
    config,
    db,
    clock,
    log,
    audit,
    // Every emit asks the transport to look at once, so a local commit is delivered without waiting for the poll.
    outbox: createOutbox(clock, { onEmit: () => events.kick() }),
    events,
    auth,
    i18n: createTranslator(modules.flatMap((m) => (m.messages ? [m.messages] : []))),
    metrics: createMetricsRegistry(),
    modules,
  };
  const scheduler = createScheduler({ db, clock, log, owner: `${hostname()}:${process.pid}` });
  let started = false;

  const platformJobs: JobDef[] = [
    auditCheckpointJob(audit, config.auditCheckpointSeconds),
    outboxCleanupJob(db, clock),
    {
      name: 'auth.purge-expired-sessions',
      everySeconds: 3600,
      run: async () => {
        await auth.credentials.purgeExpiredSessions();
      },
    },
  ];

  return {
    ctx,
    async startBackground() {
      if (started) return;
      started = true;
      const consumers = modules.flatMap((m) => (typeof m.consumers === 'function' ? m.consumers(ctx) : (m.consumers ?? [])));
      const seen = new Set<string>();
      for (const c of consumers) {
        if (seen.has(c.name)) throw new Error(`event consumer ${c.name} is declared twice`);
        seen.add(c.name);
      }
      const worker = config.role !== 'api';
      await events.start(consumers, { relay: worker, consume: worker });
      if (worker) await scheduler.start([...platformJobs, ...modules.flatMap((m) => (typeof m.jobs === 'function' ? m.jobs(ctx) : (m.jobs ?? [])))]);
    },
    async close() {
      if (started) {
        await scheduler.stop();
        await events.stop();
      }
      await audit.checkpoint().catch((err: unknown) => log.warn({ err }, 'final audit checkpoint failed'));
      if (!opts.db) await db.close();
    },
  };
}

/** Makes sure an administrator exists; returns the generated password when one was made. */
export async function ensureAdmin(ctx: AppContext, generate: () => string): Promise<{ username: string; created: boolean; password?: string }> {
  const admins = (await ctx.auth.directory.listUsers({ includeDisabled: true })).filter((u) => u.roles.includes('admin'));
  if (admins.length) return { username: admins[0]!.username, created: false };
  const password = ctx.config.adminPassword ?? generate();
  const org = await ctx.auth.directory.defaultOrg({ actor: SYSTEM_ACTOR });
  await ctx.auth.directory.createUser({ username: 'admin', displayName: 'Administrator', orgId: org.id, roles: ['admin'], password }, { actor: SYSTEM_ACTOR });
  return ctx.config.adminPassword ? { username: 'admin', created: true } : { username: 'admin', created: true, password };
}

/** Loads each module's demo data once per database. */
export async function loadDemo(ctx: AppContext): Promise<{ loaded: string[]; notes: string[] }> {
  const loaded: string[] = [];
  const notes: string[] = [];
  for (const m of ctx.modules) {
    if (!m.demo) continue;
    const key = `demo:${m.name}`;
    const done = await ctx.db.kysely.selectFrom('vigil_state').select('key').where('key', '=', key).executeTakeFirst();
    if (done) continue;
    notes.push(...((await m.demo(ctx)) ?? []));
    await ctx.db.kysely.insertInto('vigil_state').values({ key, value: '1', updated_at: ctx.clock.now().toISOString() }).execute();
    loaded.push(m.name);
  }
  return { loaded, notes };
}
