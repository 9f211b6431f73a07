// `vigil documents …` as a user runs it (child processes): the registry import and check, and the document check's exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../../test-support/cli.js';
import { DEMO_MRZ } from '../lost/demo.js';

describe('vigil documents (CLI)', { timeout: 240_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => vigil(['documents', ...args], env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-doc-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
    const demo = await vigil(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    // The demo prints the MRZ to paste, and loads the registry.
    expect(demo.stdout).toContain(DEMO_MRZ.stolen[1]);
    writeFileSync(join(dir, 'bad.csv'), 'issuingCountry,documentType,documentNumber,status,reportedOn\nUTO,P,X1,stolen,2025-01-01\nUTO,P,X2,gone,2025-01-01\n');
    writeFileSync(
      join(dir, 'more.jsonl'),
      '{"issuingCountry":"ITA","documentType":"P","documentNumber":"YB0000002","status":"stolen","reportedOn":"2025-10-01"}\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops a stolen document: exit 1, JSON only on stdout', async () => {
    const r = await run('check', '--mrz', ...DEMO_MRZ.stolen, '--json');
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { verdict: string; lost: { match: string } };
    expect(out).toMatchObject({ verdict: 'stop', lost: { match: 'exact' } });
  });

  it('clears a clean document with exit 0, and reads the lines from one argument too', async () => {
    const r = await run('check', '--mrz', DEMO_MRZ.clear.join('\n'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^CLEAR/);
    expect(r.stdout).toContain('MUSTERFRAU');
  });

  it('finds the misread number fuzzily and prints the corrected reading', async () => {
    const r = await run('check', '--mrz', ...DEMO_MRZ.misread);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ATTENTION/);
    expect(r.stdout).toContain(`corrected reading: ${DEMO_MRZ.stolen.join(' ')}`);
  });

  it('imports, lists and checks the registry; a rejected import names line and column and changes nothing', async () => {
    const bad = await run('lost', 'import', join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3, column 10 (status)');
    const added = await run('lost', 'import', '--add', join(dir, 'more.jsonl'), '--json');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ status: 'imported', version: 2, activated: true, changes: { added: 1 } });
    const ls = await run('lost', 'ls', '--json');
    expect((JSON.parse(ls.stdout) as { versions: unknown[] }).versions).toHaveLength(2);
    const hit = await run('lost', 'check', 'IT', 'YBOOOOOO2', '--json');
    expect(hit.code).toBe(1);
    expect(JSON.parse(hit.stdout)).toMatchObject({ match: 'fuzzy', hits: [{ documentNumber: 'YB0000002', status: 'stolen' }] });
    const none = await run('lost', 'check', 'ITA', 'YB0000003');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Not reported (registry version 2)');
    const usage = await run('lost', 'check', 'Atlantis', '1');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('country');
  });
});
