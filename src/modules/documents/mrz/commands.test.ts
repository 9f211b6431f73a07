// `vigil mrz parse` as a user runs it (child process): lines as arguments or on stdin, JSON per the contract, exit 0 / 1 / 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../../test-support/cli.js';
import { DOC9303_SPECIMENS } from '../../../core/mrz/index.js';

describe('vigil mrz parse (CLI)', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-mrz-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the lines given as arguments: JSON only on stdout, exit 0 when valid', async () => {
    const r = await vigil(['mrz', 'parse', '--json', ...DOC9303_SPECIMENS.TD3], env);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ format: 'TD3', valid: true, specimen: true, errors: [], suggestions: [] });
    expect(body.fields.lastName).toMatchObject({ value: 'ERIKSSON', valid: true });
    expect(body.fields.birthDate.value).toBe('1974-08-12');
  });

  it('reads stdin, prints a field table and the problems in place, exit 1 when invalid', async () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const r = await vigil(['mrz', 'parse'], env, `${l1!.toLowerCase()}\n${l2!.replace('7408122', '74O8122')}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/TD3 passport: INVALID \(3 problems\)/);
    expect(r.stdout).toMatch(/birthDate\s+\(unreadable\)\s+74O812\s+2:14\s+PROBLEM/);
    expect(r.stdout).toMatch(/line 2 column 14 {2}birthDate {2}invalid-date/);
    expect(r.stdout).toMatch(/suggestion: reading O→0 at line 2 column 16 \(birthDate\)/);
    expect(r.stderr).toMatch(/not valid/);
    const json = await vigil(['mrz', 'parse', '--json'], env, `${l1}\n${l2!.slice(0, 43)}`);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors).toEqual([
      { field: 'mrz', line: 2, column: 44, code: 'bad-line-length', detail: 'line 2 has 43 characters; a TD3 line has 44' },
    ]);
  });

  it('rejects an empty input (exit 1) and a wrong option (exit 2)', async () => {
    const r = await vigil(['mrz', 'parse', '--json'], env, '');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors[0].code).toBe('empty');
    const bad = await vigil(['mrz', 'parse', '--bogus'], env);
    expect(bad.code).toBe(2);
  });
});
