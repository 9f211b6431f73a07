// One contract for every event transport: embedded on SQLite and PostgreSQL, NATS JetStream on PostgreSQL.
import { connect as natsConnect } from 'nats';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock.js';
import { openPostgres, openSqlite, type Database, type DialectName } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../log.js';
import { TEST_DATABASE_URL, TEST_NATS_URL, serviceAvailable, storeBackends, uniqueName, type TestBackend } from '../test-support/services.js';
import { createEmbeddedTransport, createNatsTransport, createOutbox, eventsMigrations, outboxCleanupJob } from './index.js';
import type { ConsumerDef, DeliveredEvent, EventTransport, Outbox } from './types.js';

const log = createLogger('silent');
const DRAIN_MS = 20_000;
const WAIT = { timeout: 20_000, interval: 20 };

interface Fixture {
  db: Database;
  clock: ManualClock;
  outbox: Outbox;
  /** Another connection to the same store, as a second process or a CLI command opens it. */
  connect(): Promise<Database>;
  transport(db: Database, opts?: { maxAttempts?: number; pollMs?: number }): EventTransport;
  cleanup(): Promise<void>;
}

/** A second connection to the database `db` is connected to. */
async function connectAgain(db: Database): Promise<Database> {
  if (db.dialect === 'sqlite') return openSqlite(db.sqlite!.name);
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  return openPostgres(TEST_DATABASE_URL!, rows[0]!.schema);
}

async function openStore(backend: TestBackend) {
  const store = await backend.open();
  const clock = new ManualClock();
  await migrate(store.db, [eventsMigrations], clock);
  return { ...store, clock, outbox: createOutbox(clock), connect: () => connectAgain(store.db) };
}

const embeddedFixture = (backend: TestBackend) => async (): Promise<Fixture> => {
  const s = await openStore(backend);
  return {
    ...s,
    transport: (db, opts) => createEmbeddedTransport({ db, clock: s.clock, log, pollMs: 50, retryDelayMs: 10, ...opts }),
  };
};

const natsFixture = (backend: TestBackend) => async (): Promise<Fixture> => {
  const s = await openStore(backend);
  const stream = uniqueName('ev');
  return {
    ...s,
    transport: (db, opts) => createNatsTransport({ db, clock: s.clock, log, natsUrl: TEST_NATS_URL!, stream, pollMs: 50, retryDelayMs: 10, ...opts }),
    cleanup: async () => {
      const nc = await natsConnect({ servers: TEST_NATS_URL! });
      try {
        const jsm = await nc.jetstreamManager();
        await jsm.streams.delete(stream).catch(() => false); // absent when no transport started
      } finally {
        await nc.close();
      }
      await s.cleanup();
    },
  };
};

/** A consumer that records what it handled; `refuse` makes chosen deliveries fail. */
function recorder(name: string, topics: string[], refuse: (e: DeliveredEvent) => boolean = () => false) {
  const handled: DeliveredEvent[] = [];
  const deliveries: DeliveredEvent[] = [];
  const def: ConsumerDef = {
    name,
    topics,
    async handle(e) {
      deliveries.push(e);
      if (refuse(e)) throw new Error(`refused event ${e.id}`);
      handled.push(e);
    },
  };
  return { def, handled, deliveries, ids: () => handled.map((e) => e.id) };
}

const payloadOf = (e: DeliveredEvent) => e.payload as { n: number };
const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

