// Cross-referencing one import against the case: blocking keys, the entities blocking keeps, and pairs with older entities.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import type { Caller } from './access.js';
import { createCase } from './cases.js';
import type { Resolved } from './entities.js';
import { importIntoCase } from './import/run.js';
import { it as tables } from './tables.js';
import { blocked, blockKeys, crossReference, MAX_BLOCK } from './xref.js';

const person = (id: string, name: string, extra: Record<string, string[]> = {}): Resolved => ({
  id,
  schema: 'Person',
  properties: { name: [name], ...extra },
  caption: name,
  records: [id],
});

describe('blocking keys', () => {
  it('survive a misspelt word, another word order and title case; identifiers match without punctuation', () => {
    const keys = blockKeys(person('a', 'ERIKA MUSTERFRAU', { phone: ['+43 660 1234567'] }));
    expect(blockKeys(person('b', 'Musterfrau Erika'))).toEqual(expect.arrayContaining(keys.filter((k) => k.startsWith('n:'))));
    expect(blockKeys(person('c', 'ERIKA MUSTERFRAUU')).some((k) => keys.includes(k))).toBe(true);
    expect(blockKeys(person('d', 'JOHN SPECIMEN', { phone: ['0043-660-1234567'] })).some((k) => keys.includes(k))).toBe(false);
    expect(blockKeys(person('e', 'JOHN SPECIMEN', { phone: ['+43 (660) 1234567'] })).some((k) => keys.includes(k))).toBe(true);
  });

  it('keep the entities sharing a selective key with a screened one, and drop keys too common to select by', () => {
    const screened = [person('in-1', 'ERIKA MUSTERFRAU'), person('in-2', 'TESTPERSON EINS')];
    const others = [person('ex-1', 'Musterfrau, Erika'), person('ex-2', 'MAX MUSTERMANN'), person('ex-3', 'ERIKA BEISPIEL')];
    expect(blocked(screened, others).map((e) => e.id)).toEqual(['in-1', 'in-2', 'ex-1']);
    const crowd = Array.from({ length: MAX_BLOCK + 1 }, (_, i) => person(`crowd-${i}`, 'TESTPERSON EINS'));
    expect(blocked(screened, [...others, ...crowd]).map((e) => e.id)).toEqual(['in-1', 'in-2', 'ex-1']);
    expect(blocked(screened, [...others, ...crowd.slice(1)])).toHaveLength(3 + MAX_BLOCK);
  });
});

for (const backend of storeBackends('intel xref of an import')) {
  describe(`xref of one import on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    const operator: Caller = { actor: SYSTEM_ACTOR, operator: true, can: () => true };
    const ftm = (name: string, entities: object[]) => {
      const path = join(dir, name);
      writeFileSync(path, entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
      return { path, name, format: 'ftm' as const };
    };

    beforeAll(async () => {
      t = await createTestApp({ backend });
      dir = mkdtempSync(join(tmpdir(), 'vigil-xref-'));
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('screens only the import, proposes pairs with older entities whatever their ids, and refuses an unknown import', async () => {
      const c = await createCase(t.ctx, { name: 'Xref import' }, operator);
      await importIntoCase(
        t.ctx,
        c.id,
        ftm('old.ftm.json', [
          { id: 'a-old-1', schema: 'Person', properties: { name: ['ERIKA MUSTERFRAU'], birthDate: ['1970-01-01'] } },
          { id: 'a-old-2', schema: 'Person', properties: { name: ['Erika Musterfrau'], birthDate: ['1970-01-01'] } },
          { id: 'a-old-3', schema: 'Company', properties: { name: ['MUSTERHANDEL BETA GMBH'] } },
        ]),
        operator,
      );
      const imp = await importIntoCase(
        t.ctx,
        c.id,
        ftm('new.ftm.json', [
          { id: 'z-new-1', schema: 'Person', properties: { name: ['MUSTERFRAU ERIKA'], birthDate: ['1970-01-01'] } },
          { id: 'z-new-2', schema: 'Person', properties: { name: ['JOHN SPECIMEN'] } },
        ]),
        operator,
      );
      const r = await crossReference(t.ctx, c.id, operator, { lists: false, importId: imp.importId! });
      expect([r.entities, r.indexed]).toEqual([2, 4]);
      const pairs = await tables(t.ctx.db.kysely).selectFrom('intel_pairs').select(['left_id', 'right_id']).where('case_id', '=', c.id).execute();
      // The two older records of ERIKA are not paired with each other: that pair is not the import's.
      expect(pairs.map((p) => `${p.left_id} ${p.right_id}`).sort()).toEqual(['a-old-1 z-new-1', 'a-old-2 z-new-1']);
      const again = await crossReference(t.ctx, c.id, operator, { lists: false, importId: imp.importId! });
      expect([again.proposed, again.known]).toEqual([0, 2]);
      await expect(crossReference(t.ctx, c.id, operator, { lists: false, importId: 'no-such-import' })).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
