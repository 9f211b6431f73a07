// The watchlists HTTP API through inject, on every store backend: shapes of the contract, permissions, audit of entity views.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { importList } from './import.js';
import { ftmFixture, writeFtm, type FtmFixtureEntity } from './test-support/fixtures.js';
import { watchlistsModule } from './index.js';

type Headers = Record<string, string>;
const headersOf = (h: object): Headers => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId' && k !== 'tokenId')) as Headers;

describe('watchlists module descriptor', () => {
  it('declares permissions with default roles, a nav item with messages, and a job built from the context', () => {
    expect(watchlistsModule).toMatchObject({ name: 'watchlists', area: 'counter-terrorism' });
    expect(watchlistsModule.permissions?.map((p) => [p.name, p.roles])).toEqual([
      ['watchlists.read', ['admin', 'supervisor', 'analyst', 'officer', 'auditor', 'dpo']],
      ['watchlists.manage', ['admin', 'supervisor']],
    ]);
    expect(watchlistsModule.nav).toEqual([
      { id: 'watchlists', path: '/lists', titleKey: 'watchlists.nav.title', descriptionKey: 'watchlists.nav.description', permission: 'watchlists.read' },
    ]);
    for (const key of ['watchlists.nav.title', 'watchlists.nav.description']) expect(watchlistsModule.messages?.[key]).toBeTruthy();
    expect(typeof watchlistsModule.jobs).toBe('function');
  });
});

const linked: FtmFixtureEntity[] = [
  { id: 'fx-rel-a', schema: 'Person', properties: { name: ['Testperson Quuxley-Relative'] } },
  { id: 'fx-rel-link', schema: 'Family', target: false, properties: { person: ['fx-rel-a'], relative: ['fx-00000'], relationship: ['brother'] } },
];

