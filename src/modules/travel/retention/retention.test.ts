// Retention end to end with a moved clock: depersonalised at 6 months (structured data and raw messages), deleted at
// 5 years except travellers of confirmed alerts; every run audited and the audit chain still verifies; statistics survive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { parseTravel } from '../parse.js';
import { statsReport, type StatsReport } from '../stats/report.js';
import { runRetention } from './run.js';
import { rt } from './tables.js';
import { alertOn, fixture, ingest, modulesWithRetention } from './test-support.js';

const NAMES = ['MUSTERFRAU', 'SPECIMEN', 'TESTPERSON', 'EXAMPLESTRASSE', 'ERIKA'];
const DAY = 86_400_000;

for (const backend of storeBackends('travel retention')) {
  describe(`travel retention (${backend.name})`, () => {
    const clock = new ManualClock('2026-11-30T10:00:00.000Z');
    let t: TestApp;
    let messageIds: string[];
    let ids: Record<string, string>;
    let before: StatsReport;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, modules: modulesWithRetention(), env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      messageIds = [await ingest(t, 'paxlst-passengers.edi'), await ingest(t, 'pnrgov-13.1.edi')];
      const rows = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname', 'flight_id']).execute();
      ids = Object.fromEntries(rows.filter((r) => r.flight_id.startsWith('LH1234')).map((r) => [r.surname, r.id]));
      await alertOn(t, ids.SPECIMEN!, 'confirm');
      await alertOn(t, ids.MUSTERFRAU!, 'false-positive');
    });
    afterAll(async () => t?.close());

    const travellers = () => rt(t.ctx.db.kysely).selectFrom('travel_travellers').selectAll().orderBy('id').execute();
    const messages = () => rt(t.ctx.db.kysely).selectFrom('travel_messages').selectAll().orderBy('received_at').execute();

    it('changes nothing before six months have passed', async () => {
      before = await statsReport(t.ctx, { from: '2026-12-01', to: '2026-12-01' });
      expect(before.totals.travellersBySex).toEqual({ F: 2, M: 2, X: 2, unknown: 0 });
      const run = await runRetention(t.ctx);
      expect(run.counts.depersonalised).toEqual({ travellers: 0, pnrVersions: 0, messages: 0 });
      expect(run.counts.stream.status).toBe('not-configured');
      expect((await travellers()).some((r) => r.surname === 'MUSTERFRAU')).toBe(true);
    });

    it('depersonalises structured data and raw messages after six months, sealing the originals', async () => {
      const n = (await travellers()).length;
      clock.advance(183 * DAY);
      const run = await runRetention(t.ctx);
      expect(run.counts.depersonalised.travellers).toBe(n);
      expect(run.counts.depersonalised.messages).toBe(2);
      expect(run.counts.depersonalised.pnrVersions).toBeGreaterThan(0);
      for (const r of await travellers()) {
        expect(r.depersonalised_at).toBe(run.startedAt);
        expect(r).toMatchObject({
          surname: '***',
          given_names: '***',
          birth_date: null,
          sex: null,
          nationality: null,
          document_number: null,
          person_key: null,
        });
        for (const name of NAMES) expect(r.data).not.toContain(name);
      }
      const pnrs = await rt(t.ctx.db.kysely).selectFrom('travel_pnr_versions').select(['data', 'depersonalised_at']).execute();
      for (const p of pnrs) {
        expect(p.depersonalised_at).not.toBeNull();
        expect(p.data).not.toMatch(/SPECIMEN|MUSTERFRAU|CTC|@/);
      }
      for (const m of await messages()) {
        const raw = Buffer.from(m.raw).toString('utf8');
        for (const name of [...NAMES, 'OLDNAME', 'BERLIN']) expect(raw).not.toContain(name);
        const original = parseTravel(fixture(m.type === 'PAXLST' ? 'paxlst-passengers.edi' : 'pnrgov-13.1.edi'));
        const masked = parseTravel(raw);
        expect(masked.ok).toBe(true);
        expect(masked.messages.map((x) => [x.flights.map((f) => f.key), x.travellers.length])).toEqual(
          original.messages.map((x) => [x.flights.map((f) => f.key), x.travellers.length]),
        );
        expect(m.size).toBe(m.raw.length);
      }
      const vault = await rt(t.ctx.db.kysely).selectFrom('travel_vault').select(['kind', 'sealed']).execute();
      expect(vault.filter((v) => v.kind === 'traveller')).toHaveLength(n);
      for (const v of vault) expect(Buffer.from(v.sealed).toString('latin1')).not.toContain('MUSTERFRAU');

      // The traveller page shows masked values; a second run finds nothing more to do.
      const analyst = await t.as('analyst');
      const page = await t.app.inject({ url: `/api/travel/travellers/${ids.SPECIMEN}`, headers: analyst });
      expect(page.json()).toMatchObject({ surname: '***', birthDate: null, documentNumber: null });
      expect((await runRetention(t.ctx)).counts.depersonalised).toEqual({ travellers: 0, pnrVersions: 0, messages: 0 });
    });

    it('audits every run with counts and ids only, and the audit chain still verifies', async () => {
      const runs = await t.ctx.audit.search({ action: 'travel.retention-run' });
      expect(runs).toHaveLength(3); // the two runs above and the idle one before them
      expect(runs.map((r) => r.details.depersonalisedTravellers).sort()).toEqual([0, 0, (await travellers()).length]);
      const batches = await t.ctx.audit.search({ action: 'travel.retention-depersonalise' });
      expect(batches.flatMap((b) => b.details.ids as string[])).toEqual(expect.arrayContaining([...Object.values(ids), ...messageIds]));
      expect(JSON.stringify([...runs, ...batches])).not.toMatch(/MUSTERFRAU|SPECIMEN|ERIKA/);
      expect(await t.ctx.audit.verify()).toMatchObject({ ok: true, firstProblem: null });
    });

    it('records a run whose stream copies could not be purged as a failure, and goes on', async () => {
      const run = await runRetention(t.ctx, { natsUrl: 'nats://127.0.0.1:1', stream: 'NONE' });
      expect(run.counts.stream).toMatchObject({ status: 'failed', stream: 'NONE', purged: 0 });
      const [last] = await t.ctx.audit.search({ action: 'travel.retention-run', limit: 1 });
      expect(last).toMatchObject({ outcome: 'failure', details: { stream: 'failed' } });
    });

    it('keeps statistics by sex after depersonalisation', async () => {
      const after = await statsReport(t.ctx, { from: '2026-12-01', to: '2026-12-01' });
      expect(after.travellers).toEqual(before.travellers);
      expect(after.messages).toEqual(before.messages);
      expect(after.travellers.filter((x) => x.carrier === 'LH').map((x) => [x.sex, x.travellers])).toEqual([
        ['F', 1],
        ['M', 1],
        ['X', 1],
      ]);
    });

    it('deletes after five years everything but the traveller of a confirmed alert and what it came from', async () => {
      clock.advance(5 * 366 * DAY);
      const run = await runRetention(t.ctx);
      const left = await travellers();
      expect(left.map((r) => r.id)).toEqual([ids.SPECIMEN]);
      expect(run.counts.keptForConfirmedAlerts).toBe(1);
      expect(run.counts.deleted.travellers).toBeGreaterThan(2);
      // The PAXLST that reported the kept traveller stays (masked); the PNRGOV goes.
      expect((await messages()).map((m) => m.id)).toEqual([messageIds[0]]);
      const vault = await rt(t.ctx.db.kysely).selectFrom('travel_vault').select(['kind', 'ref_id']).execute();
      expect(vault.filter((v) => v.kind === 'traveller').map((v) => v.ref_id)).toEqual([ids.SPECIMEN]);
      expect(vault.filter((v) => v.kind === 'message').map((v) => v.ref_id)).toEqual([messageIds[0]]);
      // Flights and statistics outlive the personal data.
      const stats = await statsReport(t.ctx, { from: '2026-12-01', to: '2026-12-01' });
      expect(stats.travellers).toEqual(before.travellers);
      expect(stats.messages).toEqual(before.messages);
      const deletes = await t.ctx.audit.search({ action: 'travel.retention-delete' });
      expect(deletes.flatMap((d) => d.details.ids as string[])).toEqual(expect.arrayContaining([ids.MUSTERFRAU, messageIds[1]]));
      expect(await t.ctx.audit.verify()).toMatchObject({ ok: true });
    });
  });
}
