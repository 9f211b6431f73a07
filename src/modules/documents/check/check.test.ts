// The document check through the API on every store backend: verdicts and their reasons, OCR-confused numbers, holder hits, audit.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { ManualClock } from '../../../platform/clock.js';
import { importList } from '../../watchlists/index.js';
import { DEMO_MRZ, DEMO_REPORTS } from '../lost/demo.js';
import { importReports } from '../lost/import.js';
import { textInput } from '../lost/input.js';
import type { DocumentCheck } from './check.js';
import { buildTestPassport } from '../pa/test-pki.js';
import { chipToJson } from '../pa/chip.js';
import { importCrls, importCscas } from '../pa/store.js';
import { decide, reason } from './verdict.js';

const NATIONAL = fileURLToPath(new URL('../../watchlists/fixtures/national/', import.meta.url));
const headersOf = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId'));

describe('verdict', () => {
  it('is decided by the gravest reason, reasons gravest first', () => {
    expect(decide([reason('mrz-valid', 'a'), reason('lost-none', 'b')]).verdict).toBe('clear');
    expect(decide([reason('mrz-valid', 'a'), reason('expired', 'b')]).verdict).toBe('attention');
    const d = decide([reason('expired', 'a'), reason('mrz-valid', 'b'), reason('lost-exact', 'c')]);
    expect(d.verdict).toBe('stop');
    expect(d.reasons.map((r) => r.code)).toEqual(['lost-exact', 'expired', 'mrz-valid']);
  });
});

