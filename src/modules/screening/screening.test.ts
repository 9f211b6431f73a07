// Screening on every store backend: across scripts, spellings and word order, explained; input errors name the field; NDJSON batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { headersOf, importUnDemo } from './test-support.js';

interface Match {
  entityId: string;
  caption: string;
  schema: string;
  lists: string[];
  score: number;
  explanation: Array<{ feature: string; score: number; detail: string }>;
}

for (const backend of storeBackends('screening')) {
  describe(`screening API on ${backend.name}`, () => {
    let t: TestApp;
    let officer: Record<string, string>;
    const screen = (payload: unknown, headers = officer) => t.app.inject({ method: 'POST', url: '/api/screen', headers, payload: payload as object });

    beforeAll(async () => {
      t = await createTestApp({ backend });
      await importUnDemo(t.ctx);
      officer = headersOf(await t.as('officer'));
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    const top = async (payload: object): Promise<Match | undefined> => {
      const res = await screen(payload);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { matches: Match[] }).matches[0];
    };

    it('finds a listed person from the Arabic script, another romanisation and another word order, explained', async () => {
      const arabic = await top({ id: 'q1', name: 'عزت ابراهيم الدوري' });
      expect(arabic?.caption).toMatch(/IZZAT IBRAHIM AL-DURI/i);
      const romanised = await top({ name: 'Izzat Ibrahim al-Douri' });
      expect(romanised?.entityId).toBe(arabic?.entityId);
      const reordered = await top({ name: 'Al-Duri Izzat Ibrahim', birthDate: '1942' });
      expect(reordered?.entityId).toBe(arabic?.entityId);
      expect(reordered?.lists).toEqual(['un']);
      expect(reordered?.schema).toBe('Person');
      expect(reordered!.score).toBeGreaterThan(0);
      expect(reordered!.score).toBeLessThanOrEqual(1);
      expect(reordered!.explanation.length).toBeGreaterThan(0);
      for (const e of reordered!.explanation) expect(e).toEqual({ feature: expect.any(String), score: expect.any(Number), detail: expect.any(String) });
      const res = await screen({ id: 'q1', name: 'Izzat Ibrahim al-Douri' });
      expect((res.json() as { id: string }).id).toBe('q1');
    });

    it('does not report the known false positives of other matchers', async () => {
      for (const name of ['George Bush', 'Testperson Quuxley', 'John Smith']) {
        const res = await screen({ name });
        expect(res.statusCode).toBe(200);
        expect((res.json() as { matches: Match[] }).matches, name).toEqual([]);
      }
    });

    it('lowers the threshold with minScore and orders best first', async () => {
      const res = await screen({ name: 'Saddam Hussein', minScore: 0.2 });
      const matches = (res.json() as { matches: Match[] }).matches;
      expect(matches.length).toBeGreaterThan(1);
      for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
    });

    it('rejects bad input with 400 naming the field', async () => {
      const cases: Array<[object, string]> = [
        [{}, 'name'],
        [{ name: '   ' }, 'name'],
        [{ name: 'al bin' }, 'name'],
        [{ name: 'x'.repeat(1001) }, 'name'],
        [{ name: 'Testperson\u0007 Quuxley' }, 'name'],
        [{ name: 'Testperson Quuxley', birthDate: '1970-13-45' }, 'birthDate'],
        [{ name: 'Testperson Quuxley', nationality: 'Atlantis' }, 'nationality'],
        [{ name: 'Testperson Quuxley', schema: 'Spaceship' }, 'schema'],
        [{ name: 'Testperson Quuxley', gender: 'x' }, 'gender'],
        [{ name: 'Testperson Quuxley', documents: [{ number: '' }] }, 'documents[0].number'],
        [{ name: 'Testperson Quuxley', minScore: 3 }, 'minScore'],
      ];
      for (const [payload, field] of cases) {
        const res = await screen(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.body).toContain(field);
      }
      const ok = await screen({
        name: 'Testperson Quuxley',
        nationality: 'IRQ',
        birthDate: '1970-05',
        gender: 'male',
        schema: 'Person',
        documents: ['X1234567'],
      });
      expect(ok.statusCode).toBe(200);
    });

    it('needs screening.run and audits without the queried name', async () => {
      const auditor = headersOf(await t.as('auditor'));
      expect((await screen({ name: 'Izzat Ibrahim al-Douri' }, auditor)).statusCode).toBe(403);
      const rows = await t.ctx.db.kysely
        .selectFrom('audit_log' as never)
        .selectAll()
        .where('action' as never, '=', 'screening.run' as never)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      expect(text).not.toMatch(/Douri|Izzat/i);
      expect(text).toContain('entityIds');
    });

    it('screens an NDJSON batch; a bad line yields an error line and the stream goes on', async () => {
      const body = [
        JSON.stringify({ id: 'a', name: 'Izzat Ibrahim al-Douri' }),
        '{not json',
        JSON.stringify({ id: 'c', name: 'Testperson Quuxley', birthDate: 'yesterday' }),
        '',
        JSON.stringify({ id: 'd', name: 'Testperson Quuxley' }),
      ].join('\n');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/screen/batch',
        headers: { ...officer, 'content-type': 'application/x-ndjson' },
        payload: body,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/ndjson/);
      const lines = res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string | null; matches?: Match[]; error?: { code: string; detail: string } });
      expect(lines).toHaveLength(4);
      expect(lines[0]!.id).toBe('a');
      expect(lines[0]!.matches![0]!.caption).toMatch(/AL-DURI/);
      expect(lines[1]!.error).toMatchObject({ code: 'validation-failed' });
      expect(lines[1]!.error!.detail).toContain('line 2');
      expect(lines[2]).toMatchObject({ id: 'c', error: { code: 'validation-failed' } });
      expect(lines[2]!.error!.detail).toContain('birthDate');
      expect(lines[3]).toEqual({ id: 'd', matches: [] });
    });

    it('reports the index status: size, memory, list versions, weights version', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/screen/status', headers: officer });
      expect(res.statusCode).toBe(200);
      const s = res.json() as { built: boolean; entities: number; bytes: number; lists: unknown[]; weightsVersion: string };
      expect(s.built).toBe(true);
      expect(s.entities).toBeGreaterThan(500);
      expect(s.bytes).toBeGreaterThan(0);
      expect(s.lists).toEqual([{ list: 'un', version: 1 }]);
      expect(s.weightsVersion).toBeTruthy();
    });
  });
}
