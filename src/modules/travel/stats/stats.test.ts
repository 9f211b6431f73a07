// Statistics on known fixtures: messages and travellers per carrier and day by sex, hits per list and rule, decisions and
// decision times, art. 20 figures; over HTTP (permissions) and through the CLI commands (JSON, usage errors).
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { CliError, EXIT } from '../../../platform/cli/context.js';
import { createOutput } from '../../../platform/cli/output.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { decideAlert, raiseAlert } from '../../alerts/index.js';
import { intakeCommands } from '../intake/commands.js';
import { retentionCommands } from '../retention/commands.js';
import { rt } from '../retention/tables.js';
import { ingest } from '../retention/test-support.js';
import { statsCommands } from './commands.js';
import type { StatsReport } from './report.js';

const MINUTE = 60_000;

for (const backend of storeBackends('travel statistics')) {
  describe(`travel statistics (${backend.name})`, () => {
    const clock = new ManualClock('2026-12-01T08:00:00.000Z');
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      for (const f of ['paxlst-passengers.edi', 'pnrgov-13.1.edi', 'paxlst-crew.edi']) await ingest(t, f);
      const rows = await rt(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname', 'flight_id', 'role']).execute();
      const id = (surname: string, flight: string) => rows.find((r) => r.surname === surname && r.flight_id.startsWith(flight) && r.role === 'passenger')!.id;
      const raise = (subjectId: string, lists: string[], provenance: Record<string, unknown>) =>
        t.ctx.db.transaction(async (trx) => {
          const r = await raiseAlert(t.ctx, trx, {
            source: 'travel',
            subjectType: 'traveller',
            subjectId,
            subject: { id: [subjectId] },
            entityId: `e-${subjectId}-${lists.join()}`,
            entity: { name: ['Testperson Alpha'] },
            entitySchema: 'Person',
            entityCaption: 'Testperson Alpha',
            lists,
            score: 0.9,
            explanation: [],
            provenance,
          });
          return r.status === 'created' ? r.id : '';
        });
      const a = { actor: { type: 'user' as const, id: 'u-a', orgId: null }, canConfirm: true };
      const b = { actor: { type: 'user' as const, id: 'u-b', orgId: null }, canConfirm: true };
      // F traveller: listed, confirmed after 30 minutes by two people.
      const confirmed = await raise(id('MUSTERFRAU', 'LH1234'), ['un-sc'], { lists: { 'un-sc': 4 } });
      // M traveller: a rule hit, false positive after 90 minutes.
      const dismissed = await raise(id('SPECIMEN', 'LH1234'), [], { rule: { id: 'rule-cash-oneway', version: 2 } });
      // X traveller: on a list and a rule, still open (one escalation).
      const open = await raise(id('TESTPERSON', 'OS0089'), ['eu-fsf'], { ruleId: 'rule-cash-oneway' });
      clock.advance(10 * MINUTE);
      await decideAlert(t.ctx, confirmed, { decision: 'confirmed', reason: 'match' }, a);
      await decideAlert(t.ctx, open, { decision: 'unsure', reason: 'needs-context' }, a);
      clock.advance(20 * MINUTE);
      await decideAlert(t.ctx, confirmed, { decision: 'confirmed', reason: 'match' }, b);
      clock.advance(60 * MINUTE);
      await decideAlert(t.ctx, dismissed, { decision: 'false-positive', reason: 'other-person' }, a);
    });
    afterAll(async () => t?.close());

    it('counts messages and travellers per carrier, day and sex, hits per list and rule, decisions and their times', async () => {
      const analyst = await t.as('analyst');
      const res = await t.app.inject({ url: '/api/travel/stats?from=2026-12-01&to=2026-12-01', headers: analyst });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as StatsReport;
      expect(r.messages).toEqual([
        { day: '2026-12-01', carrier: 'LH', type: 'PAXLST', messages: 1 },
        { day: '2026-12-01', carrier: 'OS', type: 'PAXLST', messages: 1 },
        { day: '2026-12-01', carrier: 'OS', type: 'PNRGOV', messages: 1 },
      ]);
      const by = (carrier: string, role: string) =>
        Object.fromEntries(r.travellers.filter((x) => x.carrier === carrier && x.role === role).map((x) => [x.sex, x.travellers]));
      expect(by('LH', 'passenger')).toEqual({ F: 1, M: 1, X: 1 });
      expect(by('OS', 'passenger')).toEqual({ F: 1, M: 1, X: 1 });
      expect(by('OS', 'crew')).toEqual({ F: 1, M: 2 });
      expect(r.totals).toEqual({ messages: 3, travellers: 9, travellersBySex: { F: 3, M: 4, X: 2, unknown: 0 }, alerts: 3 });
      expect(r.hits.map((h) => [h.key, h.hits, h.confirmed, h.falsePositive, h.undecided])).toEqual([
        ['rule:rule-cash-oneway', 2, 0, 1, 1],
        ['list:eu-fsf', 1, 0, 0, 1],
        ['list:un-sc', 1, 1, 0, 0],
      ]);
      expect(r.hits[0]!.bySex).toEqual({ F: 0, M: 1, X: 1, unknown: 0 });
      expect(r.decisions).toMatchObject({ confirmed: 1, falsePositive: 1, unsure: 1, open: 1 });
      expect(r.decisions.time).toEqual({ decided: 2, medianMinutes: 30, p90Minutes: 90, meanMinutes: 60 });
      expect(r.decisions.timeBySex.F).toMatchObject({ decided: 1, medianMinutes: 30 });
      expect(r.decisions.timeBySex.M).toMatchObject({ decided: 1, medianMinutes: 90 });

      const empty = (await t.app.inject({ url: '/api/travel/stats?from=2026-11-01&to=2026-11-30', headers: analyst })).json() as StatsReport;
      expect(empty.totals).toMatchObject({ messages: 0, travellers: 0, alerts: 0 });
    });

    it('answers bad ranges with the field, and needs its permissions', async () => {
      const analyst = await t.as('analyst');
      const bad = await t.app.inject({ url: '/api/travel/stats?from=2026-13-01', headers: analyst });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation-failed', field: 'from' });
      expect((await t.app.inject({ url: '/api/travel/stats?from=2026-12-02&to=2026-12-01', headers: analyst })).json()).toMatchObject({ field: 'from' });
      expect((await t.app.inject({ url: '/api/travel/stats', headers: await t.as('officer') })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/travel/dpo/art20', headers: analyst })).statusCode).toBe(403);
    });

    it('gives the DPO the art. 20 figures per month', async () => {
      const dpo = await t.as('dpo');
      const res = await t.app.inject({ url: '/api/travel/dpo/art20?from=2026-11-01&to=2026-12-31', headers: dpo });
      expect(res.json()).toEqual({
        from: '2026-11-01',
        to: '2026-12-31',
        periods: [{ period: '2026-12', travellersCollected: 9, travellersIdentified: 3, alertsRaised: 3, travellersConfirmed: 1, alertsConfirmed: 1 }],
      });
    });

    it('prints the report and runs retention from the command line', async () => {
      const run = async (...args: string[]) => {
        let stdout = '';
        const sink = new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) });
        const cli = { app: async () => t.ctx, actor: SYSTEM_ACTOR, out: createOutput(sink, new Writable({ write: (_c, _e, d) => d() })) };
        const program = new Command('vigil').exitOverride().enablePositionalOptions();
        intakeCommands(program, cli);
        statsCommands(program, cli);
        retentionCommands(program, cli);
        await program.parseAsync(['node', 'vigil', ...args]);
        return stdout;
      };
      const json = JSON.parse(await run('travel', 'stats', '--from', '2026-12-01', '--to', '2026-12-01', '--json')) as StatsReport;
      expect(json.totals.travellers).toBe(9);
      expect(await run('travel', 'stats', '--from', '2026-12-01', '--to', '2026-12-01')).toMatch(
        /3 messages, 9 travellers \(F 3, M 4, X 2, unknown 0\), 3 alerts/,
      );
      await expect(run('travel', 'stats', '--from', '01/12/2026')).rejects.toMatchObject({ exitCode: EXIT.usage });
      await expect(run('travel', 'stats', '--from', 'x')).rejects.toBeInstanceOf(CliError);
      const r = JSON.parse(await run('travel', 'retention', 'run', '--json')) as { counts: { depersonalised: { travellers: number } } };
      expect(r.counts.depersonalised.travellers).toBe(0);
      expect(JSON.parse(await run('travel', 'retention', 'runs', '--json'))).toHaveLength(1);
    });
  });
}