function transportContract(label: string, dialect: DialectName, setup: () => Promise<Fixture>): void {
  describe(`event transport contract: ${label}`, () => {
    let f: Fixture;
    const live: EventTransport[] = [];
    const connections: Database[] = [];

    const transport = (db: Database = f.db, opts?: { maxAttempts?: number; pollMs?: number }) => {
      const t = f.transport(db, opts);
      live.push(t);
      return t;
    };
    const connect = async () => {
      const db = await f.connect();
      connections.push(db);
      return db;
    };
    const emit = (db: Database, topic: string, payload: unknown = {}, key?: string) => db.transaction((trx) => f.outbox.emit(trx, { topic, payload, key }));
    // Where two connections of this one test process write SQLite, each write is one statement: better-sqlite3 waits
    // for a lock synchronously, so a transaction left open across an await on the other connection would stall both.
    const emitOn = (db: Database, topic: string, payload: unknown) => f.outbox.emit(db.kysely, { topic, payload });
    const drained = async (t: EventTransport) => {
      t.kick();
      await t.drain(DRAIN_MS);
    };

    beforeEach(async () => {
      f = await setup();
    });
    afterEach(async () => {
      for (const t of live.splice(0)) await t.stop();
      for (const db of connections.splice(0)) await db.close();
      await f.cleanup();
    });

    it('delivers an event committed in a transaction to each subscribed consumer', async () => {
      const a = recorder('cases.a', ['case.opened']);
      const b = recorder('cases.b', ['case.opened', 'case.closed']);
      const t = transport();
      await t.start([a.def, b.def]);
      const id = await emit(f.db, 'case.opened', { caseId: 'c1' }, 'k1');
      await drained(t);
      const expected = { id, topic: 'case.opened', key: 'k1', payload: { caseId: 'c1' }, createdAt: f.clock.now().toISOString(), attempt: 1 };
      expect(a.handled).toEqual([expected]);
      expect(b.handled).toEqual([expected]);
    });

    it('never delivers an event of a rolled-back transaction', async () => {
      const a = recorder('a', ['case.opened']);
      const t = transport();
      await t.start([a.def]);
      const rolledBack = f.db.transaction(async (trx) => {
        await f.outbox.emit(trx, { topic: 'case.opened', payload: { n: 1 } });
        throw new Error('rolled back');
      });
      await expect(rolledBack).rejects.toThrow('rolled back');
      const kept = await emit(f.db, 'case.opened', { n: 2 });
      await drained(t);
      expect(a.ids()).toEqual([kept]);
    });

    it('does not deliver topics the consumer has not subscribed to', async () => {
      const a = recorder('a', ['t.one', 't.three']);
      const t = transport();
      await t.start([a.def]);
      for (const topic of ['t.one', 't.two', 't.three', 't.one-more']) await emit(f.db, topic);
      await drained(t);
      expect(a.handled.map((e) => e.topic)).toEqual(['t.one', 't.three']);
    });

    it('delivers to each consumer in id order', async () => {
      const a = recorder('a', ['seq.item']);
      const t = transport();
      await t.start([a.def]);
      const ids: number[] = [];
      for (let n = 0; n < 10; n++) ids.push(await emit(f.db, 'seq.item', { n }));
      await f.db.transaction(async (trx) => {
        for (let n = 10; n < 15; n++) ids.push(await f.outbox.emit(trx, { topic: 'seq.item', payload: { n } }));
      });
      for (let n = 15; n < 20; n++) ids.push(await emit(f.db, 'seq.item', { n }));
      await drained(t);
      expect(a.ids()).toEqual(ids);
      expect(sorted(ids)).toEqual(ids);
    });

    it('redelivers after a handler failure until it succeeds', async () => {
      const a = recorder('a', ['flaky.item'], (e) => payloadOf(e).n === 1 && e.attempt < 3);
      const t = transport();
      await t.start([a.def]);
      const ids = [await emit(f.db, 'flaky.item', { n: 0 }), await emit(f.db, 'flaky.item', { n: 1 }), await emit(f.db, 'flaky.item', { n: 2 })];
      await drained(t);
      expect(sorted(a.ids())).toEqual(ids);
      expect(a.deliveries.filter((e) => e.id === ids[1]).map((e) => e.attempt)).toEqual([1, 2, 3]);
      expect(a.handled.find((e) => e.id === ids[1])!.attempt).toBe(3);
      expect(await f.db.kysely.selectFrom('event_failures').selectAll().execute()).toEqual([]);
    });

    it('parks an event after the last attempt and moves on', async () => {
      const a = recorder('a', ['poison.item'], (e) => payloadOf(e).n === 1);
      const t = transport(f.db, { maxAttempts: 2 });
      await t.start([a.def]);
      const ids = [await emit(f.db, 'poison.item', { n: 0 }), await emit(f.db, 'poison.item', { n: 1 }), await emit(f.db, 'poison.item', { n: 2 })];
      await drained(t);
      expect(sorted(a.ids())).toEqual([ids[0], ids[2]]);
      expect(a.deliveries.filter((e) => e.id === ids[1]).map((e) => e.attempt)).toEqual([1, 2]);
      const failures = await f.db.kysely.selectFrom('event_failures').selectAll().execute();
      expect(failures).toMatchObject([
        { consumer: 'a', event_id: ids[1], topic: 'poison.item', attempts: 2, parked: 1, last_error: `refused event ${ids[1]}` },
      ]);
      expect(JSON.parse(failures[0]!.payload)).toEqual({ n: 1 });
    });

    it('after a restart delivers what was emitted while stopped, and nothing handled before', async () => {
      const before = recorder('a', ['restart.item']);
      const t1 = transport();
      await t1.start([before.def]);
      const handled = [await emit(f.db, 'restart.item', { n: 1 }), await emit(f.db, 'restart.item', { n: 2 })];
      await drained(t1);
      await t1.stop();
      const whileStopped = [await emit(f.db, 'restart.item', { n: 3 }), await emit(f.db, 'restart.item', { n: 4 })];
      const after = recorder('a', ['restart.item']);
      const t2 = transport();
      await t2.start([after.def]);
      await drained(t2);
      expect(before.ids()).toEqual(handled);
      expect(after.ids()).toEqual(whileStopped);
    });

    it('shares a consumer name between two processes: every event is handled at least once', async () => {
      const db2 = await connect();
      const p1 = recorder('shared', ['work.item']);
      const p2 = recorder('shared', ['work.item']);
      const t1 = transport(f.db);
      const t2 = transport(db2);
      await Promise.all([t1.start([p1.def]), t2.start([p2.def])]);
      const ids: number[] = [];
      for (let n = 0; n < 30; n++) ids.push(await emitOn(n % 2 === 0 ? f.db : db2, 'work.item', { n }));
      await Promise.all([drained(t1), drained(t2)]);
      expect(sorted(new Set([...p1.ids(), ...p2.ids()]))).toEqual(ids);
    });

    it('notices events committed through another connection (a CLI command beside the server)', async () => {
      const a = recorder('a', ['list.updated']);
      const t = transport();
      await t.start([a.def]);
      const cli = await f.connect();
      let id: number;
      try {
        id = await emitOn(cli, 'list.updated', { version: 2 });
      } finally {
        await cli.close();
      }
      await vi.waitFor(() => expect(a.ids()).toEqual([id]), WAIT); // no kick, no drain: the running transport finds it
    });

    // With an hour between polls, only a prompt look delivers these within the wait.
    const NO_POLL = { pollMs: 3_600_000 };

    /** Consumer `first` turns each `chain.start` into a `chain.next` in its own transaction; `second` records those. */
    const chain = (outbox: Outbox) => {
      const second = recorder('second', ['chain.next']);
      const first: ConsumerDef = {
        name: 'first',
        topics: ['chain.start'],
        handle: (e) => f.db.transaction(async (trx) => void (await outbox.emit(trx, { topic: 'chain.next', payload: e.payload }))),
      };
      return { defs: [first, second.def], second };
    };

    it('delivers at once what an outbox wired to kick emits, also from inside a handler, without waiting for a poll', async () => {
      const t = transport(f.db, NO_POLL);
      const wired = createOutbox(f.clock, { onEmit: () => t.kick() });
      const { defs, second } = chain(wired);
      await t.start(defs);
      for (let n = 0; n < 3; n++) await f.db.transaction((trx) => wired.emit(trx, { topic: 'chain.start', payload: { n } }));
      await vi.waitFor(() => expect(second.handled.map((e) => payloadOf(e).n)).toEqual([0, 1, 2]), WAIT);
    });

    it.runIf(label.startsWith('embedded'))('delivers what a handler emitted to the next consumer as soon as the handler returns', async () => {
      const { defs, second } = chain(f.outbox); // an outbox that tells nobody: the transport looks again after each handler
      const t = transport(f.db, NO_POLL);
      await t.start(defs);
      await emit(f.db, 'chain.start', { n: 7 });
      t.kick();
      await vi.waitFor(() => expect(second.handled.map((e) => payloadOf(e).n)).toEqual([7]), WAIT);
    });

    it.runIf(dialect === 'postgres')('delivers an event whose transaction commits after a later event was delivered', async () => {
      const a = recorder('a', ['late.item']);
      const t = transport();
      await t.start([a.def]);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
      const slow = f.db.transaction(async (trx) => {
        const id = await f.outbox.emit(trx, { topic: 'late.item', payload: { n: 1 } });
        inserted();
        await gate;
        return id;
      });
      await insertedOnce;
      const fast = await emit(f.db, 'late.item', { n: 2 });
      await vi.waitFor(() => expect(a.ids()).toEqual([fast]), WAIT);
      release();
      const slowId = await slow;
      expect(slowId).toBeLessThan(fast);
      await drained(t);
      expect(a.ids()).toEqual([fast, slowId]);
    });
  });
}

