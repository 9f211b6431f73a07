// Imports on every store backend: wrong encodings, bad dates, empty rows, merged cells, XLSX, FtM lines; per-row errors and nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { xlsx } from './import/xlsx-fixture.js';
import { base64, client, demoFile, type Headers } from './test-support.js';

const PEOPLE = `people:
  query:
    entities:
      person:
        schema: Person
        id_column: ref
        properties:
          name: { column: name }
          birthDate: { column: born, formats: ['%d.%m.%Y', '%d/%m/%Y'] }
`;

for (const backend of storeBackends('intel import')) {
  describe(`intel imports on ${backend.name}`, () => {
    let t: TestApp;
    let c: ReturnType<typeof client>;
    let h: Headers;
    let caseId: string;
    const count = async () => (await c.get(`/api/intel/cases/${caseId}/entities?limit=1000`, h)).json().total as number;
    const upload = (file: string, content: string | Buffer, extra: object = {}) =>
      c.post(`/api/intel/cases/${caseId}/imports`, h, {
        file,
        format: file.endsWith('.xlsx') ? 'xlsx' : 'csv',
        content: base64(content),
        mapping: PEOPLE,
        ...extra,
      });

    beforeAll(async () => {
      t = await createTestApp({ backend });
      c = client(t);
      const { userId: _, ...headers } = await t.as('analyst');
      h = headers;
      caseId = (await c.post('/api/intel/cases', h, { name: 'Imports' })).json().id;
    });
    afterAll(() => t?.close());

    it('reports each bad row with its line, imports the others, and in strict mode writes nothing', async () => {
      const csv =
        'ref,name,born\nP1,ERIKA MUSTERFRAU,30.11.1968\nP2,JOHN SPECIMEN,the day after\n\nP3,Testperson Alpha,1971-05-02\nP4,Testperson Bravo,15/01/1980\n';
      const strict = await upload('people.csv', csv, { strict: true });
      expect(strict.json()).toMatchObject({ written: false, errorCount: 1, importId: null });
      expect(await count()).toBe(0);
      const res = await upload('people.csv', csv);
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ rows: 4, entities: 3, added: 3, errorCount: 1, written: true });
      expect(r.errors[0]).toMatchObject({ line: 3 });
      expect(r.errors[0].detail).toMatch(/birthDate.*column born.*"the day after" is not a date/);
      const erika = (await c.get(`/api/intel/cases/${caseId}/entities/people-P1`, h)).json();
      expect(erika.properties.birthDate).toEqual(['1968-11-30']);
      expect((await c.get(`/api/intel/cases/${caseId}/entities/people-P4`, h)).json().properties.birthDate).toEqual(['1980-01-15']);
    });

    it('names a Latin-1 file read as UTF-8 per row, and reads it with encoding latin1', async () => {
      const latin1 = Buffer.from('ref,name,born\nL1,J\u00fcrgen Testmann,1970\nL2,Plain Name,1971\n', 'latin1');
      const wrong = (await upload('latin.csv', latin1, { strict: true })).json();
      expect(wrong.errorCount).toBe(1);
      expect(wrong.errors[0]).toMatchObject({ line: 2 });
      expect(wrong.errors[0].detail).toMatch(/not valid UTF-8.*latin1/);
      const right = (await upload('latin.csv', latin1, { encoding: 'latin1' })).json();
      expect(right).toMatchObject({ errorCount: 0, added: 2 });
      expect((await c.get(`/api/intel/cases/${caseId}/entities/people-L1`, h)).json().caption).toBe('J\u00fcrgen Testmann');
    });

    it('refuses a mapping naming a column the file lacks, with the mapping line, writing nothing', async () => {
      const before = await count();
      const res = await upload('x.csv', 'ref,fullname\nQ1,Someone\n');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'mapping', line: 8 });
      expect(res.json().detail).toMatch(/column "name"/);
      const bad = await c.post(`/api/intel/cases/${caseId}/imports`, h, {
        file: 'x.csv',
        format: 'csv',
        content: base64('a\n'),
        mapping: 'people:\n  query:\n    entities:\n      p:\n        schema: Persn\n        keys: [a]\n',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/unknown schema Persn/);
      expect(await count()).toBe(before);
    });

    it('imports XLSX with merged cells, serial dates and empty rows', async () => {
      const book = xlsx(
        [['ref', 'name', 'born'], ['X1', 'TESTPERSON CHARLIE', { date: 27000 }], [], ['X2', 'TESTPERSON DELTA', '03.04.1977'], ['X3', null, null]],
        { merged: ['B4:B5'] },
      );
      const res = await upload('people.xlsx', book);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rows: 3, emptyRows: 1, errorCount: 0, added: 3 });
      expect((await c.get(`/api/intel/cases/${caseId}/entities/people-X1`, h)).json().properties.birthDate).toEqual(['1973-12-02']);
      expect((await c.get(`/api/intel/cases/${caseId}/entities/people-X3`, h)).json().caption).toBe('TESTPERSON DELTA');
      const preview = await c.post(`/api/intel/cases/${caseId}/imports/preview`, h, { file: 'people.xlsx', format: 'xlsx', content: base64(book) });
      expect(preview.json()).toMatchObject({ columns: ['ref', 'name', 'born'], sheets: ['Sheet1'] });
    });

    it('imports FtM JSON lines with a bad line reported, and rolls back a write that conflicts', async () => {
      const lines = [
        JSON.stringify({ id: 'ftm-co-1', schema: 'Company', properties: { name: ['MUSTERHANDEL BETA GMBH'] } }),
        '{not json',
        JSON.stringify({ id: 'ftm-x', schema: 'Nope', properties: {} }),
        JSON.stringify({ id: 'ftm-own-1', schema: 'Ownership', properties: { owner: ['people-P1'], asset: ['ftm-co-1'], percentage: ['60'] } }),
      ].join('\n');
      const r = (await c.post(`/api/intel/cases/${caseId}/imports`, h, { file: 'x.ftm.json', format: 'ftm', content: base64(lines) })).json();
      expect(r).toMatchObject({ rows: 4, entities: 2, errorCount: 2, written: true });
      expect(r.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
      const before = await count();
      // people-P1 is a Person: a file calling it a Company is refused whole, with the new entity before it not written either.
      const clash = [
        JSON.stringify({ id: 'ftm-new', schema: 'Person', properties: { name: ['NEW PERSON'] } }),
        JSON.stringify({ id: 'people-P1', schema: 'Company', properties: { name: ['X'] } }),
      ].join('\n');
      const res = await c.post(`/api/intel/cases/${caseId}/imports`, h, { file: 'clash.json', format: 'ftm', content: base64(clash) });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/people-P1 is a Person/);
      expect(await count()).toBe(before);
    });

    it('saves mappings for reuse and imports with a saved one', async () => {
      const m = await c.post('/api/intel/mappings', h, { name: 'demo calls', yaml: demoFile('calls.yml') });
      expect(m.statusCode).toBe(201);
      expect((await c.post('/api/intel/mappings', h, { name: 'demo calls', yaml: demoFile('calls.yml') })).statusCode).toBe(409);
      const bad = await c.post('/api/intel/mappings', h, { name: 'bad', yaml: 'x:\n  query:\n    entities:\n      a:\n        schema: Person\n' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().line).toBe(4);
      const r = await c.post(`/api/intel/cases/${caseId}/imports`, h, {
        file: 'calls.csv',
        format: 'csv',
        content: base64(demoFile('calls.csv')),
        mappingId: m.json().id,
      });
      expect(r.json()).toMatchObject({ errorCount: 0, written: true });
      expect((await c.get(`/api/intel/cases/${caseId}/entities/calls-C-0001`, h)).statusCode).toBe(200);
    });
  });
}
