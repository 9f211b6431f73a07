// The `vigil lists …` commands as a user runs them (child processes): exit codes, JSON shapes, stdout kept clean.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test-support/cli.js';
import { ftmFixture, writeFtm } from './test-support/fixtures.js';

// Each command is a fresh process (tsx compiles the sources), so these tests get more time than the default.
describe('vigil lists (CLI)', { timeout: 180_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => vigil(['lists', ...args], env);
  const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-wl-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
    writeFtm(join(dir, 'v1.json'), ftmFixture(20));
    const changed = ftmFixture(20);
    changed[2]!.properties.name = ['Changed Quux'];
    changed[6]!.properties.nationality = ['fr'];
    changed[2 * 15 + 1]!.properties.program = ['Another Programme'];
    writeFtm(join(dir, 'v2.json'), changed);
    const whole = readFileSync(join(dir, 'v1.json'), 'utf8');
    writeFileSync(join(dir, 'cut.json'), whole.slice(0, whole.indexOf('fx-00007') + 20));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports with --json (only JSON on stdout); the same file again is unchanged, exit 0', async () => {
    const first = await run('import', '--list', 'fx', '--format', 'ftm', '--title', 'Fixture list', join(dir, 'v1.json'), '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(json(first.stdout)).toMatchObject({ status: 'imported', list: 'fx', version: 1, activated: true, counts: { Person: 16, Company: 4 }, total: 20 });
    const again = await run('import', '--list', 'fx', '--format', 'ftm', join(dir, 'v1.json'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^List fx: the same inputs as version 1; nothing imported/);
  });

  it('a truncated file exits 1 naming file, line and column; the active version stays', async () => {
    const cut = await run('import', '--list', 'fx', '--format', 'ftm', join(dir, 'cut.json'), '--json');
    expect(cut.code).toBe(1);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toMatch(new RegExp(`import rejected: ${join(dir, 'cut.json').replace(/[.]/g, '\\.')}:15:\\d+: invalid JSON`));
    const ls = await run('ls', '--json');
    expect(json<{ activeVersion: number; versions: unknown[] }[]>(ls.stdout)[0]).toMatchObject({ activeVersion: 1, versions: [{ version: 1 }] });
  });

  it('diffs a second version naming exactly the three changed entries, in the documented JSON shape', async () => {
    const v2 = await run('import', '--list', 'fx', '--format', 'ftm', join(dir, 'v2.json'), '--no-activate');
    expect(v2.code, v2.stderr).toBe(0);
    expect(v2.stdout).toMatch(/version 2 \(not active \(active: 1; run vigil lists activate fx 2\)\)/);
    const diff = await run('diff', 'fx', '--from', '1', '--to', '2', '--json');
    expect(diff.code).toBe(0);
    expect(json(diff.stdout)).toEqual({
      list: 'fx',
      from: 1,
      to: 2,
      added: [],
      removed: [],
      changed: [
        { id: 'fx-00001', properties: ['name'] },
        { id: 'fx-00003', properties: ['nationality'] },
        { id: 'fx-00015', properties: ['sanction.program'] },
      ],
    });
    const ls = await run('ls', '--json');
    const [fx] = json<{ name: string; activeVersion: number; versions: Record<string, unknown>[] }[]>(ls.stdout);
    expect(fx).toMatchObject({ name: 'fx', activeVersion: 1 });
    expect(fx!.versions.map((v) => Object.keys(v))).toEqual([expect.arrayContaining(['version', 'importedAt', 'sha256', 'counts']), expect.anything()]);
    expect(fx!.versions[0]).toMatchObject({ version: 2, counts: { Company: 4, Person: 16 } });
  });

  it('activates and rolls back; unknown versions and lists exit 3', async () => {
    const on = await run('activate', 'fx', '2', '--json');
    expect(json(on.stdout)).toEqual({ name: 'fx', activeVersion: 2, previousVersion: 1, changed: true });
    expect((await run('activate', 'fx', '1')).stdout).toMatch(/version 1 is active \(was 2\)/);
    expect((await run('activate', 'fx', '7')).code).toBe(3);
    expect((await run('diff', 'nope', '--json')).code).toBe(3);
  });

  it('shows an entity (exit 3 when unknown) and exports FtM lines to stdout or an owner-only file', async () => {
    const show = await run('show', 'fx-00001', '--json');
    expect(show.code).toBe(0);
    expect(json(show.stdout)).toMatchObject({
      entity: { id: 'fx-00001', schema: 'Person' },
      lists: [{ name: 'fx', inActiveVersion: true }],
      auxiliaries: [{ schema: 'Sanction' }],
    });
    expect((await run('show', 'fx-nobody')).code).toBe(3);
    const exported = await run('export', 'fx', '--format', 'ftm', '--version', '2');
    expect(exported.code).toBe(0);
    const lines = exported.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; properties: Record<string, string[]> });
    expect(lines).toHaveLength(40);
    expect(lines.find((l) => l.id === 'fx-00001')!.properties.name).toEqual(['Changed Quux']);
    expect(exported.stderr).toMatch(/Exported 40 entities of fx version 2/);
    const out = join(dir, 'fx.ftm.json');
    expect((await run('export', 'fx', '--format', 'ftm', '--output', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(40);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect((await run('export', 'fx', '--format', 'csv')).code).toBe(2);
  });

  it('refuses usage errors with exit 2, naming the formats available', async () => {
    const unknown = await run('import', '--list', 'fx', '--format', 'pdf', join(dir, 'v1.json'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown format pdf; formats: un, ofac-csv, ofac-xml, ofac-advanced, eu, uk, ftm, senzing, csv/);
    const noMapping = await run('import', '--list', 'fx', '--format', 'csv', join(dir, 'v1.json'));
    expect(noMapping.code).toBe(2);
    expect(noMapping.stderr).toMatch(/needs --mapping/);
    expect((await run('import', '--format', 'ftm', join(dir, 'v1.json'))).code).toBe(2);
    expect((await run('import', '--list', 'Bad Name', '--format', 'ftm', join(dir, 'v1.json'))).code).toBe(2);
    expect((await run('source', 'set', 'national')).code).toBe(2);
  });

  it('sets sources (built-in ones without a URL) and lists them', async () => {
    const set = await run('source', 'set', 'un', '--every-hours', '24', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(json(set.stdout)).toMatchObject({
      list: 'un',
      format: 'un',
      everyHours: 24,
      urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
    });
    const ls = await run('source', 'ls', '--json');
    expect(json<{ list: string }[]>(ls.stdout).map((s) => s.list)).toEqual(['un']);
    expect((await run('fetch', 'fx')).code).toBe(3);
  });
});
