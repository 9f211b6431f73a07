// The `vigil screen`, `vigil match` and `vigil alerts` commands as a user runs them (child processes): exit codes, JSON, NDJSON, CSV.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test-support/cli.js';
import { UN_DEMO } from './test-support.js';

// Each command is a fresh process (tsx compiles the sources), so these tests get more time than the default.
describe('vigil screen, match and alerts (CLI)', { timeout: 180_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => vigil(args, env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-screen-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
    const imported = await run('lists', 'import', '--list', 'un', '--format', 'un', UN_DEMO, '--json');
    expect(imported.code, imported.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('screens one name: JSON result, exit 0 with or without matches, exit 1 naming the field for bad input', async () => {
    const hit = await run('screen', 'Al-Duri Izzat Ibrahim', '--birth-date', '1942', '--nationality', 'IRQ', '--json');
    expect(hit.code, hit.stderr).toBe(0);
    const r = JSON.parse(hit.stdout) as { id: null; matches: Array<{ caption: string; explanation: unknown[] }> };
    expect(r.matches[0]!.caption).toMatch(/AL-DURI/);
    expect(r.matches[0]!.explanation.length).toBeGreaterThan(0);
    const miss = await run('screen', 'Testperson Quuxley', '--json');
    expect(miss.code).toBe(0);
    expect(JSON.parse(miss.stdout)).toEqual({ id: null, matches: [] });
    const text = await run('screen', 'Testperson Quuxley');
    expect(text.stdout).toMatch(/No match/);
    const bad = await run('screen', 'Testperson Quuxley', '--nationality', 'Atlantis');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nationality/);
  });

  it('screens an NDJSON and a CSV file into an output file; bad lines are error lines and exit 1', async () => {
    writeFileSync(join(dir, 'q.ndjson'), [JSON.stringify({ id: 'a', name: 'Izzat Ibrahim al-Douri' }), JSON.stringify({ id: 'b', name: '' })].join('\n'));
    const nd = await run('screen', '--input', join(dir, 'q.ndjson'), '--output', join(dir, 'out.ndjson'));
    expect(nd.code).toBe(1);
    const lines = readFileSync(join(dir, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches?: unknown[]; error?: { detail: string } });
    expect(lines[0]!.matches!.length).toBeGreaterThan(0);
    expect(lines[1]!.error!.detail).toMatch(/name/);
    writeFileSync(join(dir, 'q.csv'), 'id,name,birthDate\nc1,"AL-DURI, Izzat Ibrahim",1942\nc2,Testperson Quuxley,\n');
    const csv = await run('screen', '--input', join(dir, 'q.csv'));
    expect(csv.code, csv.stderr).toBe(0);
    const out = csv.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches: unknown[] });
    expect(out.map((o) => [o.id, o.matches.length > 0])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
  });

  it('matches two names and pairs of FtM entities', async () => {
    const two = await run('match', 'Izzat Ibrahim al-Douri', 'عزت ابراهيم الدوري', '--json');
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ match: true, score: expect.any(Number) });
    const left = { schema: 'Company', properties: { name: ['Belletech Corp'] } };
    const right = { schema: 'Company', properties: { name: ['11420 Corp.'] } };
    writeFileSync(join(dir, 'pairs.ndjson'), `${JSON.stringify({ id: 'p1', left, right })}\n`);
    const pairs = await run('match', '--input', join(dir, 'pairs.ndjson'));
    expect(pairs.code, pairs.stderr).toBe(0);
    expect(JSON.parse(pairs.stdout.trim())).toMatchObject({ id: 'p1', match: false, explanation: expect.any(Array) });
  });

  it('registers a subject, lists alerts and decides one', async () => {
    const add = await run('screening', 'subjects', 'add', 'Izzat Ibrahim al-Douri', '--json');
    expect(add.code, add.stderr).toBe(0);
    const alertId = (JSON.parse(add.stdout) as { alerts: string[] }).alerts[0]!;
    const ls = await run('alerts', 'ls', '--open', '--json');
    expect((JSON.parse(ls.stdout) as { items: Array<{ id: string }> }).items.map((a) => a.id)).toContain(alertId);
    const decided = await run('alerts', 'decide', alertId, '--decision', 'false-positive', '--reason', 'different-person', '--json');
    expect(decided.code, decided.stderr).toBe(0);
    expect(JSON.parse(decided.stdout)).toMatchObject({ status: 'false-positive' });
    const none = await run('alerts', 'ls', '--open', '--json');
    expect((JSON.parse(none.stdout) as { items: unknown[] }).items).toEqual([]);
    const missing = await run('alerts', 'decide', 'nope', '--decision', 'unsure', '--reason', 'x');
    expect(missing.code).toBe(3);
  });
});
