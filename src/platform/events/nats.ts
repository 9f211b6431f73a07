// Scale-out event delivery: a relay moves outbox rows to NATS JetStream; durable pull consumers share the work.
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg, NatsConnection } from 'nats';
import type { Clock } from '../clock.js';
import type { Database, Executor } from '../db/index.js';
import type { OutboxRow } from '../db/schema.js';
import type { Logger } from '../log.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY_MS, assertConsumers, clearFailure, recordFailure, retryDelay, sleep } from './deliveries.js';
import { connectNats, durableName, ensureConsumer, ensureStream, safeNatsUrl } from './nats-setup.js';
import type { ConsumerDef, DeliveredEvent, EventTransport } from './types.js';

export interface NatsTransportOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  /** `nats://[user:pass@]host:port` or `tls://…`; credentials never appear in errors or logs. */
  natsUrl: string;
  /** JetStream stream name (letters, digits, '_', '-'); subjects are `<stream lower-cased>.<topic>`. */
  stream: string;
  /** How often the relay looks for unpublished outbox rows (ms); default 500. */
  pollMs?: number;
  /** Deliveries of one event to a consumer before it is parked; default 5. */
  maxAttempts?: number;
  /** Delay before the first redelivery after a failure (ms), doubling up to a minute; default 1000. */
  retryDelayMs?: number;
  /** Time a handler may run before NATS redelivers (the client extends it while the handler runs); default 60 s. */
  ackWaitMs?: number;
  /** Window in which NATS drops a re-published outbox id (relay crash between publish and marking); default 1 h. */
  dedupeWindowMs?: number;
  /** How long the stream keeps messages, so a new consumer can start from them; default 7 days. */
  maxAgeMs?: number;
}

interface Envelope {
  id: number;
  topic: string;
  key: string | null;
  createdAt: string;
  payload: unknown;
}

type Row = Omit<OutboxRow, 'id'> & { id: number };
const BATCH = 100;
const FOLLOW_UP_MS = 20;

