// The TAXII server's acceptance cases: envelopes with valid and invalid objects, paging, TLP per partner, malformed requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { ManualClock } from '../../platform/clock.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { addCollection, setPartnerGrant } from './collections.js';
import { createPartner, TAXII, type Partner } from './test-support/fixtures.js';

type Json = Record<string, any>;
const TLP = {
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
};
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const indicator = (n: number, marking?: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${uuid(n)}`,
  created: '2024-03-01T10:00:00.000Z',
  modified: '2024-03-01T10:00:00.000Z',
  name: `Indicator ${n}`,
  pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`,
  pattern_type: 'stix',
  valid_from: '2024-03-01T10:00:00Z',
  ...(marking ? { object_marking_refs: [marking] } : {}),
});

describe('TAXII server acceptance', () => {
  let t: TestApp;
  let green: Partner;
  let home: string;
  let collectionId: string;
  const clock = new ManualClock('2026-03-01T08:00:00.000Z');
  const url = () => `/taxii2/default/collections/${collectionId}/objects/`;
  const call = async (method: 'GET' | 'POST', path: string, auth: string, body?: string, h: Record<string, string> = {}) => {
    const r = await t.app.inject({
      method,
      url: path,
      headers: { accept: TAXII, authorization: auth, ...(body !== undefined ? { 'content-type': TAXII } : {}), ...h },
      payload: body,
    });
    return { status: r.statusCode, type: r.headers['content-type'], json: (r.body ? JSON.parse(r.body) : {}) as Json, headers: r.headers };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    home = (await t.token('analyst')).authorization;
    const c = await addCollection(t.ctx.db, t.ctx.audit, { title: 'Shared indicators', alias: 'shared' }, { actor: SYSTEM_ACTOR }, clock.now().toISOString());
    collectionId = c.id;
    green = await createPartner(t, 'Partner CERT Green');
    await setPartnerGrant(
      t.ctx.db,
      t.ctx.audit,
      { orgId: green.orgId, collectionId, read: true, write: true, maxTlp: 'green' },
      { actor: SYSTEM_ACTOR },
      clock.now().toISOString(),
    );
  });
  afterAll(async () => t?.close());

  it('answers an envelope of valid and invalid objects with 202 and a status counting both; only valid ones are stored', async () => {
    const bad = { ...indicator(2), id: 'indicator--not-a-uuid', modified: '2020-01-01T00:00:00.000Z' };
    const r = await call('POST', url(), home, JSON.stringify({ objects: [indicator(1), bad, { ...indicator(3), created: '2024-03-01 10:00' }] }));
    expect(r.status).toBe(202);
    expect(r.type).toBe(TAXII);
    expect(r.json).toMatchObject({ status: 'complete', total_count: 3, success_count: 1, failure_count: 2, pending_count: 0 });
    expect(r.json.failures[0]).toMatchObject({ id: 'indicator--not-a-uuid' });
    expect(r.json.failures[0].message).toContain('$.objects[1].id');
    expect(r.json.failures[0].message).toContain('$.objects[1].modified must not be earlier than created');
    expect(r.json.failures[1].message).toContain('$.objects[2].created must be a UTC timestamp');
    const status = await call('GET', `/taxii2/default/status/${r.json.id}/`, home);
    expect(status.json).toMatchObject({ success_count: 1, failure_count: 2 });
    const stored = await call('GET', url(), home);
    expect(stored.json.objects.map((o: Json) => o.id)).toEqual([indicator(1).id]);
  });

  it('never gives a partner an object above its highest TLP, and pages over what it may see', async () => {
    const objects = [
      indicator(10, TLP.red),
      indicator(11, TLP.green),
      indicator(12, TLP.amber),
      indicator(13, TLP.white),
      indicator(14, TLP.red),
      indicator(15),
    ];
    expect((await call('POST', url(), home, JSON.stringify({ objects }))).json.success_count).toBe(6);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const r = await call('GET', `${url()}?limit=2${next ? `&next=${next}` : ''}`, green.authorization);
      expect(r.status).toBe(200);
      expect(r.json.objects.length).toBeLessThanOrEqual(2);
      seen.push(...r.json.objects.map((o: Json) => o.id));
      next = r.json.more ? r.json.next : undefined;
    } while (next);
    expect(seen).toEqual([indicator(1).id, indicator(11).id, indicator(13).id, indicator(15).id]);
    const red = await call('GET', `${url()}${indicator(10).id}/`, green.authorization);
    expect(red.status).toBe(404);
    const manifest = await call('GET', `/taxii2/default/collections/${collectionId}/manifest/`, green.authorization);
    expect(manifest.json.objects.map((o: Json) => o.id)).not.toContain(indicator(14).id);
    const all = await call('GET', url(), home);
    expect(all.json.objects).toHaveLength(7);
  });

  it('pages every object exactly once with limit and next, with the date headers, and filters by match[type]', async () => {
    const ids: string[] = [];
    let next: string | undefined;
    let lastHeader = '';
    do {
      const r = await call('GET', `${url()}?limit=3${next ? `&next=${next}` : ''}`, home);
      const dates = r.json.objects.map((o: Json) => o.id);
      ids.push(...dates);
      expect(r.headers['x-taxii-date-added-first']! > lastHeader).toBe(true);
      lastHeader = String(r.headers['x-taxii-date-added-last']);
      next = r.json.more ? r.json.next : undefined;
    } while (next);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    const typed = await call('GET', `${url()}?match[type]=malware`, home);
    expect(typed.json).toEqual({});
    expect((await call('GET', `${url()}?match[type]=indicator,malware`, home)).json.objects).toHaveLength(7);
  });

  it('refuses malformed requests with TAXII error bodies', async () => {
    const notJson = await call('POST', url(), home, '{"objects": [ {"type": "indicator",, } ]}');
    expect(notJson.status).toBe(400);
    expect(notJson.type).toBe(TAXII);
    expect(notJson.json).toMatchObject({ title: 'ProcessingError', http_status: '400', details: { line: 1 } });
    const wrongType = await call('POST', url(), home, '{"objects": []}', { 'content-type': 'application/json' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.http_status).toBe('415');
    const wrongAccept = await call('GET', url(), home, undefined, { accept: 'text/html' });
    expect(wrongAccept.status).toBe(406);
    expect((await call('GET', url(), home, undefined, { accept: 'application/stix+json;version=2.1' })).type).toBe('application/stix+json;version=2.1');
    expect((await call('GET', url(), home, undefined, { accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    const forged = await call('GET', `${url()}?limit=1&next=eyJxIjoiYSJ9.c2lnbmF0dXJl`, home);
    expect(forged.status).toBe(400);
    expect(forged.json.description).toContain('not issued by this server');
    const page = await call('GET', `${url()}?limit=1`, home);
    clock.advance(2 * 60 * 60_000);
    const expired = await call('GET', `${url()}?limit=1&next=${page.json.next}`, home);
    expect(expired.status).toBe(400);
    expect(expired.json.description).toContain('expired');
    const bad = await call('GET', `${url()}?added_after=yesterday`, home);
    expect(bad.json).toMatchObject({ http_status: '400', details: { field: 'added_after' } });
  });

  it('refuses an envelope larger than the API root allows with 413', async () => {
    await t.ctx.db.kysely
      .updateTable('taxii_api_roots' as never)
      .set({ max_content_length: 2000 } as never)
      .execute();
    const objects = Array.from({ length: 20 }, (_, i) => indicator(100 + i));
    const r = await call('POST', url(), home, JSON.stringify({ objects }));
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ title: 'RequestEntityTooLarge', http_status: '413' });
  });

  it('lets a partner write only where granted, and read statuses of its own requests only', async () => {
    const other = await addCollection(t.ctx.db, t.ctx.audit, { title: 'Internal only' }, { actor: SYSTEM_ACTOR }, clock.now().toISOString());
    const listed = await call('GET', '/taxii2/default/collections/', green.authorization);
    expect(listed.json.collections.map((c: Json) => c.id)).toEqual([collectionId]);
    expect((await call('GET', `/taxii2/default/collections/${other.id}/objects/`, green.authorization)).status).toBe(404);
    const posted = await call('POST', url(), green.authorization, JSON.stringify({ objects: [indicator(500, TLP.green)] }));
    expect(posted.status).toBe(202);
    expect((await call('GET', `/taxii2/default/status/${posted.json.id}/`, green.authorization)).status).toBe(200);
    const homeStatus = await call('POST', url(), home, JSON.stringify({ objects: [indicator(501)] }));
    expect((await call('GET', `/taxii2/default/status/${homeStatus.json.id}/`, green.authorization)).status).toBe(404);
  });

  it('answers a principal without the permission 403 with a TAXII body, and refuses deletes without write rights', async () => {
    const officer = (await t.token('officer')).authorization;
    const r = await call('GET', '/taxii2/', officer);
    expect(r.status).toBe(403);
    expect(r.type).toBe(TAXII);
    expect(r.json).toMatchObject({ title: 'Forbidden', http_status: '403', description: expect.stringContaining('taxii.read') });
    const readOnly = await createPartner(t, 'Partner CERT Readonly');
    await setPartnerGrant(
      t.ctx.db,
      t.ctx.audit,
      { orgId: readOnly.orgId, collectionId, read: true, write: false, maxTlp: 'red' },
      { actor: SYSTEM_ACTOR },
      clock.now().toISOString(),
    );
    const del = await t.app.inject({ method: 'DELETE', url: `${url()}${indicator(1).id}/`, headers: { accept: TAXII, authorization: readOnly.authorization } });
    expect(del.statusCode).toBe(403);
    expect((await call('GET', `${url()}${indicator(1).id}/`, home)).json.objects).toHaveLength(1);
  });

  it('accepts HTTP Basic on /taxii2 only, throttled like sign-in', async () => {
    expect((await call('GET', '/taxii2/', green.basic)).status).toBe(200);
    const api = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: green.basic } });
    expect(api.statusCode).toBe(401);
    const wrong = `Basic ${Buffer.from(`${green.username}:not-the-password`).toString('base64')}`;
    for (let i = 0; i < 6; i++) expect((await call('GET', '/taxii2/', wrong)).status).toBe(401);
    const locked = await call('GET', '/taxii2/', green.basic);
    expect(locked.status).toBe(429);
    expect(locked.type).toBe(TAXII);
    expect(locked.headers['retry-after']).toBeDefined();
  });
});
