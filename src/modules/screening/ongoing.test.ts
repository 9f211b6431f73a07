// Alerts from screening on every store backend: subjects, four eyes, no re-alert after a false positive, re-screening on a new version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { changedEntities, importList } from '../watchlists/index.js';
import { headersOf, importUnDemo, UN_DEMO } from './test-support.js';
import { bindContext, versionConsumer } from './subjects.js';

type H = Record<string, string>;
interface Alert {
  id: string;
  status: string;
  subjectId: string;
  entityId: string;
  entityCaption: string;
  score: number;
}

for (const backend of storeBackends('screening alerts')) {
  describe(`ongoing screening and alerts on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    let analyst: H;
    let officer: H;
    let supervisor: H;
    let officer2: H;
    const post = (url: string, headers: H, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
    const get = (url: string, headers: H) => t.app.inject({ method: 'GET', url, headers });
    const register = async (payload: object) => {
      const res = await post('/api/screening/subjects', analyst, payload);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { subject: { id: string }; result: { matches: Array<{ entityId: string }> }; alerts: string[] };
    };
    const alertsOf = async (q: string) => (await get(`/api/alerts?${q}`, analyst)).json() as { items: Alert[]; total: number };

    beforeAll(async () => {
      t = await createTestApp({ backend });
      await importUnDemo(t.ctx);
      dir = mkdtempSync(join(tmpdir(), 'vigil-screening-'));
      analyst = headersOf(await t.as('analyst'));
      officer = headersOf(await t.as('officer'));
      officer2 = headersOf(await t.as('officer'));
      supervisor = headersOf(await t.as('supervisor'));
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    let izzatAlert: string;
    let saddamSubject: string;
    let saddamEntity: string;

    it('raises an alert with provenance when a registered subject matches, and none for a subject on no list', async () => {
      const r = await register({ id: 'case-1', name: 'Izzat Ibrahim al-Douri', nationality: 'Iraq' });
      expect(r.alerts).toHaveLength(1);
      izzatAlert = r.alerts[0]!;
      const none = await register({ name: 'Testperson Quuxley' });
      expect(none.alerts).toEqual([]);
      const detail = (await get(`/api/alerts/${izzatAlert}`, officer)).json() as {
        status: string;
        fields: Array<{ field: string; subject: string[]; entity: string[] }>;
        explanation: unknown[];
        provenance: { listVersions: Record<string, number>; weightsVersion: string; threshold: number };
        decisions: unknown[];
      };
      expect(detail.status).toBe('open');
      expect(detail.provenance.listVersions).toEqual({ un: 1 });
      expect(detail.provenance.weightsVersion).toBeTruthy();
      expect(detail.provenance.threshold).toBeGreaterThan(0);
      expect(detail.explanation.length).toBeGreaterThan(0);
      const name = detail.fields.find((f) => f.field === 'name')!;
      expect(name.subject).toEqual(['Izzat Ibrahim al-Douri']);
      expect(name.entity.join(' ')).toMatch(/AL-DURI/);
      expect(detail.fields.find((f) => f.field === 'nationality')?.subject).toEqual(['iq']);
      const subjects = (await get('/api/screening/subjects', analyst)).json() as { total: number };
      expect(subjects.total).toBe(2);
      expect((await get('/api/screening/subjects', officer)).statusCode).toBe(403);
    });

    it('confirms only with four eyes: a second, different person holding alerts.confirm', async () => {
      const decide = (h: H, decision: string) =>
        post(`/api/alerts/${izzatAlert}/decision`, h, { decision, reason: 'identity-match', note: 'documents compared' });
      const first = await decide(officer, 'confirmed');
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ status: 'pending-confirmation', previousStatus: 'open' });
      expect((await decide(officer, 'confirmed')).statusCode).toBe(409);
      expect((await decide(officer2, 'confirmed')).statusCode).toBe(403);
      const second = await decide(supervisor, 'confirmed');
      expect(second.json()).toMatchObject({ status: 'confirmed', previousStatus: 'pending-confirmation' });
      expect((await decide(supervisor, 'false-positive')).statusCode).toBe(409);
      const bad = await post(`/api/alerts/${izzatAlert}/decision`, officer, { decision: 'maybe', reason: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('decision');
      const detail = (await get(`/api/alerts/${izzatAlert}`, analyst)).json() as { decisions: Array<{ step: string; sameFacts: boolean }> };
      expect(detail.decisions.map((d) => d.step).sort()).toEqual(['final', 'first-confirmation']);
      const audit = JSON.stringify(
        await t.ctx.db.kysely
          .selectFrom('audit_log' as never)
          .selectAll()
          .execute(),
      );
      expect(audit).toContain('alert.decide');
      expect(audit).not.toMatch(/Douri|documents compared/);
    });

    it('does not alert again after a false positive for the same subject and entity', async () => {
      const r = await register({ name: 'Saddam Hussein al-Tikriti', birthDate: '1937' });
      expect(r.alerts.length).toBeGreaterThan(0);
      saddamSubject = r.subject.id;
      const alerts = (await alertsOf(`subjectId=${saddamSubject}`)).items;
      saddamEntity = alerts.find((a) => /SADDAM HUSSEIN AL-TIKRITI/.test(a.entityCaption))!.entityId;
      const bulk = await post('/api/alerts/decisions', analyst, {
        entityId: saddamEntity,
        ids: alerts.filter((a) => a.entityId === saddamEntity).map((a) => a.id),
        decision: 'false-positive',
        reason: 'different-person',
      });
      expect(bulk.statusCode, bulk.body).toBe(200);
      expect((bulk.json() as { results: Array<{ status: string }> }).results.every((x) => x.status === 'false-positive')).toBe(true);
      const again = await post('/api/screen', officer, { name: 'Saddam Hussein al-Tikriti', birthDate: '1937', subjectId: saddamSubject });
      expect(again.statusCode).toBe(200);
      expect((again.json() as { alerts: string[]; matches: Array<{ entityId: string }> }).matches.some((m) => m.entityId === saddamEntity)).toBe(true);
      expect((again.json() as { alerts: string[] }).alerts).toEqual([]);
      expect((await alertsOf(`subjectId=${saddamSubject}&entityId=${saddamEntity}`)).total).toBe(1);
      const unknown = await post('/api/screen', officer, { name: 'Saddam Hussein', subjectId: 'no-such-subject' });
      expect(unknown.statusCode).toBe(404);
    });

    it('re-screens subjects against only the entities a new version changed, alerting again when the entity changed', async () => {
      const before = (await alertsOf('')).total;
      const xml = readFileSync(UN_DEMO, 'utf8');
      expect(xml.split('1937-04-28').length).toBe(2);
      const v2 = join(dir, 'UN_v2.xml');
      writeFileSync(v2, xml.replace('1937-04-28', '1937-04-29'));
      const imported = await importList(t.ctx, { list: 'un', format: 'un', paths: [v2], actor: SYSTEM_ACTOR });
      expect(imported).toMatchObject({ version: 2, activated: true });
      expect(await changedEntities(t.ctx.db.kysely, 'un', 1, 2)).toEqual([saddamEntity]);
      bindContext(t.ctx);
      const event = { id: 1, topic: 'watchlists.version-activated', key: 'un', createdAt: new Date().toISOString(), attempt: 1 };
      await versionConsumer.handle({ ...event, payload: { list: 'un', version: 2, previousVersion: 1 } });
      // Delivered again (idempotent): nothing more.
      await versionConsumer.handle({ ...event, attempt: 2, payload: { list: 'un', version: 2, previousVersion: 1 } });
      const after = await alertsOf('');
      expect(after.total).toBe(before + 1);
      const fresh = after.items.filter((a) => a.status === 'open');
      expect(fresh.map((a) => [a.subjectId, a.entityId])).toContainEqual([saddamSubject, saddamEntity]);
      const detail = (await get(`/api/alerts/${fresh.find((a) => a.entityId === saddamEntity)!.id}`, analyst)).json() as {
        provenance: { listVersions: Record<string, number> };
        decisions: Array<{ decision: string; sameFacts: boolean }>;
      };
      expect(detail.provenance.listVersions).toEqual({ un: 2 });
      expect(detail.decisions).toEqual([expect.objectContaining({ decision: 'false-positive', sameFacts: false })]);
      const status = (await get('/api/screen/status', officer)).json() as { lists: unknown[] };
      expect(status.lists).toEqual([{ list: 'un', version: 2 }]);
      const queue = (await get('/api/alerts?status=undecided', officer)).json() as { items: Alert[] };
      expect(queue.items.every((a) => a.status !== 'confirmed' && a.status !== 'false-positive')).toBe(true);
    });
  });
}
