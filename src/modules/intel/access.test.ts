// Need-to-know on every backend: every /api/intel route walked as a non-member (analyst, admin) answers 404/403 and shows nothing of the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { base64, client, demoFile, importDemo, type Headers } from './test-support.js';

const SECRET_NAME = 'Secret case Zulu';
const CHART_STATE = {
  version: 1,
  nodes: [{ id: 'registry-FN-000001X', x: 0, y: 0, pinned: true }],
  links: [],
  groups: [],
  style: { colourBy: 'type', sizeBy: 'none' },
};

for (const backend of storeBackends('intel access')) {
  describe(`intel need-to-know on ${backend.name}`, () => {
    let t: TestApp;
    let c: ReturnType<typeof client>;
    let owner: Headers;
    let ownerId: string;
    const ids: Record<string, string> = {};
    /** Values that only a member may see: none may appear in an answer to anyone else. */
    const secrets: string[] = [SECRET_NAME];

    beforeAll(async () => {
      t = await createTestApp({ backend });
      c = client(t);
      const o = await t.as('analyst', 'owner.zulu');
      ownerId = o.userId;
      const { userId: _, ...oh } = o;
      owner = oh;
      ids.caseId = (await c.post('/api/intel/cases', owner, { name: SECRET_NAME })).json().id;
      await importDemo(t, owner, ids.caseId!, 'calls');
      await importDemo(t, owner, ids.caseId!, 'registry');
      const report = await c.post(`/api/intel/cases/${ids.caseId}/reports`, owner, {
        reference: 'ZULU-1',
        scheme: 'uk-5x5x5',
        sourceGrade: 'B',
        infoGrade: '2',
        handling: '4',
        text: 'Invented report text only members read',
      });
      ids.reportId = report.json().id;
      secrets.push('ZULU-1', 'Invented report text only members read', 'JOHN SPECIMEN', 'TESTFIRMA ALPHA', 'Erika Musterfrau');
      await c.post(`/api/intel/cases/${ids.caseId}/xref`, owner, { lists: false });
      const pairs = (await c.get(`/api/intel/cases/${ids.caseId}/pairs`, owner)).json().items as { id: string }[];
      ids.pairId = pairs[0]!.id;
      ids.entityId = 'registry-FN-000001X';
      ids.schemeId = 'custom-zulu';
      ids.userId = ownerId;
      const chart = await c.post(`/api/intel/cases/${ids.caseId}/charts`, owner, { name: 'Zulu chart of invented links', state: CHART_STATE });
      ids.chartId = chart.json().id;
      secrets.push('Zulu chart of invented links');
    });
    afterAll(() => t?.close());

    /** A well-formed request for each intel route, so a refusal is due to membership, not to a malformed request. */
    const REQUESTS: Record<string, { query?: string; body?: object }> = {
      'GET /api/intel/cases': {},
      'POST /api/intel/cases': { body: { name: 'Another case' } },
      'GET /api/intel/cases/:caseId': {},
      'PUT /api/intel/cases/:caseId/members': { body: { username: 'owner.zulu', role: 'viewer' } },
      'DELETE /api/intel/cases/:caseId/members/:userId': {},
      'GET /api/intel/register': {},
      'POST /api/intel/register/:caseId/owner': { body: { username: 'owner.zulu' } },
      'GET /api/intel/schemes': {},
      'PUT /api/intel/schemes/:schemeId': {
        body: {
          name: 'Z',
          sourceTitle: 'S',
          source: [{ code: 'A', label: 'a' }],
          infoTitle: 'I',
          info: [{ code: '1', label: 'b' }],
          handling: [{ code: 'X', label: 'c' }],
        },
      },
      'GET /api/intel/cases/:caseId/reports': {},
      'POST /api/intel/cases/:caseId/reports': { body: { reference: 'R', scheme: 'uk-3x5x2', sourceGrade: '1', infoGrade: 'A', handling: 'P', text: 't' } },
      'GET /api/intel/cases/:caseId/reports/:reportId': {},
      'GET /api/intel/cases/:caseId/entities': {},
      'GET /api/intel/cases/:caseId/entities/:entityId': {},
      'POST /api/intel/cases/:caseId/entities/:entityId/split': {},
      'POST /api/intel/cases/:caseId/merge': { body: { a: 'registry-FN-000001X', b: 'registry-FN-000002X' } },
      'POST /api/intel/cases/:caseId/references': { body: { kind: 'alert', id: 'x' } },
      'POST /api/intel/cases/:caseId/imports/preview': { body: { file: 'calls.csv', format: 'csv', content: base64(demoFile('calls.csv')) } },
      'POST /api/intel/cases/:caseId/imports': {
        body: { file: 'calls.csv', format: 'csv', content: base64(demoFile('calls.csv')), mapping: demoFile('calls.yml') },
      },
      'GET /api/intel/mappings': {},
      'POST /api/intel/mappings': { body: { name: 'calls-again', yaml: demoFile('calls.yml') } },
      'POST /api/intel/cases/:caseId/xref': { body: {} },
      'GET /api/intel/cases/:caseId/pairs': {},
      'GET /api/intel/cases/:caseId/pairs/next': {},
      'GET /api/intel/cases/:caseId/pairs/:pairId': {},
      'POST /api/intel/cases/:caseId/pairs/decisions': { body: { decisions: [{ pairId: ':pairId', decision: 'yes' }] } },
      'GET /api/intel/cases/:caseId/paths': { query: 'from=registry-FN-000001X&to=registry-FN-000002X' },
      'GET /api/intel/cases/:caseId/neighbourhood': { query: 'ids=registry-FN-000001X' },
      'GET /api/intel/cases/:caseId/common': { query: 'ids=registry-FN-000001X,registry-FN-000002X' },
      'GET /api/intel/cases/:caseId/analysis': {},
      'GET /api/intel/cases/:caseId/ownership': { query: 'id=registry-FN-000001X' },
      'GET /api/intel/cases/:caseId/export': { query: 'format=ftm' },
      'GET /api/intel/cases/:caseId/charts': {},
      'POST /api/intel/cases/:caseId/charts': { body: { name: 'Another chart', state: CHART_STATE } },
      'GET /api/intel/cases/:caseId/charts/:chartId': {},
      'PUT /api/intel/cases/:caseId/charts/:chartId': { body: { name: 'Renamed chart' } },
      'DELETE /api/intel/cases/:caseId/charts/:chartId': {},
      'GET /api/intel/cases/:caseId/chart-seed': { query: 'ids=registry-FN-000001X,registry-FN-000002X' },
      'GET /api/intel/cases/:caseId/chart-facts': {},
    };
    /** Routes that do not read a case: open to every holder of the permission. */
    const CASE_FREE = new Set([
      'GET /api/intel/cases',
      'POST /api/intel/cases',
      'GET /api/intel/schemes',
      'GET /api/intel/mappings',
      'POST /api/intel/mappings',
    ]);

    const fill = (s: string) => s.replace(/:(caseId|reportId|entityId|pairId|userId|schemeId|chartId)/g, (_, k: string) => ids[k]!);
    const routes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/intel/') && r.method !== 'HEAD');

    it('has a request for every intel route', () => {
      expect(
        routes()
          .map((r) => `${r.method} ${r.url}`)
          .sort(),
      ).toEqual(Object.keys(REQUESTS).sort());
    });

    it('the owner reaches every case route (so the refusals below are about membership)', async () => {
      for (const key of [
        'GET /api/intel/cases/:caseId',
        'GET /api/intel/cases/:caseId/entities',
        'GET /api/intel/cases/:caseId/paths',
        'GET /api/intel/cases/:caseId/charts/:chartId',
      ]) {
        const [method, url] = key.split(' ') as ['GET', string];
        const res = await t.app.inject({ method, url: fill(url) + (REQUESTS[key]!.query ? `?${REQUESTS[key]!.query}` : ''), headers: owner });
        expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      }
    });

    for (const role of ['analyst', 'supervisor', 'admin', 'viewer-member'] as const) {
      it(`as ${role} who is not a member (or only a viewer): refused, audited, nothing of the case shown`, async () => {
        const u = await t.as(role === 'viewer-member' ? 'analyst' : role);
        const { userId, ...h } = u;
        if (role === 'viewer-member') await c.put(`/api/intel/cases/${ids.caseId}/members`, owner, { userId, role: 'viewer' });
        for (const r of routes()) {
          const key = `${r.method} ${r.url}`;
          const spec = REQUESTS[key]!;
          const url = fill(r.url) + (spec.query ? `?${spec.query}` : '');
          const res = await t.app.inject({
            method: r.method as 'GET',
            url,
            headers: h,
            ...(spec.body ? { payload: JSON.parse(fill(JSON.stringify(spec.body))) } : {}),
          });
          if (role !== 'viewer-member') for (const s of secrets) expect(res.body, `${role} ${key} shows ${s}`).not.toContain(s);
          if (CASE_FREE.has(key)) {
            if (role === 'admin') expect(res.statusCode, `${role} ${key}`).toBe(403);
            continue;
          }
          if (key === 'GET /api/intel/register' || key === 'POST /api/intel/register/:caseId/owner' || key === 'PUT /api/intel/schemes/:schemeId') {
            if (role === 'admin') expect(res.statusCode, `${role} ${key}: ${res.body}`).toBeLessThan(300);
            else expect(res.statusCode, `${role} ${key}`).toBe(403);
            continue;
          }
          if (role === 'viewer-member') {
            // A viewer reads but does not change: every write is refused.
            if (r.method !== 'GET') expect(res.statusCode, `${role} ${key}: ${res.body}`).toBe(403);
            continue;
          }
          expect([403, 404], `${role} ${key}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }
        if (role === 'analyst') {
          const list = (await c.get('/api/intel/cases', h)).json();
          expect(list.items.map((x: { id: string }) => x.id)).not.toContain(ids.caseId);
        }
      });
    }

    it('shows a case manager only that cases exist, and the manager cannot appoint themselves', async () => {
      const a = await t.as('admin');
      const { userId, ...h } = a;
      const reg = (await c.get('/api/intel/register', h)).json();
      const mine = reg.items.find((x: { id: string }) => x.id === ids.caseId);
      expect(Object.keys(mine).sort()).toEqual(['createdAt', 'id', 'members']);
      const self = await c.post(`/api/intel/register/${ids.caseId}/owner`, h, { userId });
      expect(self.statusCode).toBe(403);
    });

    it('audits refusals and views with ids only', async () => {
      const rows = [...(await t.ctx.audit.search({ limit: 10000 } as never))];
      const denied = rows.filter((r) => r.action === 'intel.case.access' && r.outcome === 'denied');
      expect(denied.length).toBeGreaterThan(10);
      expect(denied.every((r) => r.targetId === ids.caseId)).toBe(true);
      expect(rows.some((r) => r.action === 'intel.entities.view' && r.targetId === ids.caseId)).toBe(true);
      const text = JSON.stringify(rows);
      for (const s of secrets) expect(text).not.toContain(s);
    });
  });
}
