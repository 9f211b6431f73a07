// In-process event delivery: hands each consumer its events in order from a durable position. Woken at once by local
// commits (a kick, an emit through the wired outbox, a handler that finished: what it emitted is committed by then) and by
// a poll for what other processes commit, e.g. a CLI command.
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { OutboxRow } from '../db/schema.js';
import type { Logger } from '../log.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY_MS, assertConsumers, clearFailure, recordFailure, retryDelay, sleep } from './deliveries.js';
import { maxSeq, sequenceOutbox } from './sequence.js';
import type { ConsumerDef, DeliveredEvent, EventTransport } from './types.js';

export interface EmbeddedTransportOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  /** How often to look for events committed by other processes, e.g. a CLI command (ms); default 500. */
  pollMs?: number;
  /** Deliveries of one event to a consumer before it is parked; default 5. */
  maxAttempts?: number;
  /** Delay before the first retry (ms), doubling for each further one up to a minute; default 1000. */
  retryDelayMs?: number;
}

const BATCH = 100;
/**
 * After a kick, how soon to look again, doubling up to the poll interval: a kick from inside a transaction may come before
 * its commit (PostgreSQL; SQLite's one connection runs the look after the commit), and a look that found other events
 * says nothing about this one.
 */
const FOLLOW_UP_MS = 20;
type Row = Omit<OutboxRow, 'id'> & { id: number };

/** One consumer's delivery state in this process. */
interface Worker {
  def: ConsumerDef;
  topics: string[];
  /** Last `seq` handled or skipped; never behind the saved position. */
  position: number;
  /** Failed deliveries so far, by event id, for events still being retried. */
  failures: Map<number, number>;
  run: Promise<void> | undefined;
  again: boolean;
  retryTimer: NodeJS.Timeout | undefined;
}

