// Black-box TAXII 2.1 conformance through app.inject, covering the cases of medallion's test_backends.py on its own test data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { purgeStatuses } from './statuses.js';
import { createPartner, loadMedallion, medallionAvailable, TAXII, type Partner } from './test-support/fixtures.js';

const ROOT = '/taxii2/trustgroup1/';
const COLLECTIONS = ROOT + 'collections/';
const GET_C = COLLECTIONS + '91a7b528-80eb-42ed-a74d-c6fbd5a26116/';
const ADD_C = COLLECTIONS + '365fed99-08fa-fdcd-a1b3-fb247eb41d01/';
const MISSING_C = COLLECTIONS + '12345678-1234-1234-1234-123456789012/';
const FORBIDDEN_C = COLLECTIONS + '64993447-4d7e-4f70-b94d-d7f33742ee63/';
const GET_OBJECTS = GET_C + 'objects/';
const ADD_OBJECTS = ADD_C + 'objects/';
const IND = 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e';
const MAL = 'malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec';
const REL = 'relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463';
const COA = {
  type: 'course-of-action',
  spec_version: '2.1',
  id: 'course-of-action--68794cd5-28db-429d-ab1e-1256704ef906',
  created: '2017-01-27T13:49:53.935Z',
  modified: '2017-01-27T13:49:53.935Z',
  name: 'Test object',
};

type Json = Record<string, any>;