const backends = storeBackends('event transport contract');
for (const backend of backends) transportContract(`embedded on ${backend.name}`, backend.name, embeddedFixture(backend));
const postgres = backends.find((b) => b.name === 'postgres');
const natsAvailable = serviceAvailable('nats', 'event transport contract');
if (postgres && natsAvailable) transportContract('nats on postgres', 'postgres', natsFixture(postgres));

describe('outbox', () => {
  let s: Awaited<ReturnType<typeof openStore>>;
  beforeEach(async () => {
    s = await openStore(backends[0]!);
  });
  afterEach(() => s.cleanup());

  it('rejects invalid topics and payloads that are not JSON, writing nothing', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad = [
      { topic: 'Case.opened', payload: {} },
      { topic: 'case..opened', payload: {} },
      { topic: 'case.', payload: {} },
      { topic: '.case', payload: {} },
      { topic: 'case opened', payload: {} },
      { topic: 'x'.repeat(129), payload: {} },
      { topic: 'case.opened', payload: 1n },
      { topic: 'case.opened', payload: cyclic },
      { topic: 'case.opened', payload: undefined },
      { topic: 'case.opened', payload: 'x'.repeat(300_000) },
    ];
    for (const event of bad) await expect(s.db.transaction((trx) => s.outbox.emit(trx, event))).rejects.toThrow(/topic|payload/);
    expect(await s.db.kysely.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('returns increasing ids', async () => {
    const a = await s.db.transaction((trx) => s.outbox.emit(trx, { topic: 'a.b', payload: null }));
    const b = await s.db.transaction((trx) => s.outbox.emit(trx, { topic: 'a.b', payload: [1] }));
    expect(b).toBeGreaterThan(a);
  });
});

describe('nats transport start', () => {
  it('names the URL without credentials when NATS is unreachable', async () => {
    const clock = new ManualClock();
    const db = openSqlite(':memory:');
    try {
      const t = createNatsTransport({ db, clock, log, natsUrl: 'nats://vigil:s3cret@127.0.0.1:1', stream: 'VIGIL_EVENTS' });
      const failure = await t.start([]).then(
        () => undefined,
        (err: Error) => err,
      );
      expect(failure?.message).toContain('nats://127.0.0.1:1');
      expect(failure?.message).not.toContain('s3cret');
    } finally {
      await db.close();
    }
  });
});

for (const backend of backends) {
  describe(`outbox cleanup on ${backend.name}`, () => {
    it('deletes old events every consumer has passed, keeping the newest', async () => {
      const s = await openStore(backend);
      try {
        const a = recorder('a', ['old.item']);
        const t = createEmbeddedTransport({ db: s.db, clock: s.clock, log, pollMs: 50 });
        await t.start([a.def]);
        const ids: number[] = [];
        for (let n = 0; n < 4; n++) ids.push(await s.db.transaction((trx) => s.outbox.emit(trx, { topic: 'old.item', payload: { n } })));
        await t.drain(DRAIN_MS);
        await t.stop();
        const seqOf = async (id: number) => (await s.db.kysely.selectFrom('outbox').select('seq').where('id', '=', id).executeTakeFirstOrThrow()).seq!;
        await s.db.kysely
          .insertInto('event_offsets')
          .values({ consumer: 'lagging', position: await seqOf(ids[1]!), updated_at: s.clock.now().toISOString() })
          .execute();
        const job = outboxCleanupJob(s.db, s.clock, 7);
        const remaining = async () => (await s.db.kysely.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) => r.id);

        s.clock.advance(6 * 86_400_000);
        await job.run(new AbortController().signal);
        expect(await remaining()).toEqual(ids); // younger than the retention

        s.clock.advance(2 * 86_400_000);
        await job.run(new AbortController().signal);
        expect(await remaining()).toEqual(ids.slice(2)); // the lagging consumer still needs the rest

        await s.db.kysely.deleteFrom('event_offsets').where('consumer', '=', 'lagging').execute();
        await job.run(new AbortController().signal);
        expect(await remaining()).toEqual(ids.slice(3)); // the newest stays: sequencing continues from it
      } finally {
        await s.cleanup();
      }
    });
  });
}
