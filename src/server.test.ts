// Crash safety: SIGKILL of a serving process in the middle of writes loses nothing committed and breaks no chain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_PASSWORD as PASSWORD, serveVigil as serve, vigil } from './test-support/cli.js';
import { freshPostgresSchema, serviceAvailable, TEST_DATABASE_URL } from './platform/test-support/services.js';
import { dropPostgresSchema } from './platform/db/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function hammer(url: string, stopAfterMs: number, kill: () => void): Promise<number> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  let created = 0;
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const r = await fetch(`${url}/api/admin/orgs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ name: `Crash Agency ${w}-${i}` }),
        });
        if (r.status === 201) created++;
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  await new Promise((r) => setTimeout(r, stopAfterMs));
  kill();
  stop = true;
  await Promise.all(workers);
  return created;
}

async function crashAndCheck(env: Record<string, string>) {
  const first = await serve(env);
  const exited = new Promise((r) => first.child.on('exit', r));
  const created = await hammer(first.url, 1500, () => first.child.kill('SIGKILL'));
  await exited;
  expect(created).toBeGreaterThan(0);

  const verify = await vigil(['audit', 'verify', '--json'], env);
  expect(verify.code, verify.stderr + verify.stdout).toBe(0);
  expect(JSON.parse(verify.stdout).ok).toBe(true);

  // every organisation that exists has its audit row, written in the same transaction
  const exported = await vigil(['audit', 'export', '--format', 'ndjson'], env);
  const orgCreates = exported.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { action: string })
    .filter((r) => r.action === 'org.create').length;
  const orgs = await vigil(['org', 'ls', '--json'], env);
  const allOrgs = JSON.parse(orgs.stdout) as { name: string }[];
  expect(allOrgs.filter((o) => o.name.startsWith('Crash Agency')).length).toBeGreaterThanOrEqual(created);
  expect(orgCreates).toBe(allOrgs.length);

  // and it serves again
  const second = await serve(env);
  try {
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.on('exit', r));
  }
}

describe('crash safety', () => {
  it('survives SIGKILL during writes on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
    dirs.push(dir);
    await crashAndCheck({ VIGIL_DATA_DIR: dir });
  }, 180_000);

  const pgUp = serviceAvailable('postgres', 'crash safety');
  it.runIf(pgUp)(
    'survives SIGKILL during writes on PostgreSQL',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
      dirs.push(dir);
      const { schema, url } = await freshPostgresSchema('crash');
      try {
        await crashAndCheck({ VIGIL_DATA_DIR: dir, VIGIL_DATABASE_URL: url });
      } finally {
        await dropPostgresSchema(TEST_DATABASE_URL!, schema);
      }
    },
    180_000,
  );
});
