// The real lists of ../shared/data/watchlists through the whole pipeline, on every store backend (skipped visibly when absent).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { ROOT } from '../../test-support/cli.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { ImportError, type ImportFormat } from './importers/types.js';
import { importList } from './import.js';
import { diffVersions } from './diff.js';
import { getList } from './store.js';
import { wl } from './tables.js';

const DATA = join(ROOT, '..', 'shared', 'data', 'watchlists');
const UN = join(ROOT, 'demo', 'watchlists', 'UN_consolidated.xml');
const present = (rel: string) => {
  if (existsSync(join(DATA, rel))) return true;
  console.warn(`[skipped] real list ${join(DATA, rel)} is absent`);
  return false;
};

/** A copy of the UN list with the first name of three individuals changed; returns the ids of those three. */
function unWithThreeChanges(target: string): string[] {
  const xml = readFileSync(UN, 'utf8');
  const blocks = [...xml.matchAll(/<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>/g)];
  const picked = [blocks[3]!, blocks[200]!, blocks[600]!];
  let out = xml;
  for (const b of picked.reverse()) {
    const changed = b[0].replace(/<FIRST_NAME>([^<]*)<\/FIRST_NAME>/, '<FIRST_NAME>$1 TESTCHANGE</FIRST_NAME>');
    out = out.slice(0, b.index) + changed + out.slice(b.index! + b[0].length);
  }
  writeFileSync(target, out);
  return picked.map((b) => `un-${/<REFERENCE_NUMBER>([^<]+)</.exec(b[0])![1]!.trim()}`).sort();
}

for (const backend of storeBackends('watchlists real lists')) {
  describe(`real lists on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    const k = () => wl(t.ctx.db.kysely);
    const load = (list: string, format: ImportFormat, paths: string[], extra: { activate?: boolean } = {}) =>
      importList(t.ctx, { list, format, paths, actor: SYSTEM_ACTOR, ...extra });

    beforeAll(async () => {
      t = await createTestApp({ backend });
      dir = mkdtempSync(join(tmpdir(), 'vigil-wl-real-'));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('UN consolidated list: 730 persons and 273 organisations; three changed entries diff as exactly those three', async () => {
      const v1 = await load('un', 'un', [UN]);
      expect(v1).toMatchObject({ status: 'imported', counts: { Person: 730, Organization: 273 }, total: 1003 });
      expect(await load('un', 'un', [UN])).toMatchObject({ status: 'unchanged', version: 1 });
      const copy = join(dir, 'UN_changed.xml');
      const ids = unWithThreeChanges(copy);
      const v2 = await load('un', 'un', [copy]);
      expect(v2).toMatchObject({ version: 2, total: 1003, rows: { added: 0, removed: 0, changed: 3 } });
      const d = await diffVersions(k(), await getList(k(), 'un'));
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
      expect(d.changed.map((c) => c.id)).toEqual(ids);
      for (const c of d.changed) expect(c.properties).toEqual(expect.arrayContaining(['firstName', 'name']));
    });

    it('a truncated UN file is rejected with its position and the active version stays', async () => {
      const whole = readFileSync(UN);
      const cut = join(dir, 'UN_cut.xml');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
      const err = (await load('un', 'un', [cut]).catch((e: unknown) => e)) as ImportError;
      expect(err).toBeInstanceOf(ImportError);
      expect(err.where.file).toBe(cut);
      expect(err.where.line).toBeGreaterThan(1);
      expect(err.describe()).toMatch(/UN_cut\.xml:\d+/);
      const list = await getList(k(), 'un');
      expect(list.activeVersion).toBe(2);
      expect(list.versions).toHaveLength(2);
    });

    it.runIf(present('ofac/2021-07/sdn.csv') && present('ofac/2025-12/alt.csv'))(
      'OFAC SDN 2021 with the 2025 aliases as extra aliases: 4,620 persons, 3,673 organisations, 406 vessels, 277 aircraft',
      async () => {
        const r = await load('ofac', 'ofac-csv', [join(DATA, 'ofac', '2021-07'), join(DATA, 'ofac', '2025-12', 'alt.csv')]);
        expect(r.counts).toEqual({ Person: 4620, Organization: 3673, Vessel: 406, Airplane: 277 });
        expect((await getList(k(), 'ofac')).versions[0]!.files).toEqual([
          '2021-07/add.csv',
          '2021-07/alt.csv',
          '2021-07/sdn.csv',
          '2021-07/sdn_comments.csv',
          'alt.csv',
        ]);
      },
    );

    it.runIf(present('ofac/cons-2025-12/cons_prim.csv'))('OFAC consolidated (non-SDN) 2025: 79 persons and 363 organisations', async () => {
      const r = await load('ofac-cons', 'ofac-csv', [join(DATA, 'ofac', 'cons-2025-12')]);
      expect(r.counts).toEqual({ Person: 79, Organization: 363 });
    });

    it.runIf(present('opensanctions/us_congress_senzing.json'))('OpenSanctions US Congress (Senzing): 1,319 records, 1,317 listed persons', async () => {
      const r = await load('us-congress', 'senzing', [join(DATA, 'opensanctions', 'us_congress_senzing.json')]);
      expect(r.counts).toEqual({ Person: 1317 });
      expect(r.records).toBeGreaterThanOrEqual(1319);
    });
  });
}
