// Communication checks end to end over HTTP with a local SMTP sink: mail with one link, answers once, report with rate and percentiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { answerLink, startSmtpSink, type SmtpSink } from './test-support.js';

type H = Record<string, string>;
const BASE = 'https://vigil.example.test';
const CONTACTS = [
  { state: 'at', kind: 'technical', organisation: 'Demo CERT AT', name: 'ERIKA MUSTERFRAU', email: 'erika@cert.at.example.org', languages: ['de', 'en'] },
  { state: 'fi', kind: 'technical', organisation: 'Demo CERT FI', name: 'Testperson Alpha', email: 'alpha@cert.fi.example.org', languages: ['fi'] },
  { state: 'pt', kind: 'technical', organisation: 'Demo CERT PT', name: 'JOHN SPECIMEN', email: 'john@cert.pt.example.org', languages: ['pt'] },
];

interface Report {
  sent: number;
  answered: number;
  responseRate: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  pending: number;
  unreachable: { contactId: string; state: string; reason: string }[];
  perState: { state: string; answered: number; responseRate: number }[];
  messages: { state: string; status: string; seconds: number | null; answeredVia: string | null }[];
}

for (const backend of storeBackends('cbm checks')) {
  describe(`communication checks on ${backend.name}`, () => {
    let t: TestApp;
    let sink: SmtpSink;
    let clock: ManualClock;
    let admin: H;
    const ids: Record<string, string> = {};

    const pathOf = (link: string) => new URL(link).pathname;
    /** Sessions end as the clock moves on: sign in again. */
    const relogin = async () => (admin = await t.login('cbm.secretary'));
    const report = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/cbm/rounds/${id}`, headers: admin })).json() as Report;
    const start = async (body: object = {}) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/cbm/rounds', headers: admin, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { roundId: string; sent: number; emailed: number; failed: number };
    };

    beforeAll(async () => {
      sink = await startSmtpSink();
      clock = new ManualClock('2026-05-04T09:00:00.000Z');
      t = await createTestApp({ backend, clock, env: { VIGIL_SMTP_URL: sink.url, VIGIL_PUBLIC_URL: BASE, VIGIL_SMTP_FROM: 'checks@vigil.example.test' } });
      await t.as('admin', 'cbm.secretary');
      admin = await t.login('cbm.secretary');
      for (const c of CONTACTS) {
        const res = await t.app.inject({ method: 'POST', url: '/api/cbm/contacts', headers: admin, payload: c });
        expect(res.statusCode, res.body).toBe(201);
        ids[c.state] = (res.json() as { id: string }).id;
      }
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('mails three contacts one link each; two answer through their links; the report says 2/3 with their times', async () => {
      const r = await start({ kind: 'technical' });
      expect(r).toMatchObject({ sent: 3, emailed: 3, failed: 0 });
      expect(sink.messages).toHaveLength(3);
      const byRecipient = new Map(sink.messages.map((m) => [m.to[0]!, m]));
      expect(sink.messages.every((m) => m.from === 'checks@vigil.example.test')).toBe(true);
      const links = CONTACTS.map((c) => answerLink(byRecipient.get(c.email)!));
      for (const l of links) expect(l.startsWith(`${BASE}/cbm/answer/`)).toBe(true);
      expect(new Set(links).size).toBe(3);

      // Opening the link shows a page with a button and records nothing (mail scanners follow links).
      const page = await t.app.inject({ method: 'GET', url: pathOf(links[0]!) });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toMatch(/<form method="post" action="[A-Za-z0-9_-]+">/);
      expect(page.body).not.toMatch(/<script/);
      expect((await report(r.roundId)).answered).toBe(0);

      clock.advance(60_000);
      const first = await t.app.inject({
        method: 'POST',
        url: pathOf(links[0]!),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'answer=received',
      });
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('2026-05-04 09:01:00');
      clock.advance(240_000);
      const second = await t.app.inject({
        method: 'POST',
        url: pathOf(links[1]!),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'answer=received',
      });
      expect(second.statusCode).toBe(200);

      const rep = await report(r.roundId);
      expect(rep).toMatchObject({ sent: 3, answered: 2, p50Seconds: 60, p90Seconds: 300, pending: 1, unreachable: [] });
      expect(rep.responseRate).toBeCloseTo(2 / 3, 10);
      expect(rep.perState.find((s) => s.state === 'pt')).toMatchObject({ answered: 0, responseRate: 0 });
      expect(rep.messages.map((m) => [m.state, m.status, m.seconds, m.answeredVia])).toEqual([
        ['at', 'answered', 60, 'link'],
        ['fi', 'answered', 300, 'link'],
        ['pt', 'pending', null, null],
      ]);

      // After the deadline the silent contact is unreachable.
      clock.advance(48 * 3_600_000);
      await relogin();
      const late = await report(r.roundId);
      expect(late.unreachable).toEqual([expect.objectContaining({ contactId: ids.pt, state: 'pt', reason: 'no-answer' })]);
      expect(late.responseRate).toBeCloseTo(2 / 3, 10);

      // A link answers once and never again: not by POST, and its page says so.
      const again = await t.app.inject({ method: 'POST', url: pathOf(links[0]!) });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('works only once');
      const reopened = await t.app.inject({ method: 'GET', url: pathOf(links[0]!) });
      expect(reopened.statusCode).toBe(409);
      expect(reopened.body).not.toContain('<form');
      const after = await report(r.roundId);
      expect(after.messages[0]!.seconds).toBe(60);
      expect(after.answered).toBe(2);
    });

    it('keeps only a hash of each token, audits answers by id, and refuses unknown or expired links', async () => {
      await relogin();
      sink.messages.length = 0;
      const r = await start({ states: ['pt'] });
      const link = answerLink(sink.messages[0]!);
      const token = pathOf(link).split('/').pop()!;
      const rows = await t.ctx.db.kysely
        .selectFrom('cbm_round_messages' as never)
        .selectAll()
        .execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect((await t.app.inject({ method: 'POST', url: `/cbm/answer/${'x'.repeat(43)}` })).statusCode).toBe(404);
      clock.advance(15 * 86_400_000);
      await relogin();
      const expired = await t.app.inject({ method: 'POST', url: pathOf(link) });
      expect(expired.statusCode).toBe(410);
      expect((await report(r.roundId)).answered).toBe(0);
      const audit = await t.ctx.audit.search({ action: 'cbm.check.answer' });
      expect(audit.length).toBeGreaterThanOrEqual(2);
      for (const a of audit) {
        expect(Object.keys(a.details).sort()).toEqual(['roundId', 'via']);
        expect(a.targetId).toMatch(/^chk_/);
      }
    });

    it('counts a refused recipient as unreachable at once, and lets a State answer in the workbench', async () => {
      await relogin();
      sink.messages.length = 0;
      sink.refuse.add('john@cert.pt.example.org');
      const r = await start({ kind: 'technical' });
      sink.refuse.clear();
      expect(r).toMatchObject({ sent: 3, emailed: 2, failed: 1 });
      const rep = await report(r.roundId);
      expect(rep.unreachable).toEqual([expect.objectContaining({ state: 'pt', reason: 'delivery-failed' })]);

      const org = await t.ctx.auth.directory.createOrg({ name: 'Demo State AT', country: 'at' }, { actor: { type: 'system', id: null, orgId: null } });
      const user = await t.ctx.auth.directory.createUser(
        { username: 'cbm.at.user', displayName: 'Testperson AT', orgId: org.id, roles: ['analyst'], password: 'correct horse battery staple' },
        { actor: { type: 'system', id: null, orgId: null } },
      );
      expect(user.orgId).toBe(org.id);
      const at = await t.login('cbm.at.user');
      const pending = (await t.app.inject({ method: 'GET', url: '/api/cbm/checks/pending', headers: at })).json() as {
        items: { id: string; roundId: string }[];
      };
      const mine = pending.items.find((p) => p.roundId === r.roundId)!;
      expect(mine).toBeDefined();
      clock.advance(30_000);
      expect((await t.app.inject({ method: 'POST', url: `/api/cbm/checks/${mine.id}/answer`, headers: at })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: `/api/cbm/checks/${mine.id}/answer`, headers: at })).statusCode).toBe(409);
      // A State's user sees only its own lines of the board, and cannot start rounds.
      const board = (await t.app.inject({ method: 'GET', url: `/api/cbm/rounds/${r.roundId}`, headers: at })).json() as Report;
      expect(board.messages.map((m) => [m.state, m.seconds])).toEqual([['at', 30]]);
      expect((await t.app.inject({ method: 'POST', url: '/api/cbm/rounds', headers: at, payload: {} })).statusCode).toBe(403);
    });
  });
}