for (const backend of storeBackends('watchlists routes')) {
  describe(`watchlists API on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    let officer: Headers;
    let supervisor: Headers;
    let officerId: string;
    const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      t = await createTestApp({ backend });
      dir = mkdtempSync(join(tmpdir(), 'vigil-wl-api-'));
      const v1 = join(dir, 'v1.json');
      writeFtm(v1, [...ftmFixture(30), ...linked]);
      await importList(t.ctx, { list: 'fx', format: 'ftm', paths: [v1], title: 'Fixture list', actor: SYSTEM_ACTOR });
      const changed = ftmFixture(29);
      changed[0]!.properties.alias = ['Another Alias'];
      const v2 = join(dir, 'v2.json');
      writeFtm(v2, [...changed, ...linked]);
      await importList(t.ctx, { list: 'fx', format: 'ftm', paths: [v2], actor: SYSTEM_ACTOR, activate: false });
      const o = await t.as('officer');
      officerId = o.userId;
      officer = headersOf(o);
      supervisor = headersOf(await t.as('supervisor'));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('lists lists with their versions, newest first, for readers', async () => {
      const res = await get('/api/lists', officer);
      expect(res.statusCode).toBe(200);
      const [fx] = res.json<{ items: Record<string, unknown>[] }>().items;
      expect(fx).toMatchObject({ name: 'fx', title: 'Fixture list', format: 'ftm', activeVersion: 1 });
      expect(fx!.versions).toMatchObject([
        { version: 2, active: false, total: 30, auxiliaries: 30, counts: { Person: 25, Company: 5 }, importedBy: null, files: ['v2.json'] },
        { version: 1, active: true, total: 31, auxiliaries: 31, counts: { Person: 25, Company: 6 } },
      ]);
      expect((fx!.versions as { sha256: string }[])[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await get('/api/lists', {})).statusCode).toBe(401);
    });

    it('shows one list with its source, and 404 as a problem for an unknown one', async () => {
      expect((await get('/api/lists/fx', officer)).json()).toMatchObject({ name: 'fx', source: null });
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/lists/fx/source',
        headers: supervisor,
        payload: { urls: ['http://127.0.0.1:9/fx.json'], format: 'ftm', everyHours: 6 },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({
        source: { url: 'http://127.0.0.1:9/fx.json', format: 'ftm', everyHours: 6, lastCheckedAt: null, lastStatus: null, lastChangedAt: null },
      });
      expect((await t.app.inject({ method: 'PUT', url: '/api/lists/fx/source', headers: officer, payload: {} })).statusCode).toBe(403);
      const missing = await get('/api/lists/nope', officer);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('diffs versions with entity references (default: active and the one before; here explicit)', async () => {
      const res = await get('/api/lists/fx/diff?from=1&to=2', officer);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        list: 'fx',
        from: 1,
        to: 2,
        added: [],
        removed: [{ id: 'fx-00029', schema: 'Company', caption: 'Sampleton Testing Holdings 29' }],
        changed: [{ id: 'fx-00000', schema: 'Person', caption: 'Testperson Quuxley 0', properties: ['alias'] }],
      });
      expect((await get('/api/lists/fx/diff?to=x', officer)).statusCode).toBe(400);
      expect((await get('/api/lists/fx/diff?to=9', officer)).statusCode).toBe(404);
    });

    it('activates: officers may not, supervisors may; the event is written', async () => {
      const denied = await t.app.inject({ method: 'POST', url: '/api/lists/fx/activate', headers: officer, payload: { version: 2 } });
      expect(denied.statusCode).toBe(403);
      const res = await t.app.inject({ method: 'POST', url: '/api/lists/fx/activate', headers: supervisor, payload: { version: 2 } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'fx',
        activeVersion: 2,
        versions: [
          { version: 2, active: true },
          { version: 1, active: false },
        ],
      });
      const outbox = await t.ctx.db.kysely
        .selectFrom('outbox')
        .selectAll()
        .where('topic', '=', 'watchlists.version-activated')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(outbox.payload)).toEqual({ list: 'fx', version: 2, previousVersion: 1 });
      expect(outbox.key).toBe('fx');
      expect((await get('/api/lists/fx/diff', officer)).json()).toMatchObject({ from: 1, to: 2 });
    });

    it('pages listed entities of a version, searching names case- and accent-insensitively', async () => {
      const page = await get('/api/lists/fx/entities?limit=5', officer);
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: Record<string, unknown>[]; total: number }>();
      expect(body.total).toBe(30);
      expect(body.items).toHaveLength(5);
      expect(body.items[0]).toEqual({
        id: expect.any(String),
        schema: expect.any(String),
        caption: expect.any(String),
        countries: expect.any(Array),
        birthDates: expect.any(Array),
        programs: ['Fixture Programme'],
      });
      const q = (await get(`/api/lists/fx/entities?q=${encodeURIComponent('TESTPERSON QUUXLEY-REL')}&version=1`, officer)).json<{
        items: { id: string }[];
        total: number;
      }>();
      expect(q.items.map((i) => i.id)).toEqual(['fx-rel-a']);
      const accent = (await get(`/api/lists/fx/entities?q=${encodeURIComponent('testperson accented-8')}`, officer)).json<{
        items: { id: string; birthDates: string[]; countries: string[] }[];
      }>();
      expect(accent.items).toMatchObject([{ id: 'fx-00008', birthDates: ['1958-09-18'], countries: ['de'] }]);
      const companies = (await get('/api/lists/fx/entities?schema=Company&version=1', officer)).json<{ total: number }>();
      expect(companies.total).toBe(6);
      expect((await get('/api/lists/fx/entities?q=100%25_', officer)).json<{ total: number }>().total).toBe(0);
      expect((await get('/api/lists/fx/entities?limit=501', officer)).statusCode).toBe(400);
    });

    it('shows an entity with its lists, auxiliaries and related entities, and audits the view by id', async () => {
      const res = await get('/api/entities/fx-00000?list=fx', officer);
      expect(res.statusCode).toBe(200);
      const view = res.json<Record<string, any>>();
      expect(view.entity).toMatchObject({ id: 'fx-00000', schema: 'Person', caption: 'Testperson Quuxley 0', properties: { alias: ['Another Alias'] } });
      expect(view.lists).toEqual([{ name: 'fx', title: 'Fixture list', firstVersion: 1, lastVersion: null, inActiveVersion: true }]);
      expect(view.auxiliaries.map((a: { schema: string }) => a.schema)).toEqual(['Sanction']);
      expect(view.related).toEqual([{ id: 'fx-rel-a', schema: 'Person', caption: 'Testperson Quuxley-Relative', property: 'relative', direction: 'in' }]);
      const other = (await get('/api/entities/fx-rel-a', officer)).json<Record<string, any>>();
      expect(other.related).toEqual([{ id: 'fx-00000', schema: 'Person', caption: 'Testperson Quuxley 0', property: 'relative', direction: 'out' }]);
      const removed = (await get('/api/entities/fx-00029', officer)).json<Record<string, any>>();
      expect(removed).toMatchObject({ version: 1, lists: [{ name: 'fx', firstVersion: 1, lastVersion: 1, inActiveVersion: false }] });
      const views = await t.ctx.audit.search({ action: 'entity.view', actorId: officerId });
      expect(views.map((v) => v.targetId)).toEqual(['fx-00029', 'fx-rel-a', 'fx-00000']);
      expect(views[2]).toMatchObject({ targetType: 'entity', details: { list: 'fx', version: 2 } });
      expect(JSON.stringify(views)).not.toMatch(/Quuxley/);
      expect((await get('/api/entities/nobody', officer)).statusCode).toBe(404);
    });

    it('exports a version as FtM JSON lines, audited', async () => {
      const res = await get('/api/lists/fx/export?format=ftm&version=1', officer);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="fx-v1.ftm.json"');
      const lines = res.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; schema: string; target: boolean });
      expect(lines).toHaveLength(62);
      expect(lines.filter((l) => l.target)).toHaveLength(31);
      expect(lines.find((l) => l.id === 'fx-00001')).toMatchObject({ schema: 'Person', properties: { name: ['Quux Bazinski 1'] }, datasets: ['fx'] });
      expect((await t.ctx.audit.search({ action: 'watchlist.export' }))[0]?.details).toEqual({ list: 'fx', version: 1, format: 'ftm' });
      expect((await get('/api/lists/fx/export?format=csv', officer)).statusCode).toBe(400);
    });

    it('describes its routes in the OpenAPI document', async () => {
      const doc = (await get('/api/openapi.json', officer)).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/lists',
          '/api/lists/{name}',
          '/api/lists/{name}/diff',
          '/api/lists/{name}/activate',
          '/api/lists/{name}/entities',
          '/api/entities/{id}',
          '/api/lists/{name}/export',
        ]),
      );
    });
  });
}