export function createNatsTransport(opts: NatsTransportOptions): EventTransport {
  const { db, clock, log, stream } = opts;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new Error(`invalid NATS stream name ${JSON.stringify(stream)}`);
  const prefix = stream.toLowerCase();
  const pollMs = opts.pollMs ?? 500;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryBaseMs = opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const ackWaitMs = opts.ackWaitMs ?? 60_000;
  const k = db.kysely;
  let nc: NatsConnection | undefined;
  let jsm: JetStreamManager | undefined;
  let js: JetStreamClient | undefined;
  let running = false;
  let relayOn = false;
  let durables: string[] = [];
  let relayTimer: NodeJS.Timeout | undefined;
  let relaying: Promise<void> | undefined;
  let relayAgain = false;
  /** After a kick: the delay of the next relay, doubling up to the poll interval (a kick may come before its commit); 0: none. */
  let followUpMs = 0;
  let stopped: () => void = () => {};
  let whenStopped = Promise.resolve();
  const loops: Promise<void>[] = [];
  const iterators = new Set<ConsumerMessages>();

  async function publishAndMark(ex: Executor, rows: Row[]): Promise<void> {
    await Promise.all(
      rows.map((r) => {
        const envelope: Envelope = { id: r.id, topic: r.topic, key: r.key, createdAt: r.created_at, payload: JSON.parse(r.payload) };
        return js!.publish(`${prefix}.${r.topic}`, JSON.stringify(envelope), { msgID: String(r.id), expect: { streamName: stream } });
      }),
    );
    await ex
      .updateTable('outbox')
      .set({ published_at: clock.now().toISOString() })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  }

  /** Publishes one batch; on PostgreSQL rows another relay holds are skipped, so relays share the work. */
  async function relayBatch(): Promise<number> {
    const unpublished = (ex: Executor) => ex.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').limit(BATCH);
    if (db.dialect === 'postgres') {
      return db.transaction(async (trx) => {
        const rows = await unpublished(trx).forUpdate().skipLocked().execute();
        if (rows.length > 0) await publishAndMark(trx, rows);
        return rows.length;
      });
    }
    // SQLite: no transaction around the publishes (it would hold the write lock); a repeat is dropped by NATS's dedupe.
    const rows = await unpublished(k).execute();
    if (rows.length > 0) await publishAndMark(k, rows);
    return rows.length;
  }

  function relay(): void {
    if (!running || !relayOn) return;
    if (relaying) {
      relayAgain = true;
      return;
    }
    relayAgain = false;
    relaying = (async () => {
      while (running && (await relayBatch()) === BATCH);
    })()
      .catch((err: unknown) => log.error({ err }, 'event relay to NATS failed; retrying'))
      .finally(() => {
        relaying = undefined;
        if (!running) return;
        clearTimeout(relayTimer);
        let delay = pollMs;
        if (relayAgain) delay = 0;
        else if (followUpMs >= pollMs) followUpMs = 0;
        else if (followUpMs) {
          delay = followUpMs;
          followUpMs *= 2;
        }
        relayTimer = setTimeout(relay, delay);
        relayTimer.unref();
      });
  }

  /** A local commit (or a transaction about to commit) wrote events: relay now, and a few times soon after. */
  function kick(): void {
    followUpMs = FOLLOW_UP_MS;
    relay();
  }

  async function handle(def: ConsumerDef, topics: ReadonlySet<string>, m: JsMsg): Promise<void> {
    let env: Envelope;
    try {
      env = m.json<Envelope>();
      if (typeof env.id !== 'number' || typeof env.topic !== 'string' || typeof env.createdAt !== 'string') throw new Error('not an event envelope');
    } catch (err) {
      log.error({ err, consumer: def.name, subject: m.subject }, 'undecodable event message dropped');
      m.term();
      return;
    }
    if (!topics.has(env.topic)) {
      m.ack();
      return;
    }
    const event: DeliveredEvent = { id: env.id, topic: env.topic, key: env.key, payload: env.payload, createdAt: env.createdAt, attempt: m.info.deliveryCount };
    const keepAlive = setInterval(() => m.working(), Math.max(1000, ackWaitMs / 3)); // a long handler keeps its message
    keepAlive.unref();
    try {
      await def.handle(event);
    } catch (error) {
      const parked = event.attempt >= maxAttempts;
      const ctx = { consumer: def.name, eventId: event.id, topic: event.topic, attempt: event.attempt, err: error };
      try {
        await recordFailure(db, clock, {
          consumer: def.name,
          eventId: event.id,
          topic: event.topic,
          payload: JSON.stringify(event.payload),
          attempts: event.attempt,
          error,
          parked,
        });
      } catch (err) {
        log.error({ ...ctx, err }, 'cannot record failed event delivery; redelivering');
        m.nak(retryDelay(retryBaseMs, event.attempt));
        return;
      }
      if (parked) {
        log.error(ctx, `event handler failed ${event.attempt} times; event parked in event_failures`);
        m.term();
      } else {
        log.warn(ctx, 'event handler failed; will retry');
        m.nak(retryDelay(retryBaseMs, event.attempt));
      }
      return;
    } finally {
      clearInterval(keepAlive);
    }
    // Clear the failure record before acknowledging, so once the bus shows nothing pending no stale record remains.
    if (event.attempt > 1) await clearFailure(db, def.name, event.id).catch((err: unknown) => log.warn({ err }, 'cannot clear event failure'));
    m.ack();
  }

  async function consumeLoop(def: ConsumerDef, durable: string): Promise<void> {
    const topics = new Set(def.topics);
    while (running) {
      try {
        const consumer = await js!.consumers.get(stream, durable);
        const messages = await consumer.consume({ max_messages: 20 });
        iterators.add(messages);
        if (!running) await messages.close(); // stop() ran while subscribing
        try {
          for await (const m of messages) {
            if (running) await handle(def, topics, m);
            else m.nak(); // fetched but not handled: let another process have it now
          }
        } finally {
          iterators.delete(messages);
        }
      } catch (err) {
        if (running) log.error({ err, consumer: def.name }, 'NATS consumer failed; resubscribing');
      }
      if (running) await Promise.race([sleep(1000), whenStopped]);
    }
  }

  async function start(consumers: readonly ConsumerDef[], startOpts: { relay?: boolean; consume?: boolean } = {}): Promise<void> {
    if (running) throw new Error('event transport already started');
    assertConsumers(consumers);
    const consume = startOpts.consume ?? true;
    const conn = await connectNats(opts.natsUrl, 'vigil');
    try {
      jsm = await conn.jetstreamManager();
      await ensureStream(jsm, { stream, subjects: `${prefix}.>`, dedupeWindowMs: opts.dedupeWindowMs ?? 3_600_000, maxAgeMs: opts.maxAgeMs ?? 7 * 86_400_000 });
      durables = consume ? consumers.map((c) => durableName(c.name)) : [];
      for (const durable of durables) await ensureConsumer(jsm, { stream, durable, filter: `${prefix}.>`, ackWaitMs });
    } catch (err) {
      await conn.close();
      throw new Error(`NATS JetStream at ${safeNatsUrl(opts.natsUrl)} is not usable: ${(err as Error).message}`);
    }
    nc = conn;
    js = conn.jetstream();
    running = true;
    whenStopped = new Promise((resolve) => (stopped = resolve));
    void (async () => {
      for await (const s of conn.status()) log.warn({ status: s.type }, 'NATS connection status changed');
    })();
    if (consume) consumers.forEach((def, i) => loops.push(consumeLoop(def, durables[i]!)));
    relayOn = startOpts.relay ?? true;
    relay();
  }

  async function drain(timeoutMs = 30_000): Promise<void> {
    if (!running || !jsm) throw new Error('event transport is not running');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      relay();
      const { n } = await k
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow();
      const waiting = Number(n) > 0 ? [`${n} unpublished outbox rows`] : [];
      if (waiting.length === 0) {
        for (const durable of durables) {
          const info = await jsm.consumers.info(stream, durable);
          if (info.num_pending + info.num_ack_pending > 0) waiting.push(`${durable}: ${info.num_pending} pending, ${info.num_ack_pending} unacknowledged`);
        }
      }
      if (waiting.length === 0) return;
      if (Date.now() >= deadline) throw new Error(`events not drained within ${timeoutMs} ms: ${waiting.join('; ')}`);
      await sleep(25);
    }
  }

  async function stop(): Promise<void> {
    if (!running) return;
    running = false;
    stopped();
    clearTimeout(relayTimer);
    await relaying;
    await Promise.all([...iterators].map((it) => it.close()));
    await Promise.all(loops.splice(0));
    const conn = nc;
    nc = undefined;
    jsm = undefined;
    js = undefined;
    if (conn) {
      await conn.flush().catch(() => {}); // acks and naks reach the server before the connection goes
      await conn.close();
    }
  }

  return { kind: 'nats', start, kick, drain, stop };
}
