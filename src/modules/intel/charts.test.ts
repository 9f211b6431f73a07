// Saved link charts on every backend: save, list, reopen (as the case has it now), rename, replace, delete; bad states named; need-to-know; seeds and facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { client, importDemo, type Headers } from './test-support.js';

const ALPHA = 'registry-FN-000001X';
const BETA = 'registry-FN-000002X';

const state = (over: object = {}) => ({
  version: 1,
  nodes: [
    { id: ALPHA, x: 10, y: -4.5, pinned: true },
    { id: BETA, x: -3, y: 7, hidden: true, colour: '#aa3300' },
  ],
  links: [] as string[],
  groups: [{ id: 'g1', label: 'Firms', members: [ALPHA, BETA], collapsed: false }],
  style: { colourBy: 'community', sizeBy: 'degree', since: '2020', until: '2026-12', grades: ['B2'] },
  ...over,
});

for (const backend of storeBackends('intel charts')) {
  describe(`intel charts on ${backend.name}`, () => {
    let t: TestApp;
    let c: ReturnType<typeof client>;
    let h: Headers;
    let caseId: string;
    let erika: string;

    beforeAll(async () => {
      t = await createTestApp({ backend });
      c = client(t);
      const { userId: _, ...headers } = await t.as('analyst', 'chart.owner');
      h = headers;
      caseId = (await c.post('/api/intel/cases', h, { name: 'Chart case' })).json().id;
      await importDemo(t, h, caseId, 'calls');
      await importDemo(t, h, caseId, 'registry');
      const found = (await c.get(`/api/intel/cases/${caseId}/entities?q=Erika&links=false`, h)).json().items as { id: string }[];
      erika = found[0]!.id;
      const rep = await c.post(`/api/intel/cases/${caseId}/reports`, h, {
        reference: 'CH-1',
        scheme: 'uk-5x5x5',
        sourceGrade: 'B',
        infoGrade: '2',
        handling: '1',
        text: 'Invented: Erika Musterfrau associates with the holding',
        entities: [{ id: erika }],
        links: [{ schema: 'Associate', source: erika, target: ALPHA, properties: { startDate: ['2023-04'] } }],
      });
      expect(rep.statusCode, rep.body).toBe(201);
    });
    afterAll(() => t?.close());

    it('saves a chart, lists it and reopens it with the entities and links as the case has them', async () => {
      const seed = (await c.get(`/api/intel/cases/${caseId}/chart-seed?ids=${ALPHA},${erika},nobody-here`, h)).json();
      expect(seed.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ALPHA, erika].sort());
      expect(seed.missing).toEqual(['nobody-here']);
      const linkIds = seed.links.map((l: { id: string }) => l.id) as string[];
      expect(seed.links.every((l: { source: string; target: string }) => [ALPHA, erika].includes(l.source) && [ALPHA, erika].includes(l.target))).toBe(true);
      expect(seed.links.map((l: { type: string }) => l.type)).toEqual(expect.arrayContaining(['Ownership', 'Associate']));

      const s = state({
        nodes: [
          { id: ALPHA, x: 10, y: -4.5, pinned: true },
          { id: erika, x: -3, y: 7, hidden: true, colour: '#aa3300' },
        ],
        links: [linkIds[0]!],
        groups: [{ id: 'g1', label: 'People', members: [erika], collapsed: true }],
      });
      const made = await c.post(`/api/intel/cases/${caseId}/charts`, h, { name: 'Holding and owner', state: s });
      expect(made.statusCode, made.body).toBe(201);
      expect(made.json()).toMatchObject({ name: 'Holding and owner', nodes: 2, caseId });
      const chartId = made.json().id as string;

      const list = (await c.get(`/api/intel/cases/${caseId}/charts`, h)).json();
      expect(list.items.map((x: { id: string }) => x.id)).toEqual([chartId]);

      const open = await c.get(`/api/intel/cases/${caseId}/charts/${chartId}`, h);
      expect(open.statusCode, open.body).toBe(200);
      const body = open.json();
      expect(body.state).toEqual(s);
      expect(body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ALPHA, erika].sort());
      expect(body.graph.nodes.find((n: { id: string }) => n.id === ALPHA)).toMatchObject({ schema: 'Company', caption: 'TESTFIRMA ALPHA HOLDING GMBH' });
      // Only the links the chart held, not every link between its entities.
      expect(body.graph.links.map((l: { id: string }) => l.id)).toEqual([linkIds[0]]);
      expect(body.graph.missing).toEqual([]);

      const renamed = await c.put(`/api/intel/cases/${caseId}/charts/${chartId}`, h, { name: 'Renamed', state: state({ groups: [] }) });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const again = (await c.get(`/api/intel/cases/${caseId}/charts/${chartId}`, h)).json();
      expect(again.name).toBe('Renamed');
      expect(again.state.groups).toEqual([]);
      expect(again.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ALPHA, BETA].sort());

      const rows = [...(await t.ctx.audit.search({ limit: 10000 } as never))];
      expect(rows.filter((r) => r.action === 'intel.chart.view' && r.targetId === caseId)).toHaveLength(2);
      expect(rows.some((r) => r.action === 'intel.chart.create')).toBe(true);
      expect(JSON.stringify(rows)).not.toContain('Renamed');

      expect((await c.del(`/api/intel/cases/${caseId}/charts/${chartId}`, h)).statusCode).toBe(204);
      const gone = await c.get(`/api/intel/cases/${caseId}/charts/${chartId}`, h);
      expect(gone.statusCode).toBe(404);
      expect(gone.json().code).toBe('not-found');
    });

    it('names what is wrong in a state, and refuses a second chart of the same name', async () => {
      const bad = async (s: object, field: string) => {
        const res = await c.post(`/api/intel/cases/${caseId}/charts`, h, { name: 'Bad', state: s });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.body).toContain(field);
      };
      await bad(
        state({
          nodes: [
            { id: ALPHA, x: 0, y: 0 },
            { id: ALPHA, x: 1, y: 1 },
          ],
          groups: [],
        }),
        'state.nodes[1].id',
      );
      await bad(state({ groups: [{ id: 'g', label: 'x', members: ['not-on-chart'], collapsed: false }] }), 'state.groups[0].members[0]');
      await bad(state({ style: { colourBy: 'type', sizeBy: 'none', since: 'last spring' } }), 'state.style.since');
      await bad(state({ version: 2 }), 'version');
      const first = await c.post(`/api/intel/cases/${caseId}/charts`, h, { name: 'Twice', state: state() });
      expect(first.statusCode).toBe(201);
      const second = await c.post(`/api/intel/cases/${caseId}/charts`, h, { name: 'Twice', state: state() });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'conflict', field: 'name' });
    });

    it('keeps charts from non-members (404) and lets a viewer open but not change them (403)', async () => {
      const chartId = (await c.post(`/api/intel/cases/${caseId}/charts`, h, { name: 'Members only', state: state() })).json().id as string;
      const { userId: outsiderId, ...outsider } = await t.as('analyst', 'chart.outsider');
      for (const [method, url] of [
        ['GET', `/api/intel/cases/${caseId}/charts`],
        ['GET', `/api/intel/cases/${caseId}/charts/${chartId}`],
        ['PUT', `/api/intel/cases/${caseId}/charts/${chartId}`],
        ['DELETE', `/api/intel/cases/${caseId}/charts/${chartId}`],
        ['GET', `/api/intel/cases/${caseId}/chart-facts`],
      ] as const) {
        const res = await t.app.inject({ method, url, headers: outsider, ...(method === 'PUT' ? { payload: { name: 'x' } } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Members only');
      }
      await c.put(`/api/intel/cases/${caseId}/members`, h, { userId: outsiderId, role: 'viewer' });
      expect((await c.get(`/api/intel/cases/${caseId}/charts/${chartId}`, outsider)).statusCode).toBe(200);
      expect((await c.put(`/api/intel/cases/${caseId}/charts/${chartId}`, outsider, { name: 'Mine now' })).statusCode).toBe(403);
      expect((await c.del(`/api/intel/cases/${caseId}/charts/${chartId}`, outsider)).statusCode).toBe(403);
    });

    it('gives the dates and report grades of entities and links for the timeline and the filters', async () => {
      const facts = (await c.get(`/api/intel/cases/${caseId}/chart-facts`, h)).json() as {
        items: { id: string; start?: string; end?: string; grades: string[] }[];
        grades: string[];
      };
      expect(facts.grades).toEqual(['B2']);
      expect(facts.items.find((f) => f.id === 'calls-C-0002')).toMatchObject({ start: '2026-09-02', end: '2026-09-02', grades: [] });
      const assoc = facts.items.find((f) => f.start === '2023-04');
      expect(assoc?.grades).toEqual(['B2']);
      expect(facts.items.find((f) => f.id === erika)?.grades).toEqual(['B2']);
    });
  });
}
