// The STIX store on every backend: versions by modified, date_added per version, TLP filtered inside the query, deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { addCollection, listCollections } from './collections.js';
import { ingest } from './ingest.js';
import { deleteObject, queryObjects, type ObjectFilter } from './objects.js';

const RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const tool = (n: number, modified = '2024-01-01T00:00:00.000Z', marking?: string) => ({
  type: 'tool',
  spec_version: '2.1',
  id: `tool--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: '2024-01-01T00:00:00.000Z',
  modified,
  name: `Tool ${n}`,
  ...(marking ? { object_marking_refs: [marking] } : {}),
});

for (const backend of storeBackends('taxii store')) {
  describe(`taxii store on ${backend.name}`, () => {
    let t: TestApp;
    let c: string;
    const by = { actor: SYSTEM_ACTOR };
    const clock = new ManualClock('2026-05-01T10:00:00.000Z');
    const filter = (over: Partial<ObjectFilter> = {}): ObjectFilter => ({ collectionId: c, versions: ['all'], specVersions: ['2.1'], maxRank: 4, ...over });

    beforeAll(async () => {
      t = await createTestApp({ backend, clock });
      c = (await addCollection(t.ctx.db, t.ctx.audit, { title: 'Store test' }, by, clock.now().toISOString())).id;
    });
    afterAll(async () => t?.close());

    it('creates the API root default on first start', async () => {
      const roots = await t.ctx.db.kysely
        .selectFrom('taxii_api_roots' as never)
        .select('name' as never)
        .execute();
      expect(roots).toEqual([{ name: 'default' }]);
      expect((await listCollections(t.ctx.db.kysely)).map((x) => x.id)).toEqual([c]);
    });

    it('keeps one row per id and version; re-adding a version changes nothing', async () => {
      const first = await ingest(t.ctx, c, { objects: [tool(1), tool(1, '2024-02-01T00:00:00.000Z')] }, by);
      expect(first).toMatchObject({ added: 2, present: 0, rejected: 0 });
      const before = await queryObjects(t.ctx.db.kysely, filter(), 100);
      clock.advance(60_000);
      const again = await ingest(t.ctx, c, { objects: [tool(1, '2024-02-01T00:00:00.0000Z')] }, by);
      expect(again).toMatchObject({ added: 0, present: 1 });
      expect(await queryObjects(t.ctx.db.kysely, filter(), 100)).toEqual(before);
    });

    it('gives every version its own increasing date_added, even within one millisecond', async () => {
      await ingest(t.ctx, c, { objects: [tool(2), tool(3), tool(4)] }, by);
      const rows = (await queryObjects(t.ctx.db.kysely, filter(), 100)).rows;
      const dates = rows.map((r) => r.date_added);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(d))).toBe(true);
    });

    it('filters by TLP inside the query, so pages stay full and more is exact', async () => {
      const objects = Array.from({ length: 20 }, (_, i) => tool(100 + i, '2024-01-01T00:00:00.000Z', i % 2 ? RED : GREEN));
      await ingest(t.ctx, c, { objects }, by);
      const green = filter({ types: ['tool'], ids: objects.map((o) => o.id), maxRank: 1 });
      const p1 = await queryObjects(t.ctx.db.kysely, green, 5);
      expect(p1.rows).toHaveLength(5);
      expect(p1.more).toBe(true);
      const last = p1.rows[4]!;
      const p2 = await queryObjects(t.ctx.db.kysely, green, 5, { dateAdded: last.date_added, seq: last.seq });
      expect(p2.rows).toHaveLength(5);
      expect(p2.more).toBe(false);
      const seen = [...p1.rows, ...p2.rows].map((r) => r.body);
      expect(seen.every((b) => b.includes(GREEN) && !b.includes(RED))).toBe(true);
    });

    it('picks first and last versions among what the reader may see', async () => {
      await ingest(t.ctx, c, { objects: [tool(50, '2024-01-01T00:00:00.000Z', GREEN), tool(50, '2024-06-01T00:00:00.000Z', RED)] }, by);
      const last = (maxRank: number) => queryObjects(t.ctx.db.kysely, filter({ objectId: tool(50).id, versions: ['last'], maxRank }), 10);
      expect((await last(4)).rows.map((r) => r.version)).toEqual(['2024-06-01T00:00:00.000Z']);
      expect((await last(1)).rows.map((r) => r.version)).toEqual(['2024-01-01T00:00:00.000Z']);
    });

    it('deletes the matching versions only', async () => {
      expect(await deleteObject(t.ctx.db.kysely, filter({ objectId: tool(1).id, versions: ['first'] }))).toBe(1);
      const left = await queryObjects(t.ctx.db.kysely, filter({ objectId: tool(1).id }), 10);
      expect(left.rows.map((r) => r.version)).toEqual(['2024-02-01T00:00:00.000Z']);
    });
  });
}
