// The `vigil intel …` commands as a user runs them (child processes): the contract's verbs, JSON on stdout only, exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test-support/cli.js';
import { DEMO_DIR } from './demo.js';

describe('vigil intel (CLI)', { timeout: 240_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => vigil(['intel', ...args], env);
  const demo = (name: string) => join(DEMO_DIR, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-intel-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a case, imports both spreadsheets, merges the proposed pair and finds the path through the company', async () => {
    const add = await run('case', 'add', 'Testfall CLI', '--json');
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'Testfall CLI' });
    expect((await run('case', 'add', 'Testfall CLI')).code).toBe(1);

    const calls = await run('import', '--case', 'Testfall CLI', demo('calls.csv'), '--mapping', demo('calls.yml'), '--json');
    expect(calls.code, calls.stderr).toBe(0);
    expect(JSON.parse(calls.stdout)).toMatchObject({ rows: 5, errorCount: 0, written: true });
    const reg = await run('import', '--case', 'Testfall CLI', demo('registry.csv'), '--mapping', demo('registry.yml'));
    expect(reg.code, reg.stderr).toBe(0);
    expect(reg.stdout).toMatch(/registry\.csv: 3 rows/);

    const xref = await run('xref', '--case', 'Testfall CLI', '--no-lists', '--json');
    expect(xref.code, xref.stderr).toBe(0);
    expect(JSON.parse(xref.stdout).proposed).toBeGreaterThan(0);
    const pairs = JSON.parse((await run('pairs', '--case', 'Testfall CLI', '--open', '--json')).stdout) as {
      items: { id: string; left: { id: string; caption: string }; right: { id: string; caption: string } }[];
    };
    const john = pairs.items.find((p) => p.left.caption.toUpperCase() === 'JOHN SPECIMEN' && p.right.caption.toUpperCase() === 'JOHN SPECIMEN')!;
    const max = pairs.items.flatMap((p) => [p.left, p.right]).find((s) => s.caption === 'MAX MUSTERMANN');
    expect(john).toBeDefined();

    const ftm = (await run('export', '--case', 'Testfall CLI', '--format', 'ftm')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)) as { id: string; properties: { name?: string[] } }[];
    const maxId = max?.id ?? ftm.find((e) => e.properties.name?.[0] === 'MAX MUSTERMANN')!.id;
    const erikaId = ftm.find((e) => e.properties.name?.[0] === 'Erika Musterfrau')!.id;
    const none = await run('path', '--case', 'Testfall CLI', maxId, erikaId, '--json');
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toEqual({ paths: [] });

    const yes = await run('decide', '--case', 'Testfall CLI', john.id, '--decision', 'yes', '--json');
    expect(yes.code, yes.stderr).toBe(0);
    const path = await run('path', '--case', 'Testfall CLI', maxId, erikaId, '--max-length', '4', '--json');
    expect(path.code, path.stderr).toBe(0);
    const { paths } = JSON.parse(path.stdout) as { paths: string[][] };
    expect(paths).toHaveLength(1);
    expect(paths[0]![0]).toBe(maxId);
    expect(paths[0]!.at(-1)).toBe(erikaId);
    expect(paths[0]).toContain('registry-FN-000001X');
    // Link entities are listed between the entities they join: Call, Directorship, Ownership ids.
    expect(paths[0]!.length).toBe(7);
    expect(paths[0]![1]).toMatch(/^calls-C-/);
    const short = await run('path', '--case', 'Testfall CLI', maxId, erikaId, '--max-length', '2', '--json');
    expect(short.code).toBe(1);
  });

  it('exports GraphML, GEXF and ANB CSV to stdout', async () => {
    const graphml = await run('export', '--case', 'Testfall CLI', '--format', 'graphml');
    expect(graphml.code, graphml.stderr).toBe(0);
    expect(graphml.stdout).toMatch(/^<\?xml[\s\S]*<graphml[\s\S]*registry-FN-000001X/);
    expect((await run('export', '--case', 'Testfall CLI', '--format', 'gexf')).stdout).toContain('<gexf');
    const anb = await run('export', '--case', 'Testfall CLI', '--format', 'anb-csv');
    expect(anb.stdout.split('\n')[0]).toMatch(/,/);
  });

  it('exits 2 on usage errors, 3 for an unknown case, 1 for a rejected mapping or file rows', async () => {
    expect((await run('import', '--case', 'Testfall CLI', demo('calls.csv'))).code).toBe(2);
    expect((await run('path', '--case', 'Testfall CLI', 'a', 'b', '--max-length', 'x')).code).toBe(2);
    const unknown = await run('xref', '--case', 'No such case', '--json');
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toBe('');
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'x:\n  query:\n    entities:\n      a:\n        schema: Persn\n        keys: [a]\n');
    const rejected = await run('import', '--case', 'Testfall CLI', demo('calls.csv'), '--mapping', bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/bad\.yml:5.*unknown schema Persn/);
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'call_id,date,caller_name,caller_phone,receiver_name,receiver_phone,duration_s\nC-9,not a date,A B,1,C D,2,3\n');
    const partial = await run('import', '--case', 'Testfall CLI', rows, '--mapping', demo('calls.yml'), '--json');
    expect(partial.code).toBe(1);
    expect(JSON.parse(partial.stdout)).toMatchObject({ errorCount: 1, errors: [{ line: 2 }] });
  });
});