export function createEmbeddedTransport(opts: EmbeddedTransportOptions): EventTransport {
  const { db, clock, log } = opts;
  const pollMs = opts.pollMs ?? 500;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryBaseMs = opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const k = db.kysely;
  let workers: Worker[] = [];
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  /** After a kick: the delay of the next look (0: none pending). */
  let followUpMs = 0;

  const schedulePoll = (ms: number) => {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
    timer.unref();
  };

  function poll(): void {
    if (!running) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    pollAgain = false;
    polling = (async () => {
      await sequenceOutbox(db);
      const top = await maxSeq(db);
      // Idle consumers cost nothing; one moved on by another process refreshes its position when woken.
      for (const w of workers) if (w.position < top) wake(w);
    })()
      .catch((err: unknown) => log.error({ err }, 'event outbox poll failed'))
      .finally(() => {
        polling = undefined;
        if (pollAgain) return schedulePoll(0);
        if (followUpMs >= pollMs) followUpMs = 0;
        if (!followUpMs) return schedulePoll(pollMs);
        schedulePoll(followUpMs);
        followUpMs *= 2;
      });
  }

  /** A local commit (or a transaction about to commit) wrote events: look now, and a few times soon after. */
  function kick(): void {
    followUpMs = FOLLOW_UP_MS;
    poll();
  }

  function wake(w: Worker): void {
    if (!running || w.retryTimer) return;
    if (w.run) {
      w.again = true;
      return;
    }
    w.run = (async () => {
      do {
        w.again = false;
        try {
          await catchUp(w);
        } catch (err) {
          log.error({ err, consumer: w.def.name }, 'event delivery failed; retrying at the next poll');
          return;
        }
      } while (w.again && running && !w.retryTimer);
    })().finally(() => {
      w.run = undefined;
    });
  }

  async function save(w: Worker, position: number): Promise<void> {
    if (position <= w.position) return;
    w.position = position;
    await k
      .updateTable('event_offsets')
      .set({ position, updated_at: clock.now().toISOString() })
      .where('consumer', '=', w.def.name)
      .where('position', '<', position)
      .execute();
  }

  /** Delivers everything after the worker's position; stops early while an event awaits its retry. */
  async function catchUp(w: Worker): Promise<void> {
    const saved = await k.selectFrom('event_offsets').select('position').where('consumer', '=', w.def.name).executeTakeFirst();
    if (saved && saved.position > w.position) w.position = saved.position; // another process moved on
    const top = await maxSeq(db);
    while (running && w.position < top) {
      const rows: Row[] = await k
        .selectFrom('outbox')
        .selectAll()
        .where('seq', '>', w.position)
        .where('seq', '<=', top)
        .where('topic', 'in', w.topics)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      // The position is saved once per batch: after a crash at most one batch is delivered again.
      let done = w.position;
      for (const row of rows) {
        if (!running || !(await deliver(w, row))) {
          await save(w, done);
          return;
        }
        done = Number(row.seq);
        // A handler commits what it emits before it returns: sequence it now rather than at the next poll, so a
        // consumer of those events (e.g. screening after assembly) starts while this one goes on.
        poll();
      }
      await save(w, rows.length < BATCH ? top : done); // below BATCH: nothing subscribed is left up to `top`
    }
  }

  /** True when the worker may go on to the next event (handled or parked). */
  async function deliver(w: Worker, row: Row): Promise<boolean> {
    const failed = w.failures.get(row.id) ?? 0;
    const event: DeliveredEvent = {
      id: row.id,
      topic: row.topic,
      key: row.key,
      payload: JSON.parse(row.payload),
      createdAt: row.created_at,
      attempt: failed + 1,
    };
    try {
      await w.def.handle(event);
    } catch (error) {
      const parked = event.attempt >= maxAttempts;
      const ctx = { consumer: w.def.name, eventId: row.id, topic: row.topic, attempt: event.attempt, err: error };
      await recordFailure(db, clock, { consumer: w.def.name, eventId: row.id, topic: row.topic, payload: row.payload, attempts: event.attempt, error, parked });
      if (!parked) {
        w.failures.set(row.id, event.attempt);
        log.warn(ctx, 'event handler failed; will retry');
        w.retryTimer = setTimeout(
          () => {
            w.retryTimer = undefined;
            wake(w);
          },
          retryDelay(retryBaseMs, event.attempt),
        );
        w.retryTimer.unref();
        return false;
      }
      log.error(ctx, `event handler failed ${event.attempt} times; event parked in event_failures`);
      w.failures.delete(row.id);
      return true;
    }
    if (w.failures.delete(row.id)) await clearFailure(db, w.def.name, row.id);
    return true;
  }

  async function start(consumers: readonly ConsumerDef[], startOpts: { relay?: boolean; consume?: boolean } = {}): Promise<void> {
    if (running) throw new Error('event transport already started');
    assertConsumers(consumers);
    const active = startOpts.consume === false ? [] : consumers;
    const now = clock.now().toISOString();
    const loaded: Worker[] = [];
    for (const def of active) {
      await k
        .insertInto('event_offsets')
        .values({ consumer: def.name, position: 0, updated_at: now })
        .onConflict((oc) => oc.column('consumer').doNothing())
        .execute();
      const saved = await k.selectFrom('event_offsets').select('position').where('consumer', '=', def.name).executeTakeFirstOrThrow();
      const failing = await k.selectFrom('event_failures').select(['event_id', 'attempts']).where('consumer', '=', def.name).where('parked', '=', 0).execute();
      loaded.push({
        def,
        topics: [...new Set(def.topics)],
        position: saved.position,
        failures: new Map(failing.map((f) => [f.event_id, f.attempts])),
        run: undefined,
        again: false,
        retryTimer: undefined,
      });
    }
    workers = loaded;
    running = true;
    poll();
  }

  async function drain(timeoutMs = 30_000): Promise<void> {
    if (workers.length === 0) return;
    if (!running) throw new Error('event transport is stopped');
    const deadline = Date.now() + timeoutMs;
    await sequenceOutbox(db);
    const target = await maxSeq(db);
    const names = workers.map((w) => w.def.name);
    poll();
    for (;;) {
      const behind = await k.selectFrom('event_offsets').select('consumer').where('consumer', 'in', names).where('position', '<', target).execute();
      if (behind.length === 0) return;
      if (Date.now() >= deadline) {
        throw new Error(`events not drained within ${timeoutMs} ms: ${behind.map((b) => b.consumer).join(', ')} behind event seq ${target}`);
      }
      await sleep(Math.min(25, pollMs));
    }
  }

  async function stop(): Promise<void> {
    running = false;
    clearTimeout(timer);
    for (const w of workers) {
      clearTimeout(w.retryTimer);
      w.retryTimer = undefined;
    }
    await polling;
    await Promise.all(workers.map((w) => w.run));
  }

  return { kind: 'embedded', start, kick, drain, stop };
}
