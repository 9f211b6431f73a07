// The CLI contract of rules: `vigil travel rules add|ls|test|enable|disable` with --json and the documented exit codes.
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { exitCodeOf } from '../../../platform/cli/run.js';
import type { CliContext } from '../../../platform/cli/context.js';
import { ingestFixtures } from './test-support/setup.js';

describe('vigil travel rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
    await ingestFixtures(t.ctx, ['paxlst-part1.edi', 'paxlst-part2.edi', 'pnrgov-13.1.edi']);
  });
  afterAll(async () => t?.close());

  /** Runs one command line in-process, as `vigil` would (the module's commands on a fresh program), capturing stdout and the exit code. */
  async function vigil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const cli: CliContext = {
      app: async () => t.ctx,
      actor: { type: 'system', id: 'cli:tester', orgId: null },
      out: {
        json: (v) => (stdout += `${JSON.stringify(v)}\n`),
        ndjson: (v) => (stdout += `${JSON.stringify(v)}\n`),
        line: (s) => (stdout += `${s}\n`),
        table: (rows) => (stdout += `${rows.map((r) => Object.values(r).join(' ')).join('\n')}\n`),
        info: (s) => (stderr += `${s}\n`),
      },
    };
    const program = new Command('vigil').exitOverride().configureOutput({ writeErr: (s) => (stderr += s), writeOut: (s) => (stdout += s) });
    for (const m of t.ctx.modules) m.commands?.(program, cli);
    try {
      await program.parseAsync(['node', 'vigil', ...args]);
      return { code: 0, stdout, stderr };
    } catch (err) {
      const code = (err as { code?: string }).code?.startsWith('commander.') ? 2 : exitCodeOf(err);
      return { code, stdout, stderr: `${stderr}${(err as Error).message}` };
    }
  }

  it('adds a rule, prints only JSON with --json, and records the operator as author', async () => {
    const r = await vigil('travel', 'rules', 'add', '--name', 'Return trips', '--expr', 'booking.return and route.countries contains "US"', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'r1', version: 1, enabled: false, createdBy: 'cli:tester' });
  });

  it('refuses a sensitive rule with exit 1 and the problem as JSON', async () => {
    const r = await vigil('travel', 'rules', 'add', '--name', 'meals', '--expr', 'flight.carrier == "OS" and booking.meal == "KSML"', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'validation-failed', line: 1, column: 28, field: 'expression' });
    expect(r.stderr).toMatch(/religious or philosophical beliefs/);
  });

  it('tests against stored traffic, enables, disables and lists', async () => {
    const test = await vigil('travel', 'rules', 'test', 'r1', '--from', '2026-11-01', '--to', '2026-12-31', '--json');
    expect(test.code, test.stderr).toBe(0);
    // TESTPERSON ALPHA's PNR returns to Vienna from New York.
    expect(JSON.parse(test.stdout)).toMatchObject({ ruleId: 'r1', version: 1, hits: { travellers: 1, flights: 1 } });
    const human = await vigil('travel', 'rules', 'test', 'r1');
    expect(human.stdout).toMatch(/1 of \d+ travellers on 1 of \d+ flights would have been hit/);

    expect((await vigil('travel', 'rules', 'enable', 'r1')).stdout).toMatch(/r1 v1 is enabled/);
    const ls = await vigil('travel', 'rules', 'ls', '--json');
    expect(JSON.parse(ls.stdout)).toEqual([expect.objectContaining({ id: 'r1', enabled: true })]);
    expect((await vigil('travel', 'rules', 'disable', 'r1')).stdout).toMatch(/r1 v1 is disabled/);
  });

  it('answers exit 3 for an unknown rule and 2 for a bad date', async () => {
    expect((await vigil('travel', 'rules', 'enable', 'r99')).code).toBe(3);
    expect((await vigil('travel', 'rules', 'test', 'r1', '--from', 'yesterday')).code).toBe(2);
    expect((await vigil('travel', 'rules', 'test')).code).toBe(2);
  });

  it('keeps value lists and versions a rule change', async () => {
    const set = await vigil('travel', 'rules', 'lists', 'set', 'watched', 'US', 'SY', '--json');
    expect(JSON.parse(set.stdout)).toMatchObject({ name: 'watched', version: 1, entries: ['US', 'SY'] });
    const edit = await vigil('travel', 'rules', 'edit', 'r1', '--expr', 'booking.return and route.countries in list "watched"', '--json');
    expect(JSON.parse(edit.stdout)).toMatchObject({ version: 2, changed: true });
    const show = await vigil('travel', 'rules', 'show', 'r1', '--json');
    expect(JSON.parse(show.stdout).versions).toHaveLength(2);
  });
});
