// Re-personalisation over HTTP: refused without an approval, never self-approved, shown to the requester once approved
// until it expires, reviewable by the DPO, audited at every step; impossible once the data was deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test-support/app.js';
import { runRetention } from './run.js';
import { rt } from './tables.js';
import { alertOn, ingest } from './test-support.js';

const DAY = 86_400_000;

for (const backend of storeBackends('travel re-personalisation')) {
  describe(`travel re-personalisation (${backend.name})`, () => {
    const clock = new ManualClock('2026-11-30T10:00:00.000Z');
    let t: TestApp;
    let analyst: AuthHeaders & { userId: string };
    let supervisor: AuthHeaders & { userId: string };
    let dpo: AuthHeaders;
    let travellerId: string;
    let keptId: string;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      await ingest(t, 'paxlst-passengers.edi');
      const rows = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname']).execute();
      travellerId = rows.find((r) => r.surname === 'MUSTERFRAU')!.id;
      keptId = rows.find((r) => r.surname === 'SPECIMEN')!.id;
      await alertOn(t, keptId, 'confirm');
      analyst = await t.as('analyst', 'rp.analyst');
      supervisor = await t.as('supervisor', 'rp.supervisor');
      dpo = await t.as('dpo', 'rp.dpo');
    });

    /** Moves the clock; sessions do not last months, so everyone signs in again. */
    const later = async (ms: number) => {
      clock.advance(ms);
      analyst = { ...(await t.login('rp.analyst')), userId: analyst.userId };
      supervisor = { ...(await t.login('rp.supervisor')), userId: supervisor.userId };
      dpo = await t.login('rp.dpo');
    };
    afterAll(async () => t?.close());

    const ask = (headers: AuthHeaders, body: object) => t.app.inject({ method: 'POST', url: '/api/travel/dpo/requests', headers, payload: body });
    const decide = (headers: AuthHeaders, id: string, decision: string) =>
      t.app.inject({ method: 'POST', url: `/api/travel/dpo/requests/${id}/decision`, headers, payload: { decision, note: 'checked the case file' } });
    const look = (headers: AuthHeaders, id: string) => t.app.inject({ url: `/api/travel/dpo/requests/${id}/view`, headers });

    it('needs no request while the data is personal, and a reason once it is depersonalised', async () => {
      const early = await ask(analyst, { targetType: 'traveller', targetId: travellerId, reason: 'investigation 2026/117, link to a confirmed case' });
      expect(early.statusCode, early.body).toBe(409);
      await later(190 * DAY);
      await runRetention(t.ctx);
      const noReason = await ask(analyst, { targetType: 'traveller', targetId: travellerId, reason: 'because' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ code: 'validation-failed', field: 'reason' });
      expect((await ask(analyst, { targetType: 'traveller', targetId: 'nobody', reason: 'investigation 2026/117' })).statusCode).toBe(404);
    });

    it('refuses the view without an approval, refuses self-approval, and shows the originals once approved (audited)', async () => {
      const res = await ask(analyst, { targetType: 'traveller', targetId: travellerId, reason: 'investigation 2026/117, link to a confirmed case' });
      expect(res.statusCode, res.body).toBe(201);
      const req = res.json() as { id: string; status: string };
      expect(req.status).toBe('pending');

      const refused = await look(analyst, req.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain('MUSTERFRAU');
      expect((await decide(analyst, req.id, 'approve')).statusCode).toBe(403); // lacks travel.repersonalise

      // A supervisor's own request must be decided by another person.
      const own = (await ask(supervisor, { targetType: 'flight', targetId: 'LH1234-2026-12-01', reason: 'flight review for case 2026/118' })).json() as {
        id: string;
      };
      expect((await decide(supervisor, own.id, 'approve')).statusCode).toBe(403);

      const approved = await decide(supervisor, req.id, 'approve');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: supervisor.userId });
      expect((await decide(supervisor, req.id, 'refuse')).statusCode).toBe(409);

      expect((await look(supervisor, req.id)).statusCode).toBe(403); // only the requester uses it
      const shown = await look(analyst, req.id);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json()).toMatchObject({
        request: { id: req.id, views: 1 },
        travellers: [{ id: travellerId, surname: 'MUSTERFRAU', givenNames: 'ERIKA', sex: 'F', data: { surname: 'MUSTERFRAU' } }],
      });
      // The stored data stays masked.
      const row = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select('surname').where('id', '=', travellerId).executeTakeFirstOrThrow();
      expect(row.surname).toBe('***');

      const views = await t.ctx.audit.search({ action: 'travel.repersonalised-view' });
      expect(views.map((v) => [v.outcome, v.actorId])).toEqual(
        expect.arrayContaining([
          ['success', analyst.userId],
          ['denied', analyst.userId],
          ['denied', supervisor.userId],
        ]),
      );
      expect(JSON.stringify(views)).not.toContain('MUSTERFRAU');
      expect((await t.ctx.audit.search({ action: 'travel.repersonalise-approve' })).map((a) => a.targetId)).toEqual([req.id]);

      await later(25 * 3600_000);
      expect((await look(analyst, req.id)).statusCode).toBe(403); // the approval expired
    });

    it('lets the DPO review every request; others see only their own', async () => {
      const all = (await t.app.inject({ url: '/api/travel/dpo/requests', headers: dpo })).json() as { items: { requestedBy: string }[] };
      expect(all.items.map((r) => r.requestedBy).sort()).toEqual([analyst.userId, supervisor.userId].sort());
      const other = await t.as('analyst');
      expect(((await t.app.inject({ url: '/api/travel/dpo/requests', headers: other })).json() as { items: unknown[] }).items).toEqual([]);
      expect((await t.app.inject({ url: '/api/travel/dpo/runs', headers: dpo })).json()).toMatchObject({
        items: [expect.objectContaining({ actor: 'system' })],
      });
      expect((await t.app.inject({ url: '/api/travel/dpo/runs', headers: analyst })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/travel/dpo/requests', headers: await t.as('officer') })).statusCode).toBe(403);
      // The DPO reaches the passenger-data tool (its statistics and data-protection tabs) from the home screen, without travel.read.
      const tools = async (headers: AuthHeaders) =>
        ((await t.app.inject({ url: '/api/nav', headers })).json() as { areas: { tools: { id: string }[] }[] }).areas.flatMap((a) => a.tools.map((x) => x.id));
      expect(await tools(dpo)).toContain('travel');
      expect(await tools(await t.as('officer'))).not.toContain('travel');
    });

    it('cannot re-personalise after the five-year deletion; a traveller of a confirmed alert still can be', async () => {
      await later(5 * 366 * DAY);
      await runRetention(t.ctx);
      expect((await ask(analyst, { targetType: 'traveller', targetId: travellerId, reason: 'investigation 2031/001 follow-up' })).statusCode).toBe(404);
      const kept = (await ask(analyst, { targetType: 'traveller', targetId: keptId, reason: 'investigation 2031/002, confirmed match' })).json() as {
        id: string;
      };
      await decide(supervisor, kept.id, 'approve');
      expect((await look(analyst, kept.id)).json()).toMatchObject({ travellers: [{ id: keptId, surname: 'SPECIMEN' }] });
      expect(await t.ctx.audit.verify()).toMatchObject({ ok: true });
    });

    it('lists runs recorded before notes, request texts and derived rows were counted, with the counts they have', async () => {
      const counts = {
        depersonalised: { travellers: 1, pnrVersions: 0, messages: 2 },
        deleted: { travellers: 0, pnrVersions: 0, messages: 0 },
        keptForConfirmedAlerts: 0,
        stream: { status: 'not-configured', stream: null, purged: 0, detail: null },
      };
      const at = '2020-01-01T00:00:00.000Z';
      await rt(t.ctx.db.kysely)
        .insertInto('travel_retention_runs')
        .values({
          id: 'old-run',
          started_at: at,
          finished_at: at,
          actor: 'system',
          depersonalise_before: at,
          delete_before: at,
          counts: JSON.stringify(counts),
        })
        .execute();
      const runs = await t.app.inject({ url: '/api/travel/dpo/runs?limit=500', headers: dpo });
      expect(runs.statusCode, runs.body).toBe(200);
      const old = (runs.json() as { items: { id: string; counts: Record<string, unknown> }[] }).items.find((r) => r.id === 'old-run');
      expect(old?.counts).toEqual(counts);
      // A current run answers with every count.
      const now = await t.app.inject({ method: 'POST', url: '/api/travel/dpo/runs', headers: dpo });
      expect(now.statusCode, now.body).toBe(201);
      expect(Object.keys((now.json() as { counts: object }).counts).sort()).toEqual([
        'decisionNotesMasked',
        'deleted',
        'depersonalised',
        'derivedDeleted',
        'keptForConfirmedAlerts',
        'requestTextsMasked',
        'stream',
      ]);
    });
  });
}
