// The lost and stolen registry on every store backend: versions, a rejected import changing nothing, exact and fuzzy checks, the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { importReports, LostImportError } from './import.js';
import { textInput } from './input.js';
import { checkLost, registrySummary } from './store.js';
import { searchReports } from './search.js';
import { lost } from './tables.js';

const V1 = `issuingCountry,documentType,documentNumber,status,reportedOn
UTO,P,X00481527,stolen,2025-11-02
D,P,C4X7Y0T21,stolen,2025-09-30
fr,ID,X4RTBPFW4,lost,2024-08-08
GBR,P,000000001,invalidated,
`;
// Version 2: one report changed (lost → stolen), one removed (GBR), one added (ITA).
const V2 = `issuingCountry,documentType,documentNumber,status,reportedOn
UTO,P,X00481527,stolen,2025-11-02
DEU,P,C4X7Y0T21,stolen,2025-09-30
FRA,ID,X4RTBPFW4,stolen,2024-09-01
ITA,P,YA0000001,lost,2025-07-07
`;
const headersOf = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId'));

for (const backend of storeBackends('documents lost registry')) {
  describe(`lost and stolen registry on ${backend.name}`, () => {
    let t: TestApp;
    const k = () => lost(t.ctx.db.kysely);
    const imp = (text: string, more: { mode?: 'replace' | 'add'; activate?: boolean } = {}) =>
      importReports(t.ctx, { ...textInput(text), ...more, actor: SYSTEM_ACTOR });

    beforeAll(async () => {
      t = await createTestApp({ backend });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('answers none with no version before the first import', async () => {
      expect(await checkLost(k(), 'UTO', 'X00481527')).toMatchObject({ match: 'none', version: null, hits: [] });
    });

    it('imports version 1 and finds a report exactly, across ICAO, alpha-3 and alpha-2 codes', async () => {
      const r = await imp(V1);
      expect(r).toMatchObject({ status: 'imported', version: 1, activated: true, total: 4, counts: { stolen: 2, lost: 1, invalidated: 1 }, format: 'csv' });
      const de = await checkLost(k(), 'DEU', 'C4X7Y0T21');
      expect(de.match).toBe('exact');
      expect(de.hits[0]).toMatchObject({ issuingCountry: { icao: 'D', alpha2: 'de' }, documentType: 'P', status: 'stolen', reportedOn: '2025-09-30' });
      expect((await checkLost(k(), 'de', 'C4X7-Y0T 21')).match).toBe('exact');
      expect((await checkLost(k(), 'FRA', 'X4RTBPFW4')).hits[0]?.issuingCountry).toEqual({ icao: 'FRA', alpha2: 'fr' });
      // The same number under another country is not this document.
      expect((await checkLost(k(), 'ITA', 'C4X7Y0T21')).match).toBe('none');
    });

    it('finds a report fuzzily through OCR confusions and leading zeros, saying what differed', async () => {
      const ocr = await checkLost(k(), 'UTO', 'XOO48l527');
      expect(ocr.match).toBe('fuzzy');
      expect(ocr.hits[0]!.documentNumber).toBe('X00481527');
      expect(ocr.hits[0]!.differences).toEqual([
        { kind: 'ocr-confusion', position: 2, registered: '0', read: 'O' },
        { kind: 'ocr-confusion', position: 3, registered: '0', read: 'O' },
        { kind: 'ocr-confusion', position: 6, registered: '1', read: 'L' },
      ]);
      expect(ocr.hits[0]!.detail).toContain('"O" read where "0" is registered');
      const zeros = await checkLost(k(), 'GB', '1');
      expect(zeros.match).toBe('fuzzy');
      expect(zeros.hits[0]!.differences).toEqual([{ kind: 'leading-zeros', registered: 8, read: 0 }]);
    });

    it('rejects an input with problems naming line, column and field, and changes nothing', async () => {
      const bad = `issuingCountry,documentType,documentNumber,status,reportedOn
UTO,P,X00481527,stolen,2025-11-02
ATLANTIS,P,A1,lost,2025-01-01
UTO,P,A-2,misplaced,2025-01-01
UTO,P,,lost,2025-01-01
UTO,P,A3,lost,2025-02-30
`;
      const err = await imp(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LostImportError);
      const problems = (err as LostImportError).problems;
      expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
        [3, 1, 'issuingCountry'],
        [4, 11, 'status'],
        [5, 7, 'documentNumber'],
        [6, 15, 'reportedOn'],
      ]);
      expect(problems[1]!.detail).toContain('"misplaced" is not one of lost, stolen');
      const s = await registrySummary(k());
      expect(s.versions.map((v) => v.version)).toEqual([1]);
      expect(s.activeVersion).toBe(1);
    });

    it('imports version 2 as changes, keeps version 1 answerable, and rolls back', async () => {
      const r = await imp(V2);
      expect(r).toMatchObject({ version: 2, total: 4, changes: { added: 1, changed: 1, removed: 1, unchanged: 2 } });
      expect((await checkLost(k(), 'GBR', '000000001')).match).toBe('none');
      expect((await checkLost(k(), 'GBR', '000000001', 1)).match).toBe('exact');
      expect((await checkLost(k(), 'FR', 'X4RTBPFW4')).hits[0]!.status).toBe('stolen');
      expect((await checkLost(k(), 'FR', 'X4RTBPFW4', 1)).hits[0]!.status).toBe('lost');
      // The same input again: nothing new.
      expect(await imp(V2)).toMatchObject({ status: 'unchanged', version: 2 });
      // Added reports go on top of the latest version.
      const added = await imp('{"issuingCountry":"NLD","documentType":"P","documentNumber":"SPECI2014","status":"stolen"}\n', { mode: 'add', activate: false });
      expect(added).toMatchObject({ version: 3, activated: false, activeVersion: 2, total: 5, format: 'jsonl', changes: { added: 1, removed: 0 } });
      expect((await checkLost(k(), 'NLD', 'SPECI2014')).match).toBe('none');
      expect((await checkLost(k(), 'NLD', 'SPECI2014', 3)).match).toBe('exact');
      const page = await searchReports(k(), { version: '3', limit: 10, offset: 0 });
      expect(page.total).toBe(5);
      const byNumber = await searchReports(k(), { number: 'YAOOOOOO1', limit: 10, offset: 0 });
      expect(byNumber.items).toMatchObject([{ documentNumber: 'YA0000001', match: 'fuzzy' }]);
    });

    it('serves the registry over HTTP: import, versions, activation, check (audited without numbers) and permissions', async () => {
      const admin = headersOf(await t.as('admin'));
      const officer = headersOf(await t.as('officer'));
      const list = await t.app.inject({ method: 'GET', url: '/api/documents/lost', headers: admin });
      expect(list.statusCode).toBe(200);
      expect((list.json() as { versions: unknown[] }).versions).toHaveLength(3);
      const act = await t.app.inject({ method: 'POST', url: '/api/documents/lost/activate', headers: admin, payload: { version: 3 } });
      expect(act.json()).toEqual({ changed: true, activeVersion: 3, previousVersion: 2 });
      const check = await t.app.inject({ method: 'GET', url: '/api/documents/lost/check?country=NLD&number=SPEC12O14', headers: officer });
      expect(check.statusCode).toBe(200);
      expect(check.json()).toMatchObject({ match: 'fuzzy', version: 3, hits: [{ documentNumber: 'SPECI2014', status: 'stolen' }] });
      const audit = await t.ctx.audit.search({ action: 'documents.lost.check' });
      expect(audit[0]?.details).toMatchObject({ match: 'fuzzy', version: 3 });
      expect(JSON.stringify(audit)).not.toContain('SPECI2014');
      // Officers check but do not import.
      const denied = await t.app.inject({ method: 'POST', url: '/api/documents/lost', headers: officer, payload: { content: V1 } });
      expect(denied.statusCode).toBe(403);
      const rejected = await t.app.inject({
        method: 'POST',
        url: '/api/documents/lost',
        headers: admin,
        payload: { content: 'issuingCountry,number\nUTO,1\n' },
      });
      expect(rejected.statusCode).toBe(400);
      expect(rejected.headers['content-type']).toContain('application/problem+json');
      expect(rejected.json()).toMatchObject({ code: 'validation-failed', line: 1, column: 16, field: 'header' });
      // A file larger than the default body limit (1 MiB) is accepted on this route.
      const big = ['issuingCountry,documentType,documentNumber,status,reportedOn'];
      // 42 characters a line: 40,000 lines are 1.6 MiB.
      for (let i = 0; i < 40_000; i++) big.push(`FRA,P,${String(i).padStart(9, '0')}X,lost,2025-01-01`);
      const bigRes = await t.app.inject({ method: 'POST', url: '/api/documents/lost', headers: admin, payload: { content: big.join('\n'), activate: false } });
      expect(bigRes.statusCode, bigRes.body.slice(0, 200)).toBe(200);
      expect(bigRes.json()).toMatchObject({ status: 'imported', activated: false, total: big.length - 1 });
      const bad = await t.app.inject({ method: 'GET', url: '/api/documents/lost/check?country=Atlantis&number=1', headers: officer });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'country' });
    });
  });
}