for (const backend of storeBackends('documents check')) {
  describe(`document check on ${backend.name}`, () => {
    let t: TestApp;
    let officer: Record<string, string>;
    const check = async (mrz: unknown, headers = officer) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/documents/check', headers, payload: { mrz } as object });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as DocumentCheck;
    };
    const codes = (r: DocumentCheck) => r.reasons.map((x) => x.code);

    beforeAll(async () => {
      t = await createTestApp({ backend, clock: new ManualClock('2026-11-29T10:00:00Z') });
      await importList(t.ctx, { list: 'national', format: 'csv', paths: [`${NATIONAL}national.csv`], mapping: `${NATIONAL}national.yml`, actor: SYSTEM_ACTOR });
      officer = headersOf(await t.as('officer'));
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('says the registry was not consulted before any import', async () => {
      const r = await check(DEMO_MRZ.clear.join('\n'));
      expect(r.verdict).toBe('attention');
      expect(codes(r)).toContain('registry-empty');
    });

    it('clears a well-formed, unreported document whose holder is on no list', async () => {
      await importReports(t.ctx, { ...textInput(DEMO_REPORTS), actor: SYSTEM_ACTOR });
      const r = await check([...DEMO_MRZ.clear]);
      expect(r.verdict).toBe('clear');
      expect(codes(r)).toEqual(['mrz-valid', 'lost-none', 'holder-clear']);
      expect(r.mrz).toMatchObject({ format: 'TD3', valid: true, issuingCountry: { icao: 'D', alpha2: 'de' } });
      expect(r.holder?.query).toMatchObject({ name: 'ERIKA MUSTERFRAU', birthDate: '1985-08-12', nationality: 'de', gender: 'female' });
    });

    it('stops a document reported stolen (exact), naming the report', async () => {
      const r = await check(DEMO_MRZ.stolen.join('\n'));
      expect(r.verdict).toBe('stop');
      expect(r.reasons[0]).toMatchObject({ code: 'lost-exact', severity: 'stop', field: 'documentNumber', line: 2, column: 1 });
      expect(r.lost).toMatchObject({ match: 'exact', hits: [{ documentNumber: 'X00481527', status: 'stolen', reportedOn: '2025-11-02' }] });
      expect(codes(r)).toContain('specimen');
    });

    it('finds the stolen document from an MRZ whose number carries an OCR confusion, flagged fuzzy, with the corrected reading', async () => {
      const r = await check(DEMO_MRZ.misread.join('\n'));
      expect(r.mrz.valid).toBe(false);
      expect(r.mrz.fields.documentNumber?.value).toBe('X0O481527');
      expect(r.lost?.match).toBe('fuzzy');
      expect(r.lost?.hits[0]).toMatchObject({
        documentNumber: 'X00481527',
        match: 'fuzzy',
        differences: [{ kind: 'ocr-confusion', position: 3, registered: '0', read: 'O' }],
      });
      expect(codes(r)).toEqual(expect.arrayContaining(['lost-fuzzy', 'mrz-invalid', 'mrz-suggestion']));
      expect(r.mrz.suggestions[0]?.lines).toEqual([...DEMO_MRZ.stolen]);
      expect(r.verdict).toBe('attention');
    });

    it('stops a document whose holder is listed, linking the listed entity', async () => {
      const r = await check(DEMO_MRZ.listedHolder.join('\n'));
      expect(r.verdict).toBe('stop');
      expect(r.reasons[0]?.code).toBe('holder-listed');
      expect(r.holder?.matches[0]).toMatchObject({ lists: ['national'], caption: 'Testperson Quuxley' });
      expect(r.reasons[0]?.ids).toEqual([r.holder!.matches[0]!.entityId]);
    });

    it('flags an unreadable MRZ and an expired document; rejects a body that is no MRZ', async () => {
      const garbage = await check('hello\nworld');
      expect(garbage.verdict).toBe('attention');
      expect(codes(garbage)).toEqual(['mrz-unreadable']);
      // The ICAO Doc 9303 specimen passport, which expired in 2012.
      const expired = await check(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
      expect(codes(expired)).toEqual(expect.arrayContaining(['mrz-valid', 'expired', 'specimen']));
      expect(expired.reasons.find((x) => x.code === 'expired')).toMatchObject({ field: 'expiryDate', line: 2, column: 22 });
      expect(expired.verdict).toBe('attention');
      const res = await t.app.inject({ method: 'POST', url: '/api/documents/check', headers: officer, payload: { mrz: 42 } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const anon = await t.app.inject({ method: 'POST', url: '/api/documents/check', payload: { mrz: 'x' } });
      expect(anon.statusCode).toBe(401);
    });

    it('verifies the chip when given: inconclusive without a trusted CSCA, passed with it, failed for a tampered data group', async () => {
      const passport = buildTestPassport({ mrz: [...DEMO_MRZ.clear], country: 'DE', issuedAt: new Date('2026-11-01T00:00:00Z') });
      const withChip = async (chip: object) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/documents/check', headers: officer, payload: { mrz: DEMO_MRZ.clear.join('\n'), chip } });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as DocumentCheck;
      };
      const untrusted = await withChip(chipToJson(passport.chip));
      expect(untrusted.chip?.status).toBe('inconclusive');
      expect(untrusted.verdict).toBe('attention');
      expect(codes(untrusted)).toContain('chip-inconclusive');
      await importCscas(t.ctx, { bytes: passport.csca.der, file: 'csca.der', actor: SYSTEM_ACTOR });
      await importCrls(t.ctx, { bytes: passport.crl, file: 'csca.crl', actor: SYSTEM_ACTOR });
      const passed = await withChip(chipToJson(passport.chip));
      expect(passed.chip?.status, passed.chip?.reason).toBe('passed');
      expect(passed.verdict).toBe('clear');
      const tampered = chipToJson({ sod: passport.chip.sod, dataGroups: new Map([...passport.chip.dataGroups, [2, Uint8Array.of(0x75, 0x01, 0x00)]]) });
      const failed = await withChip(tampered);
      expect(failed.chip?.status).toBe('failed');
      expect(failed.verdict).toBe('stop');
      expect(failed.reasons[0]?.code).toBe('chip-failed');
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/documents/check',
        headers: officer,
        payload: { mrz: DEMO_MRZ.clear.join('\n'), chip: { sod: '!!' } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'chip.sod' });
    });

    it('records each check in the audit log with ids and codes only', async () => {
      const r = await check(DEMO_MRZ.stolen.join('\n'));
      const [row] = await t.ctx.audit.search({ action: 'documents.check', targetId: r.id });
      expect(row?.details).toMatchObject({ verdict: 'stop', lostMatch: 'exact', lostReports: [r.lost!.hits[0]!.id], format: 'TD3' });
      const text = JSON.stringify(row);
      for (const personal of ['X00481527', 'SPECIMEN', 'JOHN', '1980']) expect(text).not.toContain(personal);
    });
  });
}
