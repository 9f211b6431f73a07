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
import { alertOn, everyTableText, fixture, ingest } from './test-support.js';
import { decideAlert } from '../../alerts/index.js';
import { createRule } from '../rules/index.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { importUnDemo } from '../../screening/test-support.js';
import { importReports } from '../../documents/index.js';
import { receiveMessage } from '../intake/receive.js';
import { assembleMessage } from '../intake/assemble.js';
import { screenFlightTravellers } from '../screening/consumers.js';

const NAMES = ['MUSTERFRAU', 'SPECIMEN', 'TESTPERSON', 'EXAMPLESTRASSE', 'ERIKA'];
const DAY = 86_400_000;
/** Analysts' decision notes naming the traveller (invented), on alerts decided before and after depersonalisation. */
const NOTE = 'Spoke to Erika NOTEPERSON-MUSTERFRAU at gate B12, passport seen';
const LATE_NOTE = 'Colleague says Ottilie LATENOTE-SPECIMEN travels again in May';
const SUPERVISOR = { type: 'user' as const, id: 'supervisor-1', orgId: null };

for (const backend of storeBackends('travel retention')) {
  describe(`travel retention (${backend.name})`, () => {
    const clock = new ManualClock('2026-11-30T10:00:00.000Z');
    let t: TestApp;
    let messageIds: string[];
    let ids: Record<string, string>;
    let alertIds: Record<string, string>;
    let before: StatsReport;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      messageIds = [await ingest(t, 'paxlst-passengers.edi'), await ingest(t, 'pnrgov-13.1.edi')];
      const rows = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname', 'flight_id']).execute();
      ids = Object.fromEntries(rows.filter((r) => r.flight_id.startsWith('LH1234')).map((r) => [r.surname, r.id]));
      // Screening leaves a stored result per traveller, and with an enabled rule a rule hit and an alert on each.
      await createRule(t.ctx, { name: 'every LH traveller', expression: 'flight.carrier == "LH"', enabled: true }, { actor: SYSTEM_ACTOR });
      for (const f of new Set(rows.map((r) => r.flight_id))) await screenFlightTravellers(t.ctx, f, null);
      const other = Object.keys(ids).find((n) => n !== 'SPECIMEN' && n !== 'MUSTERFRAU')!;
      alertIds = {
        SPECIMEN: await alertOn(t, ids.SPECIMEN!, 'confirm', undefined, NOTE),
        MUSTERFRAU: await alertOn(t, ids.MUSTERFRAU!, 'false-positive', undefined, NOTE),
        other: await alertOn(t, ids[other]!, 'open'),
      };
    }, 120_000);
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

    it('masks the decision notes of travel alerts everywhere, keeping the decisions and sealing the notes', async () => {
      const decisions = () =>
        rt(t.ctx.db.kysely).selectFrom('alert_decisions').select(['id', 'alert_id', 'decision', 'step', 'note']).orderBy('decided_at').orderBy('id').execute();
      // Three decisions (two confirmations, one dismissal) carried the note; the run above masked all three.
      const masked = await decisions();
      expect(masked.filter((d) => d.note !== null).map((d) => d.note)).toEqual(['***', '***', '***']);
      const key = (x: string[]) => x.join(' ');
      expect(masked.map((d) => key([d.alert_id, d.decision, d.step])).sort()).toEqual(
        [
          [alertIds.SPECIMEN!, 'confirmed', 'first-confirmation'],
          [alertIds.SPECIMEN!, 'confirmed', 'final'],
          [alertIds.MUSTERFRAU!, 'false-positive', 'final'],
        ]
          .map(key)
          .sort(),
      );
      const [run] = (await t.ctx.audit.search({ action: 'travel.retention-run', limit: 2 })).slice(-1);
      expect(run?.details.maskedDecisionNotes).toBe(3);
      const sealed = await rt(t.ctx.db.kysely).selectFrom('travel_vault').select('ref_id').where('kind', '=', 'alert-note').orderBy('ref_id').execute();
      expect(sealed.map((v) => v.ref_id)).toEqual(masked.map((d) => d.id).sort());

      // A decision taken after the traveller was depersonalised: its note goes at the next run.
      await decideAlert(t.ctx, alertIds.other!, { decision: 'unsure', reason: 'escalate', note: LATE_NOTE }, { actor: SUPERVISOR, canConfirm: true });
      const late = await runRetention(t.ctx);
      expect(late.counts.decisionNotesMasked).toBe(1);
      expect(late.counts.depersonalised).toEqual({ travellers: 0, pnrVersions: 0, messages: 0 });

      for (const [table, text] of await everyTableText(t)) {
        expect(text, table).not.toContain('NOTEPERSON');
        expect(text, table).not.toContain('LATENOTE');
      }
      const analyst = await t.as('analyst');
      for (const id of Object.values(alertIds)) {
        const res = await t.app.inject({ url: `/api/alerts/${id}`, headers: analyst });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).not.toMatch(/NOTEPERSON|LATENOTE/);
        const notes = (res.json() as { decisions: Array<{ note: string | null }> }).decisions.map((d) => d.note);
        expect(notes.length).toBeGreaterThan(0);
        expect(notes.every((n) => n === '***')).toBe(true);
      }
      const queue = await t.app.inject({ url: '/api/alerts?limit=500', headers: analyst });
      expect(queue.statusCode).toBe(200);
      expect(queue.body).not.toMatch(/NOTEPERSON|LATENOTE/);
    });

    it('audits every run with counts and ids only, and the audit chain still verifies', async () => {
      const runs = await t.ctx.audit.search({ action: 'travel.retention-run' });
      expect(runs).toHaveLength(4); // the three runs above and the idle one before them
      expect(runs.map((r) => r.details.depersonalisedTravellers).sort()).toEqual([0, 0, 0, (await travellers()).length]);
      const batches = await t.ctx.audit.search({ action: 'travel.retention-depersonalise' });
      expect(batches.flatMap((b) => b.details.ids as string[])).toEqual(expect.arrayContaining([...Object.values(ids), ...messageIds]));
      expect(JSON.stringify([...runs, ...batches])).not.toMatch(/MUSTERFRAU|SPECIMEN|ERIKA|NOTEPERSON|LATENOTE/);
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
      const all = await travellers();
      const screenings = () => rt(t.ctx.db.kysely).selectFrom('travel_screenings').select('traveller_id').orderBy('traveller_id').execute();
      const ruleHits = () => rt(t.ctx.db.kysely).selectFrom('travel_rule_hits').select('traveller_id').orderBy('traveller_id').execute();
      const alertRows = () => rt(t.ctx.db.kysely).selectFrom('alert_alerts').select(['id', 'subject_id', 'status']).orderBy('id').execute();
      const decisionRows = () => rt(t.ctx.db.kysely).selectFrom('alert_decisions').select(['id', 'alert_id']).orderBy('id').execute();
      // Before: a stored screening of every traveller, a rule hit and a rule alert on every LH traveller, and the decided alerts.
      expect((await screenings()).map((s) => s.traveller_id)).toEqual(all.map((r) => r.id));
      const lhTravellers = all.filter((r) => r.flight_id.startsWith('LH')).map((r) => r.id);
      expect((await ruleHits()).map((h) => h.traveller_id)).toEqual(lhTravellers);
      expect(new Set((await alertRows()).map((a) => a.subject_id))).toEqual(new Set(lhTravellers));
      const keptAlerts = (await alertRows()).filter((a) => a.subject_id === ids.SPECIMEN);
      expect(keptAlerts.map((a) => a.status).sort()).toEqual(['confirmed', 'open']); // the confirmed match and the rule's alert
      const keptDecisions = (await decisionRows()).filter((d) => keptAlerts.some((a) => a.id === d.alert_id));
      const alertsBefore = (await alertRows()).length;

      clock.advance(5 * 366 * DAY);
      const run = await runRetention(t.ctx);
      const left = await travellers();
      expect(left.map((r) => r.id)).toEqual([ids.SPECIMEN]);
      // What screening derived from the deleted travellers went with them; the kept traveller keeps all of its own.
      expect((await screenings()).map((s) => s.traveller_id)).toEqual([ids.SPECIMEN]);
      expect((await ruleHits()).map((h) => h.traveller_id)).toEqual([ids.SPECIMEN]);
      expect(await alertRows()).toEqual(keptAlerts);
      expect(await decisionRows()).toEqual(keptDecisions);
      const notes = await rt(t.ctx.db.kysely).selectFrom('travel_vault').select('ref_id').where('kind', '=', 'alert-note').orderBy('ref_id').execute();
      expect(notes.map((n) => n.ref_id)).toEqual(keptDecisions.map((d) => d.id).sort());
      expect(run.counts.derivedDeleted).toEqual({
        screenings: all.length - 1,
        ruleHits: lhTravellers.length - 1,
        alerts: alertsBefore - keptAlerts.length,
        decisions: 2, // the dismissal of MUSTERFRAU and the late escalation
      });
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

// What screening kept about a traveller (the alerts' subject side, the stored screening result) is masked in the same run.
for (const backend of storeBackends('travel retention of screening traces')) {
  describe(`travel retention of screening traces (${backend.name})`, () => {
    const clock = new ManualClock('2026-11-30T10:00:00.000Z');
    let t: TestApp;
    let listedId: string;
    const FLIGHT = 'LH1234-2026-12-01';
    const PERSONAL = /AL-DOURI|IZZAT|1942-07-01|420701|X99999999|SPECIMEN|MUSTERFRAU/;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      await importUnDemo(t.ctx);
      const csv = 'issuingCountry,documentType,documentNumber,status,reportedOn\nGBR,P,X99999999,stolen,2026-10-01\n';
      await importReports(t.ctx, { lines: csv.split('\n').filter(Boolean), sha256: 'y'.repeat(64), file: 'test.csv', actor: SYSTEM_ACTOR });
      const listed = fixture('paxlst-passengers.edi')
        .toString('latin1')
        .replace('MUSTERFRAU:ERIKA', 'AL-DOURI:IZZAT IBRAHIM')
        .replace('DTM+329:800812', 'DTM+329:420701')
        .replace("NAT+2+DEU'", "NAT+2+IRQ'");
      const r = await receiveMessage(t.ctx, Buffer.from(listed, 'latin1'), { channel: 'cli', actor: SYSTEM_ACTOR });
      await assembleMessage(t.ctx, r.id);
      await screenFlightTravellers(t.ctx, FLIGHT, null);
      listedId = (await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select('id').where('surname', '=', 'AL-DOURI').executeTakeFirstOrThrow()).id;
    }, 120_000);
    afterAll(async () => t?.close());

    const alerts = () =>
      rt(t.ctx.db.kysely).selectFrom('alert_alerts').selectAll().where('source', '=', 'travel').orderBy('id').execute() as unknown as Promise<
        Array<{ id: string; subject_id: string; entity_id: string; score: number; status: string; subject?: string; explanation?: string }>
      >;
    const screenings = () => rt(t.ctx.db.kysely).selectFrom('travel_screenings').selectAll().where('flight_id', '=', FLIGHT).execute();

    it('masks the alerts subject side and the screening results, keeping ids, scores and the entity side for review', async () => {
      const before = await alerts();
      expect(before.map((a) => a.entity_id.replace(/-.*/, '')).sort()).toEqual(['lost', 'un']);
      expect(before.some((a) => PERSONAL.test(a.subject ?? ''))).toBe(true);
      expect((await screenings()).some((s) => /AL-DOURI|X99999999/.test(s.result))).toBe(true);

      clock.advance(183 * DAY);
      await runRetention(t.ctx);

      const after = await alerts();
      expect(after.map((a) => [a.id, a.subject_id, a.entity_id, a.score, a.status])).toEqual(
        before.map((a) => [a.id, a.subject_id, a.entity_id, a.score, a.status]),
      );
      for (const a of after) {
        expect(a.subject).not.toMatch(PERSONAL);
        expect(a.explanation).not.toMatch(PERSONAL);
      }
      for (const s of await screenings()) {
        expect(s.result).not.toMatch(/IZZAT IBRAHIM AL-DOURI|1942-07-01|X99999999|SPECIMEN|MUSTERFRAU|ERIKA/);
        expect(JSON.parse(s.result)).toMatchObject({ travellerId: s.traveller_id, outcome: s.outcome });
      }
      const listedScreening = (await screenings()).find((s) => s.traveller_id === listedId)!;
      expect(JSON.parse(listedScreening.result)).toMatchObject({
        outcome: 'hit',
        watchlist: [expect.objectContaining({ entityId: expect.stringMatching(/^un-/) })],
      });

      // The review screen still shows what matched (the entity side) and the score, with the subject masked.
      const analyst = await t.as('analyst');
      const un = after.find((a) => a.entity_id.startsWith('un-'))!;
      const review = await t.app.inject({ url: `/api/alerts/${un.id}`, headers: analyst });
      expect(review.statusCode, review.body).toBe(200);
      expect(review.json()).toMatchObject({ subject: { name: ['***'] }, entityCaption: 'IZZAT IBRAHIM AL-DURI', score: un.score });
      const queue = await t.app.inject({ url: `/api/travel/alerts?flight=${FLIGHT}`, headers: analyst });
      const items = (queue.json() as { items: Array<{ traveller: unknown; entityCaption: string }> }).items;
      expect(items.map((i) => i.traveller)).toEqual(after.map(() => expect.objectContaining({ name: '***, ***', birthDate: null, documents: [] })));
      expect(items.map((i) => i.entityCaption).sort()).toEqual(['GBR P X99999999 reported stolen', 'IZZAT IBRAHIM AL-DURI']);
    });

    it('still lets an approved re-personalisation show the traveller', async () => {
      const analyst = await t.as('analyst', 'rt.analyst');
      const supervisor = await t.as('supervisor', 'rt.supervisor');
      const req = await t.app.inject({
        method: 'POST',
        url: '/api/travel/dpo/requests',
        headers: analyst,
        payload: { targetType: 'traveller', targetId: listedId, reason: 'investigation 2027/042, confirmed watchlist match' },
      });
      expect(req.statusCode, req.body).toBe(201);
      const id = (req.json() as { id: string }).id;
      const ok = await t.app.inject({
        method: 'POST',
        url: `/api/travel/dpo/requests/${id}/decision`,
        headers: supervisor,
        payload: { decision: 'approve', note: 'case file checked' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const shown = await t.app.inject({ url: `/api/travel/dpo/requests/${id}/view`, headers: analyst });
      expect(shown.json()).toMatchObject({ travellers: [{ id: listedId, surname: 'AL-DOURI', givenNames: 'IZZAT IBRAHIM', birthDate: '1942-07-01' }] });
    });
  });
}
