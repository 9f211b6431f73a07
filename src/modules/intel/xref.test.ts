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
import { block, blockKeys, crossReference, MAX_BLOCK, type Blocking } from './xref.js';

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

  it('survive a word misspelt beyond its sound when the date of birth is the same', () => {
    const keys = blockKeys(person('a', 'ERIKA MUSTERFRAU', { birthDate: ['1970-01-01'] }));
    expect(blockKeys(person('b', 'ERIKA XUSTERFRAU', { birthDate: ['1970-01-01'] })).some((k) => keys.includes(k))).toBe(true);
    expect(blockKeys(person('c', 'ERIKA XUSTERFRAU', { birthDate: ['1971-01-01'] })).some((k) => keys.includes(k))).toBe(false);
  });

  it('pair the screened entities with those sharing a selective key, each pair once, and count what the limits leave out', () => {
    const screened = [person('in-1', 'ERIKA MUSTERFRAU'), person('in-2', 'TESTPERSON EINS'), person('in-3', 'Musterfrau Erika')];
    const others = [person('ex-1', 'Musterfrau, Erika'), person('ex-2', 'MAX MUSTERMANN'), person('ex-3', 'ERIKA BEISPIEL')];
    const ids = (b: Blocking) => b.candidates.map((cs) => cs.map((c) => b.pool[c]!.id));
    const plain = block(screened, others);
    expect(plain.pool.map((e) => e.id)).toEqual(['in-1', 'in-2', 'in-3', 'ex-1']);
    // in-1 and in-3 are compared once, from in-1.
    expect(ids(plain)).toEqual([['in-3', 'ex-1'], [], ['ex-1']]);
    expect([plain.skippedPairs, plain.cappedPairs, plain.oversizedKeys]).toEqual([0, 0, 0]);

    const crowd = Array.from({ length: MAX_BLOCK }, (_, i) => person(`crowd-${i}`, 'TESTPERSON EINS'));
    const crowded = block(screened, [...others, ...crowd]);
    expect(ids(crowded)[1]).toEqual([]);
    expect([crowded.oversizedKeys, crowded.skippedPairs]).toEqual([1, MAX_BLOCK]);
    expect(block(screened, [...others, ...crowd.slice(1)], MAX_BLOCK, MAX_BLOCK).candidates[1]).toHaveLength(MAX_BLOCK - 1);

    const capped = block(screened, [...others, ...crowd.slice(0, 10)], MAX_BLOCK, 4);
    expect(ids(capped)[1]).toEqual(['crowd-0', 'crowd-1', 'crowd-2', 'crowd-3']);
    expect(capped.cappedPairs).toBe(6);
  });

  it('compare first those sharing the most keys', () => {
    const screened = [person('in-1', 'ERIKA MUSTERFRAU', { phone: ['+43 660 1234567'] })];
    const others = [person('ex-1', 'Erika Musterfrau'), person('ex-2', 'Erika Musterfrau', { phone: ['0043 660 1234567', '+43 660 1234567'] })];
    const b = block(screened, others, MAX_BLOCK, 1);
    expect(b.candidates[0]!.map((c) => b.pool[c]!.id)).toEqual(['ex-2']);
    expect(b.cappedPairs).toBe(1);
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
      expect([r.entities, r.indexed, r.skippedPairs, r.cappedPairs]).toEqual([2, 4, 0, 0]);
      const pairs = await tables(t.ctx.db.kysely).selectFrom('intel_pairs').select(['left_id', 'right_id']).where('case_id', '=', c.id).execute();
      // The two older records of ERIKA are not paired with each other: that pair is not the import's.
      expect(pairs.map((p) => `${p.left_id} ${p.right_id}`).sort()).toEqual(['a-old-1 z-new-1', 'a-old-2 z-new-1']);
      const again = await crossReference(t.ctx, c.id, operator, { lists: false, importId: imp.importId! });
      expect([again.proposed, again.known]).toEqual([0, 2]);
      await expect(crossReference(t.ctx, c.id, operator, { lists: false, importId: 'no-such-import' })).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
