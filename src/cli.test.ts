// The `vigil` command line as a user runs it: exit codes, clean --json, settings honoured per instance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startVigil, vigil } from './test-support/cli.js';

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('vigil CLI', () => {
  const data = freshDir();
  const env = { VIGIL_DATA_DIR: data };

  it('adds a user with a generated password and prints only JSON with --json', async () => {
    const r = await vigil(['user', 'add', 'alice.example', '--role', 'analyst', '--display-name', 'Alice Example', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ username: 'alice.example', roles: ['analyst'], kind: 'person' });
    expect(body.initialPassword).toMatch(/^[\w-]{20,}$/);
  });

  it('stops quietly with exit 0 when its reader stops reading (vigil … | head)', async () => {
    const child = startVigil(['match', 'Testperson Quuxley', 'Testperson Quuxly'], env);
    // The reading end closes before anything is written: every write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 when the input is rejected, naming the problem', async () => {
    const dup = await vigil(['user', 'add', 'alice.example', '--role', 'analyst'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/exists already/);
    const role = await vigil(['user', 'add', 'bob.example', '--role', 'wizard'], env);
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/roles: unknown role wizard/);
  });

  it('reads a password from standard input', async () => {
    const r = await vigil(['user', 'add', 'carol.example', '--role', 'officer', '--password-stdin', '--json'], env, 'a perfectly good passphrase\n');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).initialPassword).toBeUndefined();
  });

  it('lists users as JSON and as a table', async () => {
    const json = await vigil(['user', 'ls', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).map((u: { username: string }) => u.username)).toEqual(['alice.example', 'carol.example']);
    const table = await vigil(['user', 'ls'], env);
    expect(table.stdout).toMatch(/^USERNAME\s+DISPLAYNAME/);
    expect(table.stdout).toMatch(/alice\.example\s+Alice Example/);
  });

  it('creates a token shown once as {"id","token"} and revokes it', async () => {
    const add = await vigil(['token', 'add', '--user', 'alice.example', '--json'], env);
    expect(add.code, add.stderr).toBe(0);
    const body = JSON.parse(add.stdout);
    expect(Object.keys(body).sort()).toEqual(['id', 'token']);
    expect(body.token).toMatch(/^vigil_tok_/);
    const ls = await vigil(['token', 'ls', '--json'], env);
    expect(ls.stdout).not.toContain(body.token.split('.')[1]);
    expect((await vigil(['token', 'rm', body.id], env)).code).toBe(0);
  });

  it('exits 3 for what does not exist', async () => {
    expect((await vigil(['token', 'rm', 'tok_00000000000000000000000000'], env)).code).toBe(3);
    expect((await vigil(['user', 'disable', 'nobody.here'], env)).code).toBe(3);
  });

  it('exits 2 for usage errors and bad settings', async () => {
    expect((await vigil(['user', 'add'], env)).code).toBe(2);
    expect((await vigil(['frobnicate'], env)).code).toBe(2);
    const bad = await vigil(['user', 'ls'], { ...env, VIGIL_PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/VIGIL_PORT must be a whole number/);
  });

  it('exits 4 when the database is unavailable', async () => {
    const r = await vigil(['user', 'ls'], { ...env, VIGIL_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/database is unavailable/);
  });

  it('keeps two instances with two data folders apart', async () => {
    const other = { VIGIL_DATA_DIR: freshDir() };
    const r = await vigil(['user', 'ls', '--json'], other);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('verifies the audit trail of what it did', async () => {
    const r = await vigil(['audit', 'verify', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.ok).toBe(true);
    expect(body.rows).toBeGreaterThan(3);
  });
});
