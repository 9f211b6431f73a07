// Rules stored and served: versions, authors, enable/disable, refusals with positions, tests against stored traffic, hits and statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { raiseAlert } from '../../alerts/index.js';
import { evaluateRules, loadRuleSet, loadTravellerViews, recordRuleHits, ruleStats } from './index.js';
import { ingestFixtures } from './test-support/setup.js';
import { ru } from './tables.js';

const OS89 = 'OS0089-2026-12-01';
const ONE_WAY_CASH = 'route.countries in list "watched-routes" and booking.oneWay and booking.paidCash and booking.daysBeforeDeparture < 60';

for (const backend of storeBackends('travel rules')) {
  describe(`travel rules (${backend.name})`, () => {
    let t: TestApp;
    let analyst: Record<string, string> & { userId: string };
    let officer: Record<string, string>;
    beforeAll(async () => {
      t = await createTestApp({ backend, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      analyst = await t.as('analyst');
      officer = await t.as('officer');
      await ingestFixtures(t.ctx, ['paxlst-part1.edi', 'paxlst-part2.edi', 'pnrgov-13.1.edi']);
    });
    afterAll(async () => t?.close());

    const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers: Record<string, string> = analyst) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    it('keeps named lists versioned and refuses a sensitive entry', async () => {
      const a = await api('PUT', '/api/travel/rules/lists/watched-routes', { entries: ['US', 'Syria', ' ', 'US'], description: 'routes under watch' });
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ name: 'watched-routes', version: 1, entries: ['US', 'Syria'], changed: true });
      const same = await api('PUT', '/api/travel/rules/lists/watched-routes', { entries: ['US', 'Syria'] });
      expect(same.json()).toMatchObject({ version: 1, changed: false });
      const bad = await api('PUT', '/api/travel/rules/lists/meals', { entries: ['MOML'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/religious/);
    });

    it('creates a rule disabled, with its author, and refuses a sensitive one naming where', async () => {
      const res = await api('POST', '/api/travel/rules', { name: 'One-way cash to watched routes', expression: ONE_WAY_CASH });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ id: 'r1', version: 1, enabled: false, createdBy: analyst.userId });

      const refused = await api('POST', '/api/travel/rules', { name: 'meals', expression: 'booking.oneWay and\n  traveller.sex == "F"' });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.json()).toMatchObject({ line: 2, column: 3, field: 'expression' });
      expect(refused.json().detail).toMatch(/sex or gender/);

      const syntax = await api('POST', '/api/travel/rules/check', { expression: 'flight.carrier == "OS" and (' });
      expect(syntax.json()).toMatchObject({ ok: false, problem: { code: 'syntax', line: 1, column: 29 } });

      const denied = await api('POST', '/api/travel/rules', { name: 'x', expression: 'booking.oneWay' }, officer);
      expect(denied.statusCode).toBe(403);
    });

    it('tests a rule against stored traffic: would-be hits with a sample, audited by ids', async () => {
      const res = await api('POST', '/api/travel/rules/r1/test', { from: '2026-11-01', to: '2026-12-31' });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r.scanned.flights).toBeGreaterThanOrEqual(1);
      // Of OS89's PNR travellers only JOHN SPECIMEN paid cash on a one-way itinerary (VIE-JFK-IAD).
      expect(r.hits).toEqual({ travellers: 1, flights: 1 });
      expect(r.sample[0]).toMatchObject({ flightId: OS89 });
      expect(r.sample[0].detail).toContain('booking.paidCash = true');
      expect(r.lists).toEqual({ 'watched-routes': 1 });

      const adhoc = await api('POST', '/api/travel/rules/test', { expression: 'booking.return', from: '2026-12-01', to: '2026-12-01' });
      expect(adhoc.json().hits.travellers).toBe(1);

      const audit = await t.ctx.audit.search({ action: 'travel.rule.test' });
      expect(audit.length).toBe(2);
      expect(JSON.stringify(audit)).not.toMatch(/SPECIMEN|MUSTERFRAU/);
    });

    it('versions a change, enables it, and screening evaluates the enabled versions', async () => {
      const changed = await api('PATCH', '/api/travel/rules/r1', { expression: `${ONE_WAY_CASH} and flight.carrier == "os"` });
      expect(changed.json()).toMatchObject({ version: 2, changed: true, enabled: false });
      expect((await loadRuleSet(t.ctx)).rules).toHaveLength(0);
      const on = await api('POST', '/api/travel/rules/r1/enable');
      expect(on.json()).toMatchObject({ enabled: true, version: 2, changed: true });
      const detail = (await api('GET', '/api/travel/rules/r1')).json();
      expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

      const set = await loadRuleSet(t.ctx);
      const views = await loadTravellerViews(t.ctx.db.kysely, OS89);
      const hits = views.flatMap((v) => evaluateRules(set, v).map((h) => ({ ...h, travellerId: v.travellerId })));
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ ruleId: 'r1', version: 2, lists: { 'watched-routes': 1 } });
      // Compiled once per version: the next load reuses it.
      expect((await loadRuleSet(t.ctx)).rules[0]).toBe(set.rules[0]);

      const at = t.clock.now().toISOString();
      await t.ctx.db.transaction(async (trx) => {
        await recordRuleHits(trx, hits, { travellerId: hits[0]!.travellerId, flightId: OS89, at });
        await recordRuleHits(trx, hits, { travellerId: hits[0]!.travellerId, flightId: OS89, at });
        await raiseAlert(t.ctx, trx, {
          source: 'travel',
          subjectType: 'traveller',
          subjectId: hits[0]!.travellerId,
          subject: { name: ['JOHN SPECIMEN'] },
          entityId: 'rule:r1',
          entity: { name: ['One-way cash'] },
          entitySchema: 'Thing',
          entityCaption: 'One-way cash',
          lists: [],
          score: 1,
          explanation: [{ feature: 'rule', score: 1, detail: hits[0]!.detail }],
          provenance: { rule: { id: 'r1', version: 2 } },
        });
      });
      const stats = await ruleStats(t.ctx, 'r1');
      expect(stats).toEqual([{ ruleId: 'r1', version: 2, hits: 1, flights: 1, lastHitAt: at, alerts: { open: 1 }, precision: null }]);
      const rows = await ru(t.ctx.db.kysely).selectFrom('travel_rule_hits').selectAll().execute();
      expect(rows).toHaveLength(1);
    });

    it('refuses a list change a rule could not use, and audits every change by ids', async () => {
      const bad = await api('PUT', '/api/travel/rules/lists/watched-routes', { entries: ['Atlantis'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/rule r1/);
      const off = await api('POST', '/api/travel/rules/r1/disable');
      expect(off.json()).toMatchObject({ enabled: false });
      const actions = (await t.ctx.audit.search({ targetType: 'travel-rule' })).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(['travel.rule.create', 'travel.rule.update', 'travel.rule.enable', 'travel.rule.disable', 'travel.rule.test']),
      );
      const list = (await api('GET', '/api/travel/rules')).json();
      expect(list.items).toHaveLength(1);
    });
  });
}
