// Intel API on every store backend: import, graded reports and support, cross-referencing and merge/split, paths, exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { client, importDemo, type Headers } from './test-support.js';

interface Entity {
  id: string;
  schema: string;
  caption: string;
  records: number;
}

for (const backend of storeBackends('intel')) {
  describe(`intel on ${backend.name}`, () => {
    let t: TestApp;
    let c: ReturnType<typeof client>;
    let h: Headers;
    let caseId: string;
    const entities = async (q = '') =>
      (await c.get(`/api/intel/cases/${caseId}/entities?limit=1000${q}`, h)).json() as { items: (Entity & { edge?: object })[]; total: number };
    const byName = async (name: string) => (await entities(`&q=${encodeURIComponent(name)}`)).items.filter((e) => !e.edge);

    beforeAll(async () => {
      t = await createTestApp({ backend });
      c = client(t);
      const { userId: _, ...headers } = await t.as('analyst');
      h = headers;
      const res = await c.post('/api/intel/cases', h, { name: 'Test case one', description: 'invented' });
      expect(res.statusCode, res.body).toBe(201);
      caseId = res.json().id;
    });
    afterAll(() => t?.close());

    it('imports call records and a registry extract through their mappings', async () => {
      const calls = await importDemo(t, h, caseId, 'calls');
      expect(calls.statusCode, calls.body).toBe(200);
      expect(calls.json()).toMatchObject({ rows: 5, errorCount: 0, written: true });
      const reg = await importDemo(t, h, caseId, 'registry');
      expect(reg.json()).toMatchObject({ rows: 3, errorCount: 0, written: true });
      const all = await entities();
      expect(all.items.filter((e) => e.schema === 'Call')).toHaveLength(5);
      expect(all.items.filter((e) => e.schema === 'Company').map((e) => e.id)).toEqual(
        expect.arrayContaining(['registry-FN-000001X', 'registry-FN-000002X', 'registry-FN-000003X']),
      );
      // Dates in three formats all became ISO dates.
      const call = (await c.get(`/api/intel/cases/${caseId}/entities/calls-C-0002`, h)).json();
      expect(call.properties.date).toEqual(['2026-09-02']);
      expect(call.records[0].support[0]).toMatchObject({ kind: 'import', label: 'calls.csv' });
    });

    it('rejects a report graded outside its scheme, naming the field', async () => {
      const res = await c.post(`/api/intel/cases/${caseId}/reports`, h, {
        reference: 'R-1',
        scheme: 'nato-admiralty',
        sourceGrade: 'G',
        infoGrade: '2',
        handling: 'TLP:AMBER',
        text: 'x',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('sourceGrade');
    });

    it('keeps the graded reports that support each entity and asserted link', async () => {
      const [max] = await byName('MAX MUSTERMANN');
      const [alpha] = await byName('TESTPERSON ALPHA');
      const res = await c.post(`/api/intel/cases/${caseId}/reports`, h, {
        reference: 'INT-7',
        scheme: 'nato-admiralty',
        sourceGrade: 'B',
        infoGrade: '2',
        handling: 'TLP:AMBER',
        text: 'They are cousins (invented).',
        entities: [{ id: max!.id }],
        links: [{ schema: 'Family', source: max!.id, target: alpha!.id, properties: { relationship: ['cousin'] } }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().grade).toBe('B2');
      const detail = (await c.get(`/api/intel/cases/${caseId}/entities/${max!.id}`, h)).json();
      const support = detail.records.flatMap((r: { support: { kind: string; grade?: string }[] }) => r.support);
      expect(support).toContainEqual(expect.objectContaining({ kind: 'report', label: 'INT-7', grade: 'B2 (NATO / Admiralty)', handling: 'TLP:AMBER' }));
      expect(detail.links.find((l: { type: string }) => l.type === 'Family')).toMatchObject({ other: { id: alpha!.id }, supports: 1 });
    });

    it('takes the same entity given twice in one report as one entity with both values', async () => {
      const res = await c.post(`/api/intel/cases/${caseId}/reports`, h, {
        reference: 'INT-8',
        scheme: 'uk-3x5x2',
        sourceGrade: '1',
        infoGrade: 'A',
        handling: 'C',
        text: 'x',
        entities: [
          { id: 'report-person-1', schema: 'Person', properties: { name: ['TESTPERSON ECHO'] } },
          { id: 'report-person-1', schema: 'LegalEntity', properties: { phone: ['+43 660 0000009'] } },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().grade).toBe('1A C');
      const e = (await c.get(`/api/intel/cases/${caseId}/entities/report-person-1`, h)).json();
      expect(e).toMatchObject({ schema: 'Person', properties: { name: ['TESTPERSON ECHO'], phone: ['+43 660 0000009'] } });
    });

    it('proposes probably-same entities, merges on yes keeping every record, and splits again', async () => {
      const x = await c.post(`/api/intel/cases/${caseId}/xref`, h, { lists: false });
      expect(x.statusCode, x.body).toBe(200);
      expect(x.json().proposed).toBeGreaterThan(0);
      const pairs = (await c.get(`/api/intel/cases/${caseId}/pairs?status=open`, h)).json() as {
        items: { id: string; left: { caption: string; id: string }; right: { caption: string; id: string }; fields: { property: string }[] }[];
      };
      const john = pairs.items.find((p) => [p.left.caption, p.right.caption].every((n) => n.toUpperCase() === 'JOHN SPECIMEN'));
      expect(john, JSON.stringify(pairs.items.map((p) => [p.left.caption, p.right.caption]))).toBeDefined();
      expect(john!.fields.map((f) => f.property)).toContain('birthDate');
      // Resume: "next" from nowhere gives the best open pair.
      expect((await c.get(`/api/intel/cases/${caseId}/pairs/next`, h)).json().remaining).toBe(pairs.items.length);

      // No path from the caller to the company's owner before the merge: the two JOHN SPECIMEN records are apart.
      const [max] = await byName('MAX MUSTERMANN');
      const [erika] = await byName('Erika Musterfrau');
      const before = await c.get(`/api/intel/cases/${caseId}/paths?from=${max!.id}&to=${erika!.id}`, h);
      expect(before.json().paths).toEqual([]);

      const d = await c.post(`/api/intel/cases/${caseId}/pairs/decisions`, h, { decisions: [{ pairId: john!.id, decision: 'yes' }] });
      expect(d.statusCode, d.body).toBe(200);
      const canonical = d.json().items[0].canonicalId as string;
      const merged = (await c.get(`/api/intel/cases/${caseId}/entities/${john!.right.id}`, h)).json();
      expect(merged.id).toBe(canonical);
      expect(merged.records.map((r: { id: string }) => r.id).sort()).toEqual([john!.left.id, john!.right.id].sort());

      const after = (await c.get(`/api/intel/cases/${caseId}/paths?from=${max!.id}&to=${erika!.id}`, h)).json() as { paths: string[][] };
      expect(after.paths).toHaveLength(1);
      const path = after.paths[0]!;
      expect(path[0]).toBe(max!.id);
      expect(path.at(-1)).toBe(erika!.id);
      expect(path).toContain('registry-FN-000001X');
      expect(path.some((id) => id.startsWith('calls-C-'))).toBe(true);
      // A yes cannot be decided again.
      expect((await c.post(`/api/intel/cases/${caseId}/pairs/decisions`, h, { decisions: [{ pairId: john!.id, decision: 'no' }] })).statusCode).toBe(409);

      const split = await c.post(`/api/intel/cases/${caseId}/entities/${john!.right.id}/split`, h);
      expect(split.statusCode, split.body).toBe(200);
      expect((await c.get(`/api/intel/cases/${caseId}/paths?from=${max!.id}&to=${erika!.id}`, h)).json().paths).toEqual([]);
    });

    it('refuses a merge that cannot be made and changes nothing', async () => {
      const before = await entities();
      const [person] = await byName('Testperson Bravo');
      const res = await c.post(`/api/intel/cases/${caseId}/merge`, h, { a: person!.id, b: 'registry-FN-000002X' });
      expect(res.statusCode).toBe(409);
      expect(await entities()).toEqual(before);
      // A bulk decision with one bad pair id decides none of them.
      const open = (await c.get(`/api/intel/cases/${caseId}/pairs?status=open`, h)).json().items as { id: string }[];
      const bulk = await c.post(`/api/intel/cases/${caseId}/pairs/decisions`, h, {
        decisions: [...open.map((p) => ({ pairId: p.id, decision: 'no' })), { pairId: 'no-such-pair', decision: 'yes' }],
      });
      expect(bulk.statusCode).toBe(404);
      expect((await c.get(`/api/intel/cases/${caseId}/pairs?status=open`, h)).json().total).toBe(open.length);
    });

    it('finds ownership chains and exports the graph', async () => {
      const own = (await c.get(`/api/intel/cases/${caseId}/ownership?id=registry-FN-000003X`, h)).json();
      const erika = own.parties.find((p: { caption: string }) => p.caption === 'Erika Musterfrau');
      expect(erika).toBeUndefined();
      const bravo = own.parties.find((p: { caption: string }) => p.caption === 'Testperson Bravo');
      expect(bravo).toMatchObject({ share: 100, beneficial: true });
      for (const format of ['graphml', 'gexf', 'ftm', 'anb-csv']) {
        const res = await c.get(`/api/intel/cases/${caseId}/export?format=${format}`, h);
        expect(res.statusCode, format).toBe(200);
        expect(res.body, format).toContain('registry-FN-000001X');
      }
      const ftm = (await c.get(`/api/intel/cases/${caseId}/export?format=ftm`, h)).body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(ftm.find((e: { id: string }) => e.id === 'registry-FN-000001X')).toMatchObject({ schema: 'Company' });
    });
  });
}
