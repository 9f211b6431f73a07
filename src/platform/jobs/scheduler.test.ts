// The job scheduler on SQLite and PostgreSQL: due jobs run once per cluster per period, under a lease.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock.js';
import { openPostgres, openSqlite, type Database } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../log.js';
import { TEST_DATABASE_URL, storeBackends } from '../test-support/services.js';
import { createScheduler, jobsMigrations } from './index.js';
import type { JobDef } from './types.js';

const log = createLogger('silent');
const HOUR_MS = 3_600_000;

/** A second connection to the database `db` is connected to, as another process opens it. */
async function connectAgain(db: Database): Promise<Database> {
  if (db.dialect === 'sqlite') return openSqlite(db.sqlite!.name);
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  return openPostgres(TEST_DATABASE_URL!, rows[0]!.schema);
}

function counted(name: string, everySeconds: number, body: (signal: AbortSignal) => Promise<void> = async () => {}) {
  const job = {
    runs: 0,
    def: {
      name,
      everySeconds,
      run: async (signal: AbortSignal) => {
        job.runs++;
        await body(signal);
      },
    } satisfies JobDef,
  };
  return job;
}

for (const backend of storeBackends('job scheduler')) {
  describe(`job scheduler on ${backend.name}`, () => {
    let db: Database;
    let cleanup: () => Promise<void>;
    let clock: ManualClock;
    const lease = (name: string) => db.kysely.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

    beforeEach(async () => {
      ({ db, cleanup } = await backend.open());
      clock = new ManualClock('2026-03-01T00:00:00.000Z');
      await migrate(db, [jobsMigrations], clock);
    });
    afterEach(() => cleanup());

    it('runs a due job once, and not again before its period has passed', async () => {
      const hourly = counted('reports.hourly', 3600);
      const s = createScheduler({ db, clock, log, owner: 'a' });
      expect(await s.runDue([hourly.def])).toEqual(['reports.hourly']);
      expect(await s.runDue([hourly.def])).toEqual([]);
      clock.advance(HOUR_MS - 1000);
      expect(await s.runDue([hourly.def])).toEqual([]);
      clock.advance(1000);
      expect(await s.runDue([hourly.def])).toEqual(['reports.hourly']);
      expect(hourly.runs).toBe(2);
      expect(await lease('reports.hourly')).toEqual({
        name: 'reports.hourly',
        owner: 'a',
        lease_until: null,
        last_started_at: '2026-03-01T01:00:00.000Z',
        last_finished_at: '2026-03-01T01:00:00.000Z',
        last_status: 'ok',
        last_error: null,
      });
    });

    it('runs a due job exactly once when two schedulers on the same database race for it', async () => {
      const db2 = await connectAgain(db);
      try {
        const job = counted('lists.refresh', 600);
        const a = createScheduler({ db, clock, log, owner: 'a' });
        const b = createScheduler({ db: db2, clock, log, owner: 'b' });
        for (let period = 1; period <= 5; period++) {
          const [ranA, ranB] = await Promise.all([a.runDue([job.def]), b.runDue([job.def])]);
          expect([...ranA, ...ranB]).toEqual(['lists.refresh']);
          expect(job.runs).toBe(period);
          clock.advance(600_000);
        }
      } finally {
        await db2.close();
      }
    });

    it('takes over the lease of a runner that crashed, once the lease has expired', async () => {
      const job = counted('audit.checkpoint', 10);
      const startedAt = clock.now().toISOString();
      await db.kysely
        .insertInto('job_leases')
        .values({
          name: 'audit.checkpoint',
          owner: 'crashed',
          lease_until: new Date(clock.now().getTime() + 60_000).toISOString(),
          last_started_at: startedAt,
          last_status: 'running',
        })
        .execute();
      const s = createScheduler({ db, clock, log, owner: 'b' });
      clock.advance(30_000); // the period has passed, but a lease lasts at least a minute
      expect(await s.runDue([job.def])).toEqual([]);
      clock.advance(30_000);
      expect(await s.runDue([job.def])).toEqual(['audit.checkpoint']);
      expect(await lease('audit.checkpoint')).toMatchObject({ owner: 'b', last_status: 'ok', lease_until: null });
    });

    it('records a failing job’s error and goes on with the other jobs', async () => {
      let fail = true;
      const flaky = counted('imports.fetch', 60, async () => {
        if (fail) throw new Error('feed unreachable');
      });
      const steady = counted('stats.update', 60);
      const s = createScheduler({ db, clock, log, owner: 'a' });
      expect((await s.runDue([flaky.def, steady.def])).sort()).toEqual(['imports.fetch', 'stats.update']);
      expect(await lease('imports.fetch')).toMatchObject({ last_status: 'failed', last_error: 'feed unreachable', lease_until: null });
      expect(await lease('stats.update')).toMatchObject({ last_status: 'ok', last_error: null });
      fail = false;
      clock.advance(60_000);
      expect((await s.runDue([flaky.def, steady.def])).sort()).toEqual(['imports.fetch', 'stats.update']);
      expect(await lease('imports.fetch')).toMatchObject({ last_status: 'ok', last_error: null });
    });

    it('runs due jobs once started; stop aborts a running job and waits for it', async () => {
      let aborted = false;
      const long = counted(
        'archive.compact',
        3600,
        (signal) =>
          new Promise<void>((resolve) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            }),
          ),
      );
      const failing = counted('broken.job', 3600, async () => {
        throw new Error('always');
      });
      const s = createScheduler({ db, clock, log, owner: 'a', tickMs: 20 });
      await s.start([long.def, failing.def]);
      await vi.waitFor(async () => expect((await lease('broken.job')).last_status).toBe('failed'), { timeout: 10_000, interval: 20 });
      expect(long.runs).toBe(1);
      await s.stop();
      expect(aborted).toBe(true);
      expect(await lease('archive.compact')).toMatchObject({ last_status: 'aborted', lease_until: null });
    });
  });
}
