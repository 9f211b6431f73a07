// Chip data from a folder of reader dumps and from the API's JSON form: names recognised, problems named.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../platform/errors.js';
import { chipToJson, parseChipJson, readChipDir } from './chip.js';
import { buildTestPassport, SPECIMEN_TD3 } from './test-pki.js';
import { trustFromDer } from './trust.js';
import { verifyPassive } from './verify.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-chip-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AT = new Date('2026-03-01T00:00:00Z');
const passport = buildTestPassport({ mrz: [...SPECIMEN_TD3], issuedAt: AT });

function folder(name: string, files: Record<string, Uint8Array | string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), v);
  return dir;
}

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('readChipDir', () => {
  it('reads EF.SOD and DGn files under their usual names, ignoring other files, and the chip verifies', async () => {
    const dir = folder('a', {
      'EF.SOD': passport.chip.sod,
      'DG1.bin': passport.chip.dataGroups.get(1)!,
      'ef_dg02.BIN': passport.chip.dataGroups.get(2)!,
      'EF.COM': 'x',
      'notes.txt': 'x',
    });
    const chip = await readChipDir(dir);
    expect([...chip.dataGroups.keys()].sort()).toEqual([1, 2]);
    const r = await verifyPassive(chip, trustFromDer([passport.csca.der], [passport.crl]), [...SPECIMEN_TD3], AT);
    expect(r.status, r.reason).toBe('passed');
  });

  it('accepts SOD.bin and EF.DG1', async () => {
    const chip = await readChipDir(folder('b', { 'SOD.bin': passport.chip.sod, 'EF.DG1': passport.chip.dataGroups.get(1)! }));
    expect(chip.sod).toEqual(passport.chip.sod);
    expect([...chip.dataGroups.keys()]).toEqual([1]);
  });

  it('names the problem: missing folder, no SOD, two files for one data group, DG17', async () => {
    expect((await errorOf(readChipDir(join(root, 'nope')))).code).toBe('not-found');
    expect((await errorOf(readChipDir(folder('c', { 'DG1.bin': 'x' })))).detail).toMatch(/holds no EF.SOD/);
    expect((await errorOf(readChipDir(folder('d', { 'EF.SOD': 'x', 'DG1.bin': 'x', EF_DG1: 'y' })))).detail).toBe('chip: both DG1.bin and EF_DG1 hold DG1');
    expect((await errorOf(readChipDir(folder('e', { 'EF.SOD': 'x', 'DG17.bin': 'x' })))).detail).toMatch(/DG17.bin: data groups are numbered 1 to 16/);
  });
});

describe('parseChipJson', () => {
  it('round-trips the JSON form', () => {
    const back = parseChipJson(JSON.parse(JSON.stringify(chipToJson(passport.chip))));
    expect(back.sod).toEqual(passport.chip.sod);
    expect(back.dataGroups).toEqual(passport.chip.dataGroups);
  });

  it('names the field of bad input', () => {
    const detail = (body: unknown) => {
      try {
        parseChipJson(body);
      } catch (e) {
        return (e as AppError).extra.field;
      }
      return 'accepted';
    };
    expect(detail(null)).toBe('chip');
    expect(detail({})).toBe('chip.sod');
    expect(detail({ sod: 'a$b=' })).toBe('chip.sod');
    expect(detail({ sod: 'AAAA', dataGroups: { '0': 'AAAA' } })).toBe('chip.dataGroups.0');
    expect(detail({ sod: 'AAAA', dataGroups: { '3': 12 } })).toBe('chip.dataGroups.3');
    expect(detail({ sod: 'AAAA', dataGroups: [] })).toBe('chip.dataGroups');
  });

  it('either parses or throws an AppError, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        try {
          parseChipJson(v);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
