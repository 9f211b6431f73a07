// Periodic jobs, once per cluster per period: a process runs a job only after winning its lease row.
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../log.js';
import type { JobDef } from './types.js';

export interface SchedulerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  /** Names this process in the lease table, e.g. `host:pid`. */
  owner: string;
  /** How often to look for due jobs (ms); default 1000. */
  tickMs?: number;
}

export interface Scheduler {
  /** Runs due jobs now and then every tick, until stop(). */
  start(jobs: readonly JobDef[]): Promise<void>;
  /** Aborts running jobs' signals and waits for them to end. */
  stop(): Promise<void>;
  /** Runs, and waits for, every job that is due now by the clock and whose lease this process wins; returns their names. */
  runDue(jobs: readonly JobDef[]): Promise<string[]>;
}

/** A crashed runner's lease lapses after the period, and never sooner than this. */
const MIN_LEASE_SECONDS = 60;
const MAX_ERROR_LENGTH = 2000;

function assertJobs(jobs: readonly JobDef[]): void {
  const names = new Set<string>();
  for (const job of jobs) {
    if (!job.name || names.has(job.name)) throw new Error(`job name ${JSON.stringify(job.name)} is empty or not unique`);
    names.add(job.name);
    if (!Number.isInteger(job.everySeconds) || job.everySeconds < 1) throw new Error(`job ${job.name}: everySeconds must be a whole number of at least 1`);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { db, clock, log, owner } = opts;
  const tickMs = opts.tickMs ?? 1000;
  const k = db.kysely;
  const known = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let abort = new AbortController();
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;

  async function ensureRows(jobs: readonly JobDef[]): Promise<void> {
    for (const job of jobs) {
      if (known.has(job.name)) continue;
      await k
        .insertInto('job_leases')
        .values({ name: job.name })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      known.add(job.name);
    }
  }

  const leaseMs = (job: JobDef) => Math.max(job.everySeconds, MIN_LEASE_SECONDS) * 1000;

  /** One atomic conditional UPDATE: only one process can move a due, unleased job to itself. */
  async function acquire(job: JobDef, nowMs: number): Promise<string | undefined> {
    const now = iso(nowMs);
    const dueIfStartedBy = iso(nowMs - job.everySeconds * 1000);
    const result = await k
      .updateTable('job_leases')
      .set({ owner, lease_until: iso(nowMs + leaseMs(job)), last_started_at: now, last_status: 'running' })
      .where('name', '=', job.name)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .where((eb) => eb.or([eb('last_started_at', 'is', null), eb('last_started_at', '<=', dueIfStartedBy)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? now : undefined;
  }

  /** Keeps the lease of a job that runs long, so no other process starts it meanwhile. */
  function renewLease(job: JobDef, startedAt: string): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        k.updateTable('job_leases')
          .set({ lease_until: iso(clock.now().getTime() + leaseMs(job)) })
          .where('name', '=', job.name)
          .where('owner', '=', owner)
          .where('last_started_at', '=', startedAt)
          .execute()
          .catch((err: unknown) => log.warn({ err, job: job.name }, 'cannot renew job lease'));
      },
      leaseMs(job) / 3,
    );
    timer.unref();
    return timer;
  }

  async function execute(job: JobDef, startedAt: string, signal: AbortSignal): Promise<void> {
    let status = 'ok';
    let error: string | null = null;
    const renewal = renewLease(job, startedAt);
    try {
      await job.run(signal);
      if (signal.aborted) status = 'aborted';
    } catch (err) {
      status = signal.aborted ? 'aborted' : 'failed';
      error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
      log.error({ err, job: job.name }, 'job failed');
    } finally {
      clearInterval(renewal);
    }
    try {
      const result = await k
        .updateTable('job_leases')
        .set({ lease_until: null, last_finished_at: clock.now().toISOString(), last_status: status, last_error: error })
        .where('name', '=', job.name)
        .where('owner', '=', owner)
        .where('last_started_at', '=', startedAt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) log.warn({ job: job.name }, 'job lease was taken over before the job finished');
    } catch (err) {
      log.error({ err, job: job.name }, 'cannot record job result');
    }
  }

  /** Starts every due job this process wins; resolves once they are started, with their completions. */
  async function launchDue(jobs: readonly JobDef[]): Promise<{ name: string; done: Promise<void> }[]> {
    assertJobs(jobs);
    await ensureRows(jobs);
    const nowMs = clock.now().getTime();
    const rows = await k
      .selectFrom('job_leases')
      .select(['name', 'lease_until', 'last_started_at'])
      .where(
        'name',
        'in',
        jobs.map((j) => j.name),
      )
      .execute();
    const byName = new Map(rows.map((r) => [r.name, r]));
    const launched: { name: string; done: Promise<void> }[] = [];
    for (const job of jobs) {
      const row = byName.get(job.name);
      if (running.has(job.name) || !row) continue;
      const free = row.lease_until === null || row.lease_until <= iso(nowMs);
      const due = row.last_started_at === null || row.last_started_at <= iso(nowMs - job.everySeconds * 1000);
      if (!free || !due) continue; // cheap read first, so idle ticks write nothing
      const startedAt = await acquire(job, nowMs);
      if (!startedAt) continue;
      log.debug({ job: job.name }, 'job started');
      const done = execute(job, startedAt, abort.signal).finally(() => running.delete(job.name));
      running.set(job.name, done);
      launched.push({ name: job.name, done });
    }
    return launched;
  }

  async function runDue(jobs: readonly JobDef[]): Promise<string[]> {
    const launched = await launchDue(jobs);
    await Promise.all(launched.map((l) => l.done));
    return launched.map((l) => l.name);
  }

  async function start(jobs: readonly JobDef[]): Promise<void> {
    if (started) throw new Error('scheduler already started');
    assertJobs(jobs);
    await ensureRows(jobs);
    started = true;
    abort = new AbortController();
    const tick = () => {
      ticking = launchDue(jobs)
        .then(() => undefined)
        .catch((err: unknown) => log.error({ err }, 'job scheduling failed'))
        .finally(() => {
          ticking = undefined;
          if (!started) return;
          timer = setTimeout(tick, tickMs);
          timer.unref();
        });
    };
    tick();
  }

  async function stop(): Promise<void> {
    started = false;
    clearTimeout(timer);
    abort.abort();
    await ticking;
    await Promise.all(running.values());
    abort = new AbortController(); // runDue may still be called after stop
  }

  return { start, stop, runDue };
}