for (const backend of medallionAvailable() ? storeBackends('taxii conformance') : []) {
  describe(`TAXII 2.1 conformance (medallion's cases) on ${backend.name}`, () => {
    let t: TestApp;
    let p: Partner;
    const headers = () => ({ accept: TAXII, authorization: p.authorization });
    const get = async (url: string, h: Record<string, string> = headers()) => {
      const r = await t.app.inject({ method: 'GET', url, headers: h });
      return { status: r.statusCode, type: r.headers['content-type'], json: (r.body ? JSON.parse(r.body) : undefined) as Json, headers: r.headers };
    };
    const post = async (url: string, body: unknown, h: Record<string, string> = { ...headers(), 'content-type': TAXII }) => {
      const r = await t.app.inject({ method: 'POST', url, headers: h, payload: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: r.statusCode, type: r.headers['content-type'], json: (r.body ? JSON.parse(r.body) : undefined) as Json };
    };
    const del = async (url: string) => {
      const r = await t.app.inject({ method: 'DELETE', url, headers: headers() });
      return { status: r.statusCode, type: r.headers['content-type'] };
    };
    const ok = (r: { status: number; type: unknown }) => {
      expect(r.status).toBe(200);
      expect(r.type).toBe(TAXII);
    };
    const ids = (j: Json) => (j.objects as Json[]).map((o) => o.id as string);

    beforeAll(async () => {
      t = await createTestApp({ backend });
      p = await createPartner(t, 'Medallion Test Partner');
      const loaded = await loadMedallion(t, p);
      expect(loaded.rejected).toEqual([]);
    });
    afterAll(async () => t?.close());

    it('test_server_discovery', async () => {
      const r = await get('/taxii2/');
      ok(r);
      expect((r.json.api_roots as string[]).map((u) => u.replace(/^http:\/\/[^/]+/, ''))).toEqual([
        '/taxii2/api1/',
        '/taxii2/api2/',
        '/taxii2/default/',
        '/taxii2/trustgroup1/',
      ]);
      expect(r.json.default).toMatch(/\/taxii2\/default\/$/);
    });
    it('test_get_api_root_information', async () => {
      const r = await get(ROOT);
      ok(r);
      expect(r.json.title).toBe('Malware Research Group');
      expect(r.json.versions).toEqual([TAXII]);
    });
    it('test_get_status', async () => {
      const r = await get(ROOT + 'status/2d086da7-4bdc-4f91-900e-d77486753710/');
      ok(r);
      expect(Object.keys(r.json)).toEqual(expect.arrayContaining(['successes', 'failures', 'pendings']));
    });
    it('test_get_collections', async () => {
      const r = await get(COLLECTIONS);
      ok(r);
      expect((r.json.collections as Json[]).map((c) => c.id).sort()).toEqual(
        [
          '365fed99-08fa-fdcd-a1b3-fb247eb41d01',
          '472c94ae-3113-4e3e-a4dd-a9f4ac7471d4',
          '52892447-4d7e-4f70-b94d-d7f22742ff63',
          '64993447-4d7e-4f70-b94d-d7f33742ee63',
          '91a7b528-80eb-42ed-a74d-c6fbd5a26116',
        ].sort(),
      );
    });
    it('test_get_objects', async () => {
      const r = await get(GET_OBJECTS);
      ok(r);
      expect(r.json.more).toBe(false);
      expect(ids(r.json)).toEqual([
        REL,
        'indicator--cd981c25-8042-4166-8945-51178443bdac',
        'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
        MAL,
        IND,
      ]);
      expect(r.headers['x-taxii-date-added-first']).toBe('2014-05-08T09:00:00.000000Z');
      expect(r.headers['x-taxii-date-added-last']).toBe('2017-12-31T13:49:53.935000Z');
    });
    it('test_get_object', async () => {
      const r = await get(GET_OBJECTS + MAL + '/');
      ok(r);
      expect(ids(r.json)).toEqual([MAL]);
      expect(r.headers['x-taxii-date-added-first']).toBe('2017-01-27T13:49:59.997000Z');
      expect(r.headers['x-taxii-date-added-last']).toBe('2017-01-27T13:49:59.997000Z');
    });
    it('test_add_and_delete_object', async () => {
      const posted = await post(ADD_OBJECTS, { objects: [COA] });
      expect(posted.status).toBe(202);
      expect(posted.type).toBe(TAXII);
      expect(ids(await get(ADD_OBJECTS).then((r) => r.json))).toContain(COA.id);
      const filtered = await get(`${ADD_OBJECTS}?match[id]=${COA.id}`);
      expect(ids(filtered.json)).toEqual([COA.id]);
      const status = await get(`${ROOT}status/${posted.json.id}/`);
      ok(status);
      expect(status.json.success_count).toBe(1);
      const manifest = await get(`${ADD_C}manifest/?match[id]=${COA.id}`);
      ok(manifest);
      expect(ids(manifest.json)).toEqual([COA.id]);
      ok(await del(ADD_OBJECTS + COA.id + '/'));
      const gone = await get(ADD_OBJECTS + COA.id + '/');
      expect(gone.status).toBe(404);
      expect(gone.type).toBe(TAXII);
      expect((await get(ADD_C + 'manifest/' + COA.id + '/')).status).toBe(404);
    });
    it('test_get_object_manifests', async () => {
      const r = await get(GET_C + 'manifest/');
      ok(r);
      expect(r.json.objects).toHaveLength(5);
      expect(r.headers['x-taxii-date-added-first']).toBe('2014-05-08T09:00:00.000000Z');
      expect(r.headers['x-taxii-date-added-last']).toBe('2017-12-31T13:49:53.935000Z');
      const dates = (r.json.objects as Json[]).map((o) => o.date_added as string);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    });
    it('test_get_version', async () => {
      const r = await get(GET_OBJECTS + REL + '/versions/');
      ok(r);
      expect(r.json.versions).toHaveLength(1);
      expect(r.headers['x-taxii-date-added-first']).toBe('2014-05-08T09:00:00.000000Z');
      expect(r.headers['x-taxii-date-added-last']).toBe('2014-05-08T09:00:00.000000Z');
    });
    it('test_get_objects_added_after', async () => {
      const r = await get(GET_OBJECTS + '?added_after=2016-11-03T12:30:59Z');
      ok(r);
      expect(r.json.more).toBe(false);
      expect(r.json.objects).toHaveLength(3);
    });
    it('test_get_objects_limit', async () => {
      const a = await get(GET_OBJECTS + '?limit=3');
      ok(a);
      expect(a.json.more).toBe(true);
      expect(ids(a.json)).toEqual([REL, 'indicator--cd981c25-8042-4166-8945-51178443bdac', 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da']);
      expect(a.headers['x-taxii-date-added-first']).toBe('2014-05-08T09:00:00.000000Z');
      expect(a.headers['x-taxii-date-added-last']).toBe('2017-01-20T00:00:00.000000Z');
      const b = await get(GET_OBJECTS + '?limit=3&next=' + a.json.next);
      ok(b);
      expect(b.json.more).toBe(false);
      expect(ids(b.json)).toEqual([MAL, IND]);
      expect(b.headers['x-taxii-date-added-first']).toBe('2017-01-27T13:49:59.997000Z');
      expect(b.headers['x-taxii-date-added-last']).toBe('2017-12-31T13:49:53.935000Z');
    });
    it('test_get_objects_id', async () => {
      const r = await get(GET_OBJECTS + '?match[id]=' + MAL);
      ok(r);
      expect(r.json.more).toBe(false);
      expect(r.json.objects).toHaveLength(1);
    });
    it('test_get_objects_type', async () => {
      const r = await get(GET_OBJECTS + '?match[type]=indicator');
      ok(r);
      expect((r.json.objects as Json[]).map((o) => o.type)).toEqual(['indicator', 'indicator']);
    });
    it('test_objects_version_match_specific_date', async () => {
      const r = await get(GET_OBJECTS + '?match[version]=2016-12-25T12:30:59.444Z');
      expect(ids(r.json)).toEqual([IND]);
    });
    it('test_objects_version_match_first', async () => {
      const r = await get(GET_OBJECTS + '?match[version]=first');
      const byId = new Map((r.json.objects as Json[]).map((o) => [o.id, o.modified]));
      expect(byId.get(IND)).toBe('2016-11-03T12:30:59.000Z');
      expect(byId.get(MAL)).toBe('2017-01-27T13:49:53.997Z');
    });
    it('test_objects_version_match_last', async () => {
      const r = await get(GET_OBJECTS + '?match[version]=last');
      expect((r.json.objects as Json[]).find((o) => o.id === IND)?.modified).toBe('2017-01-27T13:49:53.935Z');
    });
    it('test_objects_version_match_all', async () => {
      const r = await get(GET_OBJECTS + '?match[version]=all');
      expect(r.json.more).toBe(false);
      expect(r.json.objects).toHaveLength(7);
    });
    it('test_get_objects_spec_version_20', async () => {
      const r = await get(GET_OBJECTS + '?match[spec_version]=2.0');
      expect(r.json.objects).toHaveLength(1);
      expect((r.json.objects as Json[]).every((o) => !('spec_version' in o))).toBe(true);
    });
    it('test_get_objects_spec_version_21_20', async () => {
      expect((await get(GET_OBJECTS + '?match[spec_version]=2.0,2.1')).json.objects).toHaveLength(5);
    });
    it('test_get_objects_spec_version_21', async () => {
      const r = await get(GET_OBJECTS + '?match[spec_version]=2.1');
      expect((r.json.objects as Json[]).map((o) => o.spec_version)).toEqual(['2.1', '2.1', '2.1', '2.1', '2.1']);
    });
    it('test_get_objects_spec_version_default', async () => {
      const r = await get(GET_OBJECTS);
      expect((r.json.objects as Json[]).every((o) => o.spec_version === '2.1')).toBe(true);
    });
    it('test_get_object_added_after_case1', async () => {
      const r = await get(GET_OBJECTS + MAL + '/?added_after=2018-01-27T13:49:59.997000Z');
      ok(r);
      expect(r.json).toEqual({});
    });
    it('test_get_object_added_after_case2', async () => {
      const r = await get(GET_OBJECTS + MAL + '/?added_after=2017-01-27T13:49:59Z');
      ok(r);
      expect(r.json.more).toBe(false);
      expect(r.json.objects).toHaveLength(1);
    });
    it('test_get_object_limit', async () => {
      const a = await get(GET_OBJECTS + IND + '/?limit=1');
      expect(a.json.more).toBe(false);
      expect(a.headers['x-taxii-date-added-first']).toBe('2017-12-31T13:49:53.935000Z');
      const b = await get(GET_OBJECTS + IND + '/?match[version]=all&limit=2');
      expect(b.json.more).toBe(true);
      expect((b.json.objects as Json[]).map((o) => o.modified)).toEqual(['2016-11-03T12:30:59.000Z', '2016-12-25T12:30:59.444Z']);
      expect(b.headers['x-taxii-date-added-first']).toBe('2016-11-03T12:30:59.001000Z');
      expect(b.headers['x-taxii-date-added-last']).toBe('2016-12-27T13:49:59.000000Z');
      const c = await get(GET_OBJECTS + IND + '/?match[version]=all&limit=2&next=' + b.json.next);
      expect(c.json.more).toBe(false);
      expect(c.json.objects).toHaveLength(1);
      expect(c.headers['x-taxii-date-added-last']).toBe('2017-12-31T13:49:53.935000Z');
    });
    for (const [filter, modified] of [
      ['?match[version]=2016-12-25T12:30:59.444Z', '2016-12-25T12:30:59.444Z'],
      ['?match[version]=first', '2016-11-03T12:30:59.000Z'],
      ['?match[version]=last', '2017-01-27T13:49:53.935Z'],
    ]) {
      it(`test_get_object_version_single ${filter}`, async () => {
        const r = await get(GET_OBJECTS + IND + '/' + filter);
        expect(r.json.more).toBe(false);
        expect((r.json.objects as Json[]).map((o) => [o.id, o.modified])).toEqual([[IND, modified]]);
      });
    }
    it('test_get_object_version_match_all', async () => {
      expect((await get(GET_OBJECTS + IND + '/?match[version]=all')).json.objects).toHaveLength(3);
    });
    it('test_get_object_spec_version_20 / _21 / _2021 / _default', async () => {
      const v20 = await get(GET_OBJECTS + MAL + '/?match[spec_version]=2.0');
      expect((v20.json.objects as Json[]).map((o) => o.modified)).toEqual(['2018-02-23T18:30:00.000Z']);
      const v21 = await get(GET_OBJECTS + MAL + '/?match[spec_version]=2.1');
      expect((v21.json.objects as Json[]).map((o) => o.spec_version)).toEqual(['2.1']);
      const both = await get(GET_OBJECTS + MAL + '/?match[spec_version]=2.0,2.1');
      expect((both.json.objects as Json[]).map((o) => o.modified)).toEqual(['2018-02-23T18:30:00.000Z']);
      const dflt = await get(GET_OBJECTS + MAL + '/');
      expect((dflt.json.objects as Json[]).map((o) => o.spec_version)).toEqual(['2.1']);
    });
    it('test_get_manifest_added_after', async () => {
      const r = await get(GET_C + 'manifest/?added_after=2017-01-20T00:00:00.000Z');
      expect(r.json.more).toBe(false);
      expect(r.json.objects).toHaveLength(2);
    });
    it('test_get_manifest_limit', async () => {
      let r = await get(GET_C + 'manifest/?limit=2');
      const seen: string[] = [];
      for (const more of [true, true, false]) {
        ok(r);
        expect(r.json.more).toBe(more);
        const objs = r.json.objects as Json[];
        expect(r.headers['x-taxii-date-added-first']).toBe(objs[0]!.date_added);
        expect(r.headers['x-taxii-date-added-last']).toBe(objs[objs.length - 1]!.date_added);
        seen.push(...objs.map((o) => o.id as string));
        if (more) r = await get(GET_C + 'manifest/?limit=2&next=' + r.json.next);
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });
    it('test_get_manifest_id', async () => {
      expect(ids((await get(GET_C + 'manifest/?match[id]=' + MAL)).json)).toEqual([MAL]);
    });
    it('test_get_manifest_type', async () => {
      const r = await get(GET_C + 'manifest/?match[type]=indicator');
      expect(ids(r.json).every((id) => id.startsWith('indicator--'))).toBe(true);
      expect(r.json.objects).toHaveLength(2);
    });
    it('test_get_manifest_version_specific / first / last / all', async () => {
      const s = await get(GET_C + 'manifest/?match[version]=2016-12-25T12:30:59.444Z');
      expect(s.json.objects).toEqual([expect.objectContaining({ id: IND, version: '2016-12-25T12:30:59.444Z' })]);
      const first = await get(GET_C + 'manifest/?match[version]=first');
      expect(first.json.objects).toHaveLength(5);
      expect((first.json.objects as Json[]).find((o) => o.id === IND)?.version).toBe('2016-11-03T12:30:59.000Z');
      const last = await get(GET_C + 'manifest/?match[version]=last');
      expect((last.json.objects as Json[]).find((o) => o.id === IND)?.version).toBe('2017-01-27T13:49:53.935Z');
      expect((await get(GET_C + 'manifest/?match[version]=all')).json.objects).toHaveLength(7);
    });
    it('test_manifest_spec_version_20 / 21 / 2021 / default', async () => {
      const v20 = await get(GET_C + 'manifest/?match[spec_version]=2.0');
      expect((v20.json.objects as Json[]).map((o) => o.media_type)).toEqual(['application/stix+json;version=2.0']);
      const v21 = await get(GET_C + 'manifest/?match[spec_version]=2.1');
      expect(v21.json.objects).toHaveLength(5);
      const both = await get(GET_C + 'manifest/?match[spec_version]=2.0,2.1');
      expect(both.json.objects).toHaveLength(5);
      expect((both.json.objects as Json[]).find((o) => o.id === MAL)?.version).toBe('2018-02-23T18:30:00.000Z');
      const dflt = await get(GET_C + 'manifest/');
      expect((dflt.json.objects as Json[]).every((o) => o.media_type === 'application/stix+json;version=2.1')).toBe(true);
    });
    it('test_get_version_added_after', async () => {
      const none = await get(GET_OBJECTS + REL + '/versions/?added_after=2014-05-08T09:00:00Z');
      ok(none);
      expect(none.json).toEqual({});
      const one = await get(GET_OBJECTS + REL + '/versions/?added_after=2014-05-08T08:00:00Z');
      expect(one.json).toEqual({ more: false, versions: ['2014-05-08T09:00:00.000Z'] });
    });
    it('test_get_version_limit', async () => {
      const expected = [
        ['2016-11-03T12:30:59.000Z', '2016-11-03T12:30:59.001000Z', true],
        ['2016-12-25T12:30:59.444Z', '2016-12-27T13:49:59.000000Z', true],
        ['2017-01-27T13:49:53.935Z', '2017-12-31T13:49:53.935000Z', false],
      ] as const;
      let next = '';
      for (const [version, added, more] of expected) {
        const r = await get(GET_OBJECTS + IND + '/versions/?limit=1' + (next ? '&next=' + next : ''));
        expect(r.json.versions).toEqual([version]);
        expect(r.json.more).toBe(more);
        expect(r.headers['x-taxii-date-added-first']).toBe(added);
        expect(r.headers['x-taxii-date-added-last']).toBe(added);
        next = r.json.next as string;
      }
    });
    it('test_get_version_spec_version_20 / 21 / 2021 / default', async () => {
      expect((await get(GET_OBJECTS + MAL + '/versions/?match[spec_version]=2.0')).json.versions).toEqual(['2018-02-23T18:30:00.000Z']);
      expect((await get(GET_OBJECTS + MAL + '/versions/?match[spec_version]=2.1')).json.versions).toEqual(['2017-01-27T13:49:53.997Z']);
      expect((await get(GET_OBJECTS + MAL + '/versions/?match[spec_version]=2.0,2.1')).json.versions).toHaveLength(2);
      expect((await get(GET_OBJECTS + MAL + '/versions/')).json.versions).toEqual(['2017-01-27T13:49:53.997Z']);
    });
    it('test_delete_objects_version', async () => {
      const modified = [
        '2014-01-27T13:49:53.935Z',
        '2015-01-27T13:49:53.935Z',
        '2016-01-27T13:49:53.935Z',
        '2018-01-27T13:49:53.935Z',
        '2019-01-27T13:49:53.935Z',
      ];
      const versions = modified.map((m) => ({ ...COA, created: '2014-01-27T13:49:53.935Z', modified: m }));
      const posted = await post(ADD_OBJECTS, { objects: versions });
      expect(posted.status).toBe(202);
      expect(posted.json.success_count).toBe(5);
      const list = async () => (await get(ADD_OBJECTS + COA.id + '/versions/')).json.versions as string[];
      expect(await list()).toHaveLength(5);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[version]=2018-01-27T13:49:53.935Z'));
      expect(await list()).toEqual([modified[0], modified[1], modified[2], modified[4]]);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[version]=first'));
      expect(await list()).toEqual([modified[1], modified[2], modified[4]]);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[version]=last'));
      expect(await list()).toEqual([modified[1], modified[2]]);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[version]=all'));
      const gone = await get(ADD_OBJECTS + COA.id + '/versions/');
      expect(gone.status).toBe(404);
      expect(gone.type).toBe(TAXII);
    });
    it('test_delete_objects_spec_version', async () => {
      const v20 = { ...COA, modified: '2019-01-27T13:49:53.935Z', spec_version: '2.0' };
      expect((await post(ADD_OBJECTS, { objects: [COA, v20] })).status).toBe(202);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[spec_version]=2.0'));
      expect((await get(ADD_OBJECTS + COA.id + '/versions/?match[spec_version]=2.0,2.1')).json.versions).toEqual([COA.modified]);
      ok(await del(ADD_OBJECTS + COA.id + '/?match[spec_version]=2.1'));
      expect((await get(ADD_OBJECTS + COA.id + '/versions/')).status).toBe(404);
    });
    it('test_SCO_versioning', async () => {
      const sco = {
        type: 'artifact',
        spec_version: '2.1',
        id: 'artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641',
        mime_type: 'application/zip',
        encryption_algorithm: 'mime-type-indicated',
        decryption_key: 'My voice is my passport',
      };
      // medallion's artifact has neither payload_bin nor url, which STIX 2.1 requires (one of them): refused, with the reason.
      const refused = await post(ADD_OBJECTS, { objects: [sco] });
      expect(refused.json).toMatchObject({ success_count: 0, failure_count: 1 });
      expect(refused.json.failures[0].message).toContain('$.objects[0].payload_bin is required');
      Object.assign(sco, { payload_bin: 'UEsDBAoAAAAAAA==' });
      expect((await post(ADD_OBJECTS, { objects: [sco] })).json).toMatchObject({ success_count: 1 });
      for (const v of ['all', 'first', 'last']) expect((await get(`${ADD_OBJECTS}${sco.id}/?match[version]=${v}`)).json.objects).toHaveLength(1);
      const m = await get(`${ADD_OBJECTS}${sco.id}/?added_after=2017-01-27T13:49:53.935Z`);
      expect(m.json.objects).toHaveLength(1);
      const later = new Date(t.clock.now().getTime() + 1000).toISOString();
      const none = await get(`${ADD_OBJECTS}${sco.id}/?added_after=${later}`);
      ok(none);
      expect(none.json).toEqual({});
    });
    it('test_get_api_root_information_not_existent', async () => {
      expect((await get('/taxii2/trustgroup2/')).status).toBe(404);
    });
    it('test_get_collection_not_existent', async () => {
      const r = await get(MISSING_C);
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({ title: 'NotFound', http_status: '404' });
    });
    it('test_get_collections_401', async () => {
      const r = await get(COLLECTIONS, { accept: TAXII });
      expect(r.status).toBe(401);
      expect(r.type).toBe(TAXII);
      expect(r.json).toMatchObject({ http_status: '401' });
    });
    it('test_get_collections_404 / test_get_collection_404', async () => {
      expect((await get('/taxii2/carbon1/collections/')).status).toBe(404);
      expect((await get('/taxii2/carbon1/collections/12345678-1234-1234-1234-123456789012/')).status).toBe(404);
    });
    it('test_get_status_401 / test_get_status_404', async () => {
      expect((await get(ROOT + 'status/2223/', { accept: TAXII })).status).toBe(401);
      expect((await get(ROOT + 'status/22101993/')).status).toBe(404);
    });
    it('test_get_object_manifest_401 / 403 / 404', async () => {
      expect((await get(COLLECTIONS + '24042009/manifest/', { accept: TAXII })).status).toBe(401);
      expect((await get(FORBIDDEN_C + 'manifest/')).status).toBe(403);
      expect((await get(COLLECTIONS + '24042009/manifest/')).status).toBe(404);
    });
    it('test_get_object_401 / 403 / 404', async () => {
      expect((await get(GET_OBJECTS + 'malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111/', { accept: TAXII })).status).toBe(401);
      const forbidden = await get(FORBIDDEN_C + 'objects/indicator--b81f86b9-975b-bb0b-775e-810c5bd45b4f/');
      expect(forbidden.status).toBe(403);
      expect(forbidden.json).toMatchObject({ title: 'Forbidden', http_status: '403' });
      expect((await get(GET_OBJECTS + 'malware--cee60c30-a68c-11e3-b0c1-a01aac20d000/')).status).toBe(404);
    });
    it('test_get_or_add_objects_401 / 403 / 404', async () => {
      expect((await get(ADD_OBJECTS, { accept: TAXII })).status).toBe(401);
      expect((await post(ADD_OBJECTS, { objects: [COA] }, { accept: TAXII, 'content-type': TAXII })).status).toBe(401);
      expect((await get(FORBIDDEN_C + 'objects/')).status).toBe(403);
      expect((await post(FORBIDDEN_C + 'objects/', { objects: [COA] })).status).toBe(403);
      expect((await get(MISSING_C + 'objects/')).status).toBe(404);
      expect((await post(MISSING_C + 'objects/', { objects: [COA] })).status).toBe(404);
    });
    it('test_get_or_add_objects_422', async () => {
      const r = await post(ADD_OBJECTS, COA);
      expect(r.status).toBe(422);
      expect(r.type).toBe(TAXII);
      expect(r.json.title).toBe('ProcessingError');
      expect(r.json.http_status).toBe('422');
      expect(r.json.description).toContain('While processing supplied content, an error occurred');
    });
    it('test_object_pagination_bad_limit_value_400', async () => {
      const r = await get(GET_OBJECTS + '?limit=-20');
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ title: 'ProcessingError', http_status: '400' });
    });
    it('test_object_pagination_changing_params_400', async () => {
      const a = await get(GET_OBJECTS + '?match[version]=all&limit=2');
      expect(a.json.more).toBe(true);
      const b = await get(GET_OBJECTS + '?match[version]=all&limit=2&next=' + a.json.next);
      expect(b.json.objects).toHaveLength(2);
      expect(b.json.more).toBe(true);
      const c = await get(GET_OBJECTS + '?match[version]=first&limit=2&next=' + b.json.next);
      expect(c.status).toBe(400);
      expect(c.type).toBe(TAXII);
      expect(c.json.title).toBe('ProcessingError');
    });
    it('test_no_config / test_default_backend_no_backend_section: a first start creates the API root default', async () => {
      const r = await get('/taxii2/default/');
      ok(r);
      expect(r.json.max_content_length).toBeGreaterThan(0);
    });
    it('test_default_taxii_no_taxii_section: without limit a page holds the default size; a larger limit is capped, not refused', async () => {
      const r = await get(GET_OBJECTS + '?limit=999999999');
      ok(r);
      expect(r.json.objects).toHaveLength(5);
    });
    it('test_default_userpass_no_auth_section: HTTP Basic with a person of the partner', async () => {
      ok(await get(COLLECTIONS, { accept: TAXII, authorization: p.basic }));
      const wrong = await get(COLLECTIONS, { accept: TAXII, authorization: `Basic ${Buffer.from(`${p.username}:wrong`).toString('base64')}` });
      expect(wrong.status).toBe(401);
      expect(wrong.type).toBe(TAXII);
    });
    it('test_save_to_file: the imported collections keep their medallion ids', async () => {
      const r = await get(COLLECTIONS);
      expect((r.json.collections as Json[]).map((c) => c.id)).toContain('472c94ae-3113-4e3e-a4dd-a9f4ac7471d4');
    });
    it('test_object_already_present: a version already stored is a success; an SRO without modified is a failure with its path', async () => {
      const rel = {
        created: '2014-05-08T09:00:00.000Z',
        modified: '2014-05-08T09:00:00.000Z',
        id: REL,
        relationship_type: 'indicates',
        source_ref: 'indicator--cd981c25-8042-4166-8945-51178443bdac',
        spec_version: '2.1',
        target_ref: MAL,
        type: 'relationship',
      };
      expect((await post(ADD_OBJECTS, { objects: [rel] })).status).toBe(202);
      const again = await post(ADD_OBJECTS, { objects: [rel] });
      expect(again.status).toBe(202);
      expect(again.json).toMatchObject({ success_count: 1, failure_count: 0 });
      expect(again.json.failures).toBeUndefined();
      expect(again.json.successes[0].message).toContain('already');
      const { modified: _m, ...noModified } = rel;
      const mixed = await post(ADD_OBJECTS, { objects: [rel, noModified] });
      expect(mixed.json).toMatchObject({ success_count: 1, failure_count: 1 });
      expect(mixed.json.failures[0].message).toContain('$.objects[1].modified is required');
      expect((await get(ADD_OBJECTS + REL + '/versions/')).json.versions).toEqual(['2014-05-08T09:00:00.000Z']);
    });
    it('test_status_cleanup: statuses older than 24 hours are purged, recent ones kept', async () => {
      const recent = await post(ADD_OBJECTS, { objects: [COA] });
      expect(await purgeStatuses(t.ctx.db.kysely, t.clock.now())).toBeGreaterThanOrEqual(2); // medallion's two from 2016
      expect((await get(ROOT + 'status/2d086da7-4bdc-4f91-900e-d77486753710/')).status).toBe(404);
      expect((await get(`${ADD_C.replace(/collections.*$/, '')}status/${recent.json.id}/`)).status).toBe(200);
    });
    it('test_get_objects_match_type_version', async () => {
      const r = await get(GET_OBJECTS + '?match[type]=indicator&match[version]=2017-01-27T13:49:53.935Z');
      ok(r);
      expect((r.json.objects as Json[]).map((o) => [o.type, o.id])).toEqual([['indicator', IND]]);
    });
    it('test_get_objects_match_type_spec_version', async () => {
      const v20 = {
        type: 'indicator',
        spec_version: '2.0',
        id: 'indicator--68794cd5-28db-429d-ab1e-1256704ef906',
        created: '2017-01-27T13:49:53.935Z',
        modified: '2017-01-27T13:49:53.935Z',
        name: 'Test object',
      };
      expect((await post(GET_OBJECTS, { objects: [v20] })).status).toBe(202);
      const r21 = await get(GET_OBJECTS + '?match[type]=indicator&match[spec_version]=2.1');
      expect((r21.json.objects as Json[]).map((o) => [o.id, o.spec_version])).toEqual([
        ['indicator--cd981c25-8042-4166-8945-51178443bdac', '2.1'],
        [IND, '2.1'],
      ]);
      const r20 = await get(GET_OBJECTS + '?match[type]=indicator&match[spec_version]=2.0');
      expect((r20.json.objects as Json[]).map((o) => [o.id, o.spec_version])).toEqual([[v20.id, '2.0']]);
    });
  });
}
