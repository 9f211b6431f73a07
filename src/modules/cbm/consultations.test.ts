// Consultations between States: the state machine, threads with attachments, broadcasts with read receipts — and need-to-know by every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';

type H = Record<string, string>;
interface Detail {
  id: string;
  status: string;
  fromState: string;
  parties: { state: string; acknowledgedAt: string | null; answeredAt: string | null; readAt: string | null }[];
  replies: { id: string; parentId: string | null; state: string; body: string }[];
  attachments: { id: string; name: string; size: number }[];
}

const PDF = Buffer.from('%PDF-1.4 invented test attachment\n');

for (const backend of storeBackends('cbm consultations')) {
  describe(`consultations on ${backend.name}`, () => {
    let t: TestApp;
    const clock = new ManualClock('2026-06-01T08:00:00.000Z');
    const u: Record<string, H> = {};
    const req = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: u[who]!, ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      t = await createTestApp({ backend, clock });
      for (const state of ['at', 'fi', 'pt']) {
        const org = await t.ctx.auth.directory.createOrg({ name: `Demo State ${state}`, country: state }, { actor: SYSTEM_ACTOR });
        await t.ctx.auth.directory.createUser(
          { username: `user.${state}`, displayName: `Testperson ${state}`, orgId: org.id, roles: ['analyst'], password: TEST_PASSWORD },
          { actor: SYSTEM_ACTOR },
        );
        u[state] = await t.login(`user.${state}`);
      }
      const { userId: _, ...sec } = await t.as('supervisor');
      u.secretariat = sec;
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    let secret: Detail;
    let draft: Detail;

    it('moves a consultation from draft to sent, acknowledged, answered and closed, with a threaded reply and attachments', async () => {
      const created = await req('at', 'POST', '/api/cbm/consultations', {
        to: ['fi'],
        subject: 'Scanning from your address space',
        body: 'Invented: we see scanning.',
        severity: 'high',
        tlp: 'amber',
        deadlineAt: '2026-06-03T08:00:00.000Z',
        attachments: [{ name: 'evidence.pdf', mediaType: 'application/pdf', content: PDF.toString('base64') }],
      });
      expect(created.statusCode, created.body).toBe(201);
      secret = created.json() as Detail;
      expect(secret).toMatchObject({ status: 'draft', fromState: 'at', parties: [{ state: 'fi' }] });
      // The recipient does not see a draft.
      expect((await req('fi', 'GET', `/api/cbm/consultations/${secret.id}`)).statusCode).toBe(404);
      expect((await req('fi', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action: 'send' })).statusCode).toBe(404);
      expect((await req('at', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action: 'send' })).json()).toMatchObject({ status: 'sent' });

      clock.advance(60_000);
      const seen = (await req('fi', 'GET', `/api/cbm/consultations/${secret.id}`)).json() as Detail;
      expect(seen.parties[0]!.readAt).toBe('2026-06-01T08:01:00.000Z');
      expect((await req('fi', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action: 'close' })).statusCode).toBe(403);
      expect((await req('fi', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action: 'acknowledge' })).json()).toMatchObject({
        status: 'acknowledged',
      });
      const q = (await req('at', 'POST', `/api/cbm/consultations/${secret.id}/replies`, { body: 'Any news?' })).json() as Detail;
      clock.advance(1000);
      const answered = await req('fi', 'POST', `/api/cbm/consultations/${secret.id}/replies`, {
        body: 'We are looking into it.',
        parentId: q.replies[0]!.id,
        attachments: [{ name: 'note.txt', mediaType: 'text/plain', content: Buffer.from('invented').toString('base64') }],
      });
      expect(answered.statusCode, answered.body).toBe(201);
      const a = answered.json() as Detail;
      expect(a.status).toBe('answered');
      expect(a.replies.map((r) => [r.state, r.parentId])).toEqual([
        ['at', null],
        ['fi', q.replies[0]!.id],
      ]);
      expect(a.attachments.map((x) => [x.name, x.size])).toEqual([
        ['evidence.pdf', PDF.length],
        ['note.txt', 8],
      ]);
      const file = await req('fi', 'GET', `/api/cbm/consultations/${secret.id}/attachments/${a.attachments[0]!.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      expect((await req('at', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action: 'close' })).json()).toMatchObject({ status: 'closed' });
      expect((await req('fi', 'POST', `/api/cbm/consultations/${secret.id}/replies`, { body: 'late' })).statusCode).toBe(409);
      // Audit rows name ids, never the subject or text.
      const audit = await t.ctx.audit.search({ targetId: secret.id });
      expect(audit.map((r) => r.action)).toContain('cbm.consultation.close');
      expect(JSON.stringify(audit)).not.toMatch(/Scanning|looking into/);
    });

    it("refuses a State's user another State's consultation it is not party to, by every route", async () => {
      const r = await req('at', 'POST', '/api/cbm/consultations', { to: ['pt'], subject: 'Draft to PT', body: 'invented', send: false });
      draft = r.json() as Detail;
      const att = secret.attachments[0]!.id;
      const tries: [string, 'GET' | 'POST', string, object?][] = [
        ['pt', 'GET', `/api/cbm/consultations/${secret.id}`],
        ['pt', 'GET', `/api/cbm/consultations/${secret.id}/attachments/${att}`],
        ['pt', 'POST', `/api/cbm/consultations/${secret.id}/replies`, { body: 'hello' }],
        ...(['send', 'acknowledge', 'close', 'escalate'] as const).map(
          (action) => ['pt', 'POST', `/api/cbm/consultations/${secret.id}/transition`, { action }] as [string, 'POST', string, object],
        ),
        // Someone else's draft addressed to you is not yours yet either.
        ['pt', 'GET', `/api/cbm/consultations/${draft.id}`],
        ['pt', 'POST', `/api/cbm/consultations/${draft.id}/replies`, { body: 'hello' }],
        ['fi', 'GET', `/api/cbm/consultations/${draft.id}`],
        ['fi', 'GET', `/api/cbm/consultations/${draft.id}/attachments/${att}`],
      ];
      for (const [who, method, url, payload] of tries) {
        const res = await req(who, method, url, payload);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(404);
        expect(res.body).not.toMatch(/Scanning|Draft to PT|PDF/);
      }
      for (const [who, hidden] of [
        ['pt', [secret.id, draft.id]],
        ['fi', [draft.id]],
      ] as const) {
        for (const q of ['', '?status=closed', '?status=draft', '?kind=consultation']) {
          const items = ((await req(who, 'GET', `/api/cbm/consultations${q}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
          for (const id of hidden) expect(items, `${who} list${q}`).not.toContain(id);
        }
      }
      // The secretariat sees the network.
      const all = ((await req('secretariat', 'GET', '/api/cbm/consultations')).json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(all).toEqual(expect.arrayContaining([secret.id, draft.id]));
    });

    it('broadcasts to every State with read receipts', async () => {
      const b = (
        await req('secretariat', 'POST', '/api/cbm/consultations', { kind: 'broadcast', subject: 'Network notice', body: 'invented', send: true, tlp: 'green' })
      ).json() as Detail;
      expect(b.parties.map((p) => p.state)).toEqual(['at', 'fi', 'pt']);
      clock.advance(5_000);
      await req('pt', 'GET', `/api/cbm/consultations/${b.id}`);
      const seen = (await req('secretariat', 'GET', `/api/cbm/consultations/${b.id}`)).json() as Detail;
      expect(seen.parties.map((p) => [p.state, p.readAt !== null])).toEqual([
        ['at', false],
        ['fi', false],
        ['pt', true],
      ]);
    });

    it('rejects bad input with the field named', async () => {
      const bad = await req('at', 'POST', '/api/cbm/consultations', {
        to: ['fi'],
        subject: 'x',
        body: 'y',
        attachments: [{ name: 'a/b', mediaType: 'text/plain', content: 'aGk=' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'attachments[0].name' });
      const self = await req('at', 'POST', '/api/cbm/consultations', { to: ['at'], subject: 'x', body: 'y' });
      expect(self.json()).toMatchObject({ field: 'to' });
    });

    it('keeps national submissions as versions; a secretariat-only one stays hidden from other States', async () => {
      const file = (who: string, body: object) => req(who, 'POST', '/api/cbm/submissions', body);
      expect((await file('at', { cbm: 7, title: 'Strategy', body: 'v1' })).json()).toMatchObject({ state: 'at', cbm: 7, version: 1 });
      expect((await file('at', { cbm: 7, title: 'Strategy', body: 'v2' })).json()).toMatchObject({ version: 2 });
      const hidden = (await file('fi', { cbm: 16, title: 'Disclosure', body: 'x', visibility: 'secretariat' })).json() as { id: string };
      expect((await file('fi', { cbm: 2, title: 'x', body: 'x' })).json()).toMatchObject({ field: 'cbm' });
      expect((await file('fi', { cbm: 1, title: 'x', body: 'x', state: 'at' })).statusCode).toBe(403);
      expect((await req('pt', 'GET', `/api/cbm/submissions/${hidden.id}`)).statusCode).toBe(404);
      const m = (await req('pt', 'GET', '/api/cbm/submissions/matrix')).json() as {
        cbms: number[];
        rows: { state: string; cells: ({ latestVersion: number } | null)[] }[];
      };
      expect(m.cbms).toEqual([1, 6, 7, 9, 16]);
      expect(m.rows.find((r) => r.state === 'at')!.cells[2]).toMatchObject({ latestVersion: 2 });
      expect(m.rows.find((r) => r.state === 'fi')!.cells[4]).toBeNull();
      const ms = (await req('secretariat', 'GET', '/api/cbm/submissions/matrix')).json() as typeof m;
      expect(ms.rows.find((r) => r.state === 'fi')!.cells[4]).toMatchObject({ latestVersion: 1 });
    });
  });
}
