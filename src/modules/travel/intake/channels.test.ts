// The other ways in: the CLI (as a user runs it), a NATS JetStream subject, and the event that assembles what the API stored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from 'nats';
import { vigil } from '../../../test-support/cli.js';
import { createTestApp } from '../../../test-support/app.js';
import { serviceAvailable, TEST_NATS_URL, uniqueName } from '../../../platform/test-support/services.js';
import { openIntake, pullIntake } from './nats-intake.js';
import { tr } from './tables.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('vigil travel ingest', () => {
  it('prints one line per message, assembles the flight at once, and exits 1 when a file is rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-travel-cli-'));
    dirs.push(dir);
    const env = { VIGIL_DATA_DIR: dir, VIGIL_LOG_LEVEL: 'silent', VIGIL_TRAVEL_COUNTRY: 'at' };
    const ok = await vigil(['travel', 'ingest', '--json', join(FIXTURES, 'paxlst-passengers.edi'), join(FIXTURES, 'pnrgov-13.1.edi')], env);
    expect(ok.code, ok.stderr).toBe(0);
    const lines = ok.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        type: 'PAXLST',
        sender: 'LHAPI',
        travellers: 3,
        duplicate: false,
        flights: [expect.objectContaining({ id: 'LH1234-2026-12-01', carrier: 'LH' })],
      }),
      expect.objectContaining({ type: 'PNRGOV', sender: 'OS', travellers: 3, flights: [expect.objectContaining({ id: 'OS0089-2026-12-01' })] }),
    ]);

    const flights = await vigil(['travel', 'flights', 'ls', '--date', '2026-12-01', '--json'], env);
    expect(flights.code, flights.stderr).toBe(0);
    expect((JSON.parse(flights.stdout) as { id: string; passengers: number }[]).map((f) => [f.id, f.passengers])).toEqual([
      ['LH1234-2026-12-01', 3],
      ['OS0089-2026-12-01', 3],
    ]);

    const bad = join(dir, 'bad.edi');
    writeFileSync(bad, 'GARBAGE');
    const rejected = await vigil(['travel', 'ingest', '--json', bad, join(FIXTURES, 'paxlst-passengers.edi')], env);
    expect(rejected.code).toBe(1);
    const out = rejected.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ file: bad, error: { code: expect.any(String), detail: expect.any(String) } });
    expect(out[1]).toMatchObject({ duplicate: true });

    const manifest = await vigil(['travel', 'manifest', 'show', 'LH1234-2026-12-01'], env);
    expect(manifest.stdout).toContain('MUSTERFRAU, ERIKA');
    expect((await vigil(['travel', 'manifest', 'show', 'XX0000-2026-01-01'], env)).code).toBe(3);
  }, 120_000);
});

describe.skipIf(!serviceAvailable('nats', 'travel NATS intake'))('travel intake from NATS JetStream', () => {
  it('stores each message before acknowledging it, and a redelivered copy once', async () => {
    const t = await createTestApp();
    const subject = `vigil.test.${uniqueName('travel')}`;
    const link = await openIntake(TEST_NATS_URL!, subject);
    const pub = await connect({ servers: new URL(TEST_NATS_URL!).host });
    try {
      const js = pub.jetstream();
      const raw = readFileSync(join(FIXTURES, 'paxlst-passengers.edi'));
      await js.publish(subject, raw);
      await js.publish(subject, raw); // the carrier sent it twice
      await js.publish(subject, readFileSync(join(FIXTURES, 'paxlst-crew.edi')));
      expect(await pullIntake(t.ctx, link, 5000)).toBe(2);
      const rows = await tr(t.ctx.db.kysely).selectFrom('travel_messages').select(['sender', 'channel', 'duplicates']).orderBy('sender').execute();
      expect(rows).toEqual([
        { sender: 'LHAPI', channel: 'nats', duplicates: 1 },
        { sender: 'OSAPI', channel: 'nats', duplicates: 0 },
      ]);
      // Everything was acknowledged: nothing is delivered again.
      expect(await pullIntake(t.ctx, link, 1500)).toBe(0);
    } finally {
      await pub.close();
      await link.nc.close();
      await t.close();
    }
  }, 60_000);
});

describe('assembly on the message event', () => {
  it('builds the flight in the background after the API stored the message', async () => {
    const t = await createTestApp();
    try {
      await t.runtime.startBackground();
      const carrier = await t.token('carrier');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/travel/messages',
        headers: { ...carrier, 'content-type': 'application/edifact' },
        payload: readFileSync(join(FIXTURES, 'paxlst-multileg.edi')),
      });
      expect(res.statusCode, res.body).toBe(201);
      await t.ctx.events.drain(20_000);
      const row = await tr(t.ctx.db.kysely).selectFrom('travel_messages').select(['assembled_at']).executeTakeFirstOrThrow();
      expect(row.assembled_at).not.toBeNull();
      const flights = await tr(t.ctx.db.kysely).selectFrom('travel_flights').select(['id', 'legs']).execute();
      expect(flights).toHaveLength(1);
      expect((JSON.parse(flights[0]!.legs) as unknown[]).length).toBeGreaterThan(1);
    } finally {
      await t.close();
    }
  }, 60_000);
});
