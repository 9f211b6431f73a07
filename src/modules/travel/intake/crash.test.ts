// SIGKILL of the server while carriers push messages: after a restart every acknowledged message is there exactly once, and assembled.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_PASSWORD, serveVigil, vigil } from '../../../test-support/cli.js';
import { freshPostgresSchema, serviceAvailable, TEST_DATABASE_URL, TEST_NATS_URL, uniqueName } from '../../../platform/test-support/services.js';
import { dropPostgresSchema } from '../../../platform/db/index.js';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../fixtures/paxlst-passengers.edi'), 'latin1');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A distinct interchange (reference) about a distinct flight (number), so each acknowledgement can be checked. */
const message = (n: number) => TEMPLATE.replaceAll('LH2612010930', `CR${String(n).padStart(10, '0')}`).replaceAll('LH1234', `LH${2000 + n}`);

async function push(url: string, stopAfterMs: number, kill: () => void): Promise<Set<string>> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: CRASH_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const acked = new Set<string>();
  let next = 0;
  let stop = false;
  const carrier = async () => {
    while (!stop && next < 7000) {
      const n = next++;
      try {
        const r = await fetch(`${url}/api/travel/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/edifact', cookie, 'x-csrf-token': csrfToken },
          body: message(n),
        });
        if (r.status === 201) acked.add(`CR${String(n).padStart(10, '0')}`);
      } catch {
        return; // the server is gone
      }
    }
  };
  const carriers = [0, 1, 2].map(carrier);
  await new Promise((r) => setTimeout(r, stopAfterMs));
  kill();
  stop = true;
  await Promise.all(carriers);
  return acked;
}

async function crashAndCheck(env: Record<string, string>) {
  const first = await serveVigil(env);
  const exited = new Promise((r) => first.child.on('exit', r));
  const acked = await push(first.url, 2000, () => first.child.kill('SIGKILL'));
  await exited;
  expect(acked.size).toBeGreaterThan(0);

  // The restarted server assembles what the killed one stored but had not assembled yet.
  const second = await serveVigil(env);
  try {
    let messages: { interchangeRef: string; assembled: boolean; status: string }[] = [];
    for (let i = 0; i < 120; i++) {
      const ls = await vigil(['travel', 'messages', 'ls', '--json'], env);
      messages = JSON.parse(ls.stdout) as typeof messages;
      if (messages.every((m) => m.assembled)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const refs = messages.map((m) => m.interchangeRef);
    expect(new Set(refs).size).toBe(refs.length); // exactly once
    for (const ref of acked) expect(refs).toContain(ref); // every acknowledged one
    expect(messages.every((m) => m.status === 'accepted' && m.assembled)).toBe(true);
    const flights = JSON.parse((await vigil(['travel', 'flights', 'ls', '--json'], env)).stdout) as { passengers: number }[];
    expect(flights.length).toBe(messages.length);
    expect(flights.every((f) => f.passengers === 3)).toBe(true);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.on('exit', r));
  }
}

describe('travel intake crash safety', () => {
  it('keeps every acknowledged message exactly once after SIGKILL (SQLite, embedded events)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-travel-crash-'));
    dirs.push(dir);
    await crashAndCheck({ VIGIL_DATA_DIR: dir, VIGIL_TRAVEL_DROP_DIR: 'off' });
  }, 240_000);

  const both = serviceAvailable('postgres', 'travel crash safety (PostgreSQL)') && serviceAvailable('nats', 'travel crash safety (NATS)');
  it.runIf(both)(
    'keeps every acknowledged message exactly once after SIGKILL (PostgreSQL, NATS JetStream events)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-travel-crash-'));
      dirs.push(dir);
      const { schema, url } = await freshPostgresSchema('travel_crash');
      try {
        await crashAndCheck({
          VIGIL_DATA_DIR: dir,
          VIGIL_DATABASE_URL: url,
          VIGIL_NATS_URL: TEST_NATS_URL!,
          VIGIL_EVENT_STREAM: uniqueName('TRAVEL_CRASH').toUpperCase(),
          VIGIL_TRAVEL_DROP_DIR: 'off',
        });
      } finally {
        await dropPostgresSchema(TEST_DATABASE_URL!, schema);
      }
    },
    240_000,
  );
});
