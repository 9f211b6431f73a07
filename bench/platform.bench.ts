// Platform benchmarks: request cost of authentication, audit chaining, and event delivery, each against a baseline.
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../src/test-support/app.js';
import { storeBackends, TEST_DATABASE_URL, TEST_NATS_URL, uniqueName } from '../src/platform/test-support/services.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createOutbox, createTransport, eventsMigrations } from '../src/platform/events/index.js';
import { createLogger } from '../src/platform/log.js';
import { systemClock } from '../src/platform/clock.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import type { Database } from '../src/platform/db/index.js';
import { memoryMb, report, scaled, timeBatch, timeEach, type Row } from './harness.js';

async function httpBench(t: TestApp): Promise<Row[]> {
  const n = scaled(5000, 50);
  const session = await t.login('admin');
  const token = await t.token(['admin']);
  let org = 0;
  return [
    await timeEach('GET /health (no auth)', n, () => t.app.inject({ url: '/health' })),
    { ...(await timeEach('GET /api/me, session cookie', n, () => t.app.inject({ url: '/api/me', headers: session }))), baseline: 'GET /health (no auth)' },
    {
      ...(await timeEach('GET /api/me, bearer token', n, () => t.app.inject({ url: '/api/me', headers: { authorization: token.authorization } }))),
      baseline: 'GET /health (no auth)',
    },
    {
      ...(await timeEach('POST /api/admin/orgs (write + audit)', Math.ceil(n / 5), () =>
        t.app.inject({ method: 'POST', url: '/api/admin/orgs', headers: session, payload: { name: `Bench Agency ${org++}` } }),
      )),
      baseline: 'GET /health (no auth)',
    },
  ];
}

async function auditBench(t: TestApp): Promise<Row[]> {
  const n = scaled(3000, 30);
  const db = t.ctx.db;
  await sql`create table bench_plain (seq integer primary key, at text, action text, target_id text, details text, prev_hash text, hash text)`.execute(
    db.kysely,
  );
  let seq = 0;
  const plain = await timeEach('plain insert, one transaction each', n, () =>
    db.transaction(async (trx) => {
      seq++;
      await sql`insert into bench_plain values (${seq}, ${new Date().toISOString()}, ${'bench.op'}, ${'id-' + seq}, ${'{}'}, ${'0'.repeat(64)}, ${'f'.repeat(64)})`.execute(
        trx,
      );
    }),
  );
  const chained = await timeEach('audit.record (hash chain), one transaction each', n, (i) =>
    t.ctx.audit.record(db.kysely, { action: 'bench.op', actor: SYSTEM_ACTOR, target: { type: 'thing', id: `id-${i}` } }),
  );
  await t.ctx.audit.checkpoint();
  const verify = await timeBatch('audit verify (rows/s)', n + 50, () => t.ctx.audit.verify());
  return [plain, { ...chained, baseline: plain.name }, verify];
}

async function eventsBench(db: Database, natsUrl: string | undefined, label: string): Promise<Row[]> {
  const n = scaled(20000, 100);
  const log = createLogger('silent');
  await migrate(db, [eventsMigrations], systemClock);
  const outbox = createOutbox(systemClock);
  const emit = () =>
    db.transaction(async (trx) => {
      for (let i = 0; i < n; i++) await outbox.emit(trx, { topic: 'bench.event', key: String(i % 10), payload: { i } });
    });
  const emitted = await timeBatch(`${label}: outbox emit, ${n} in one transaction`, n, emit);
  let seen = 0;
  const transport = createTransport({ db, clock: systemClock, log, natsUrl, stream: uniqueName('BENCH').toUpperCase(), pollMs: 20 });
  const delivered = await timeBatch(`${label}: deliver to one consumer`, n, async () => {
    await transport.start([{ name: 'bench.consumer', topics: ['bench.event'], handle: async () => void seen++ }], { relay: true, consume: true });
    await transport.drain(120_000);
  });
  await transport.stop();
  if (seen < n) throw new Error(`${label}: delivered ${seen} of ${n}`);
  return [emitted, { ...delivered, baseline: emitted.name }];
}

export async function platformBench(): Promise<void> {
  const [sqlite] = storeBackends('platform bench');
  const t = await createTestApp({ backend: sqlite! });
  try {
    report('HTTP: what authentication costs per request (in-process inject, SQLite)', await httpBench(t));
    report('Audit: hash-chained append against a plain insert (SQLite)', await auditBench(t));
  } finally {
    await t.close();
  }
  if (TEST_DATABASE_URL) {
    const pg = storeBackends('platform bench').find((b) => b.name === 'postgres')!;
    const tp = await createTestApp({ backend: pg });
    try {
      report('Audit: hash-chained append against a plain insert (PostgreSQL)', await auditBench(tp));
    } finally {
      await tp.close();
    }
  } else console.log('\n(PostgreSQL figures skipped: set VIGIL_TEST_DATABASE_URL)');

  const rows: Row[] = [];
  const s = await sqlite!.open();
  try {
    rows.push(...(await eventsBench(s.db, undefined, 'embedded/SQLite')));
  } finally {
    await s.cleanup();
  }
  if (TEST_DATABASE_URL && TEST_NATS_URL) {
    const p = await storeBackends('platform bench')
      .find((b) => b.name === 'postgres')!
      .open();
    try {
      rows.push(...(await eventsBench(p.db, TEST_NATS_URL, 'NATS/PostgreSQL')));
    } finally {
      await p.cleanup();
    }
  } else console.log('\n(NATS figures skipped: set VIGIL_TEST_DATABASE_URL and VIGIL_TEST_NATS_URL)');
  report('Events: outbox write and delivery', rows);

  const hashes = await timeEach('argon2id password hash (m=19 MiB, t=2)', scaled(20, 3), () => hashPassword('correct horse battery staple'));
  report('Passwords', [hashes]);
  console.log(`\nPeak RSS so far: ${memoryMb()} MB`);
}
