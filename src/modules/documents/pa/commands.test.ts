// `vigil documents csca|crl import|ls` as an operator runs them (child process): JSON only with --json, exit 0 / 1 / 2 / 3.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../../test-support/cli.js';
import { buildTestPassport, SPECIMEN_TD3 } from './test-pki.js';

describe('vigil documents csca / crl (CLI)', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const p = buildTestPassport({ mrz: [...SPECIMEN_TD3], cscaKey: 'explicit-brainpoolP256r1' });
  const file = (name: string, data: Uint8Array | string) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-pa-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a CSCA once (JSON only on stdout), lists it, and imports its CRL', async () => {
    const csca = file('csca.der', p.csca.der);
    const first = await vigil(['documents', 'csca', 'import', csca, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ source: 'certificate', added: 1, unchanged: 0 });
    const again = await vigil(['documents', 'csca', 'import', csca], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('0 CSCA certificates added, 1 already trusted.\n');
    const ls = await vigil(['documents', 'csca', 'ls', '--country', 'ut', '--json'], env);
    expect(JSON.parse(ls.stdout).items).toEqual([
      expect.objectContaining({ country: 'UT', key: 'ECDSA brainpoolP256r1 (explicit parameters, matched to the named curve)' }),
    ]);
    const table = await vigil(['documents', 'csca', 'ls'], env);
    expect(table.stdout).toMatch(/UT\s+C=UT, O=Passport Office of Testland, CN=CSCA UT TEST\s+\d{4}-\d\d-\d\d\s+ECDSA brainpoolP256r1/);
    const crl = await vigil(['documents', 'crl', 'import', file('ut.crl', p.crl), '--json'], env);
    expect(crl.code, crl.stderr).toBe(0);
    expect(JSON.parse(crl.stdout)).toMatchObject({ added: 1, crls: [{ verifiedBy: 'C=UT, O=Passport Office of Testland, CN=CSCA UT TEST' }] });
  });

  it('rejects bad files with exit 1 naming the file, a missing file with 3, a bad option with 2', async () => {
    const cut = await vigil(['documents', 'csca', 'import', file('cut.der', p.csca.der.subarray(0, 40))], env);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/cut\.der: not a certificate or master list: .* at offset \d+/);
    expect(cut.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const dsc = await vigil(['documents', 'csca', 'import', file('dsc.der', p.dsc.der), '--json'], env);
    expect(dsc.code).toBe(1);
    expect(dsc.stdout).toBe('');
    expect(dsc.stderr).toMatch(/is not a CA certificate/);
    expect((await vigil(['documents', 'crl', 'import', file('not-a-crl.der', p.csca.der)], env)).stderr).toMatch(/not-a-crl\.der: not a CRL/);
    expect((await vigil(['documents', 'csca', 'import', join(dir, 'absent.der')], env)).code).toBe(3);
    expect((await vigil(['documents', 'csca', 'ls', '--country', 'UTO'], env)).code).toBe(2);
  });
});
