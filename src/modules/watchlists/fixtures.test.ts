// Every committed importer fixture goes through the whole pipeline (validation, storage, export, re-import) on every store backend.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import type { ImportFormat } from './importers/types.js';
import { importList } from './import.js';
import { exportLines } from './export.js';
import { diffVersions } from './diff.js';
import { getList } from './store.js';
import { wl } from './tables.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CASES: { list: string; format: ImportFormat; paths: string[]; mapping?: string }[] = [
  { list: 'eu', format: 'eu', paths: [join(FIXTURES, 'eu', 'eu-consolidated.xml')] },
  { list: 'uk', format: 'uk', paths: [join(FIXTURES, 'uk', 'UK_Sanctions_List.xml')] },
  { list: 'ofac-xml', format: 'ofac-xml', paths: [join(FIXTURES, 'ofac-xml', 'sdn.xml')] },
  { list: 'ofac-advanced', format: 'ofac-advanced', paths: [join(FIXTURES, 'ofac-advanced', 'sdn_advanced.xml')] },
  { list: 'ftm', format: 'ftm', paths: [join(FIXTURES, 'ftm', 'entities.ftm.jsonl')] },
  { list: 'national', format: 'csv', paths: [join(FIXTURES, 'national', 'national.csv')], mapping: join(FIXTURES, 'national', 'national.yml') },
];

for (const backend of storeBackends('watchlists fixtures')) {
  describe(`importer fixtures through the pipeline on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    beforeAll(async () => {
      t = await createTestApp({ backend });
      dir = mkdtempSync(join(tmpdir(), 'vigil-wl-fx-'));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const c of CASES) {
      it(`${c.format}: imports, and its FtM export re-imports as the same listed entities`, async () => {
        const r = await importList(t.ctx, { ...c, actor: SYSTEM_ACTOR });
        expect(r.status).toBe('imported');
        expect(r.total).toBeGreaterThan(0);
        const lines: string[] = [];
        for await (const line of exportLines(wl(t.ctx.db.kysely), c.list, 1)) lines.push(line);
        expect(lines).toHaveLength(r.total + r.auxiliaries);
        const file = join(dir, `${c.list}.ftm.json`);
        writeFileSync(file, lines.join(''));
        const back = await importList(t.ctx, { list: `${c.list}-copy`, format: 'ftm', paths: [file], actor: SYSTEM_ACTOR });
        expect(back.counts).toEqual(r.counts);
        expect(back.total + back.auxiliaries).toBe(r.total + r.auxiliaries);
        // The export of the copy as a second version of the original changes nothing it lists.
        await importList(t.ctx, { list: c.list, format: 'ftm', paths: [file], actor: SYSTEM_ACTOR });
        const d = await diffVersions(wl(t.ctx.db.kysely), await getList(wl(t.ctx.db.kysely), c.list), 1, 2);
        expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
      });
    }
  });
}
