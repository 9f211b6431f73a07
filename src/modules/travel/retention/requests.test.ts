// Re-personalisation requests after retention: the reason and decision note staff wrote about a traveller stay readable
// while the request is open or usable and through the DPO's review window, then are masked with the originals sealed,
// and the sealed originals go when the travellers they were about are deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import type { Actor } from '../../../platform/audit/types.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { decideRepersonalisation, listRepersonalisations, requestRepersonalisation } from './repersonalise.js';
import type { SealedRequestText } from './requests.js';
import { runRetention } from './run.js';
import { rt } from './tables.js';
import { everyTableText, ingest } from './test-support.js';
import { loadVaultKey } from './vault.js';

const DAY = 86_400_000;
const analyst: Actor = { type: 'user', id: 'analyst-7', orgId: null };
const supervisor: Actor = { type: 'user', id: 'supervisor-7', orgId: null };
const REASON = 'Erika Musterfrau, sister-in-law of the suspect in case 2026/117';
const NOTE = 'approved: the case file names Musterfrau as courier';

for (const backend of storeBackends('travel re-personalisation request texts')) {
  describe(`re-personalisation request texts under retention (${backend.name})`, () => {
    const clock = new ManualClock('2026-11-30T10:00:00.000Z');
    let t: TestApp;
    let travellerId: string;
    const ids = { approved: '', refused: '', pending: '' };
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      await ingest(t, 'paxlst-passengers.edi');
      const rows = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname', 'flight_id']).execute();
      const traveller = rows.find((r) => r.surname === 'MUSTERFRAU')!;
      travellerId = traveller.id;
      clock.advance(190 * DAY);
      await runRetention(t.ctx);
      const ask = (targetType: 'traveller' | 'flight', targetId: string, reason: string) =>
        requestRepersonalisation(t.ctx, { targetType, targetId, reason }, { actor: analyst });
      ids.approved = (await ask('traveller', travellerId, REASON)).id;
      await decideRepersonalisation(t.ctx, ids.approved, { decision: 'approve', note: NOTE }, { actor: supervisor });
      ids.refused = (await ask('flight', traveller.flight_id, `whole flight, looking for ${REASON}`)).id;
      await decideRepersonalisation(t.ctx, ids.refused, { decision: 'refuse', note: 'too wide for Musterfrau alone' }, { actor: supervisor });
      ids.pending = (await ask('traveller', travellerId, 'follow-up of case 2026/117, still open')).id;
    });
    afterAll(async () => t?.close());

    const request = (id: string) => rt(t.ctx.db.kysely).selectFrom('travel_repersonalise_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const seals = () => rt(t.ctx.db.kysely).selectFrom('travel_vault').selectAll().where('kind', '=', 'repersonalise-request').orderBy('ref_id').execute();

    it('keeps the texts readable through the review window after the request closed', async () => {
      clock.advance(30 * DAY); // the approval expired a month ago, the refusal is a month old
      const run = await runRetention(t.ctx);
      expect(run.counts.requestTextsMasked).toBe(0);
      expect((await request(ids.approved)).reason).toBe(REASON);
      const dpoView = await listRepersonalisations(t.ctx, { limit: 10 });
      expect(dpoView.find((r) => r.id === ids.approved)).toMatchObject({ reason: REASON, decisionNote: NOTE });
    });

    it('masks the reason and note of closed requests after the depersonalisation period, sealing the originals', async () => {
      clock.advance(200 * DAY);
      const run = await runRetention(t.ctx);
      expect(run.counts.requestTextsMasked).toBe(2);
      expect(await request(ids.approved)).toMatchObject({ reason: '***', decision_note: '***', status: 'approved', target_id: travellerId });
      expect(await request(ids.refused)).toMatchObject({ reason: '***', decision_note: '***', status: 'refused' });
      // A request still waiting for its decider keeps its reason.
      expect((await request(ids.pending)).reason).toBe('follow-up of case 2026/117, still open');

      const sealed = await seals();
      expect(sealed.map((s) => s.ref_id).sort()).toEqual([ids.approved, ids.refused].sort());
      const key = loadVaultKey(t.ctx.config.dataDir);
      const original = JSON.parse(key.open(sealed.find((s) => s.ref_id === ids.approved)!).toString('utf8')) as SealedRequestText;
      expect(original).toEqual({ reason: REASON, decisionNote: NOTE });

      for (const [table, text] of await everyTableText(t)) {
        expect(text, table).not.toContain('sister-in-law');
        expect(text, table).not.toContain('Musterfrau');
      }
      const audited = await t.ctx.audit.search({ action: 'travel.retention-depersonalise' });
      expect(audited.some((a) => (a.details as { kind?: string }).kind === 'repersonalise-request')).toBe(true);
      expect((await runRetention(t.ctx)).counts.requestTextsMasked).toBe(0); // once
    });

    it('deletes the sealed texts with the travellers they were about', async () => {
      clock.advance(5 * 366 * DAY);
      await runRetention(t.ctx);
      expect(await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select('id').where('id', '=', travellerId).executeTakeFirst()).toBeUndefined();
      // The traveller's request and the flight's (no traveller of it is left) lose their sealed originals.
      expect(await seals()).toEqual([]);
      expect(await t.ctx.audit.verify()).toMatchObject({ ok: true });
    });
  });
}
