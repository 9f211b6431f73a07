// The workbench's /api/taxii routes on every backend: browsing the demo store, one object with relationships, collections, partners,
// subscriptions with "sync now", and who may reach them (partners never, even with taxii.read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type AuthHeaders, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { taxiiDemo } from './demo.js';
import { ingest } from './ingest.js';
import { createPartner, type Partner } from './test-support/fixtures.js';

type Json = Record<string, any>;
const by = { actor: SYSTEM_ACTOR };
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const INDICATOR = 'indicator--c43a0a05-e8d2-4f64-ae37-3f3fb153f8d9';
const CAMPAIGN = 'campaign--b549a58c-afd9-4847-85c3-5be13d56d3cc';
const note = (n: number, modified: string, marking?: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: '2025-01-01T00:00:00.000Z',
  modified,
  name: `Testperson Alpha wallet ${n}`,
  pattern: `[cryptocurrency-wallet:address = 'bc1qtestpersonalpha${n}']`,
  pattern_type: 'stix',
  valid_from: '2025-01-01T00:00:00Z',
  ...(marking ? { object_marking_refs: [marking] } : {}),
});

describe.each(storeBackends('taxii workbench routes'))('/api/taxii on $name', (backend) => {
  let t: TestApp;
  let admin: AuthHeaders;
  let analyst: AuthHeaders;
  let partner: Partner;
  let demoId: string;
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) => {
    const r = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: r.statusCode, type: String(r.headers['content-type'] ?? ''), json: (r.body ? JSON.parse(r.body) : {}) as Json };
  };

  beforeAll(async () => {
    t = await createTestApp({ backend });
    await taxiiDemo(t.ctx);
    admin = await t.as('admin');
    analyst = await t.as('analyst');
    partner = await createPartner(t, 'Partner CERT Specimen');
    demoId = (await call('GET', '/api/taxii/collections', analyst)).json.items[0].id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('browses latest versions by type, text, TLP and collection, with paging', async () => {
    const all = await call('GET', '/api/taxii/objects?limit=500', analyst);
    expect(all.status).toBe(200);
    expect(all.json.total).toBeGreaterThan(200);
    expect(all.json.types).toEqual(expect.arrayContaining(['attack-pattern', 'indicator', 'relationship', 'campaign']));

    // Every attack pattern exactly once over the pages.
    const seen: string[] = [];
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total; offset += 10) {
      const page = await call('GET', `/api/taxii/objects?type=attack-pattern&collection=${demoId}&limit=10&offset=${offset}`, analyst);
      expect(page.json.items.every((o: Json) => o.type === 'attack-pattern' && o.collectionId === demoId)).toBe(true);
      seen.push(...page.json.items.map((o: Json) => o.id));
      total = page.json.total;
    }
    expect(total).toBeGreaterThan(10);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);

    const omega = await call('GET', '/api/taxii/objects?q=operation%20OMEGA', analyst);
    expect(omega.json.items.map((o: Json) => o.id)).toContain(CAMPAIGN);
    expect(omega.json.items.find((o: Json) => o.id === CAMPAIGN)).toMatchObject({ name: 'Operation Omega', type: 'campaign', tlp: 'clear' });
    const byPattern = await call('GET', `/api/taxii/objects?q=${encodeURIComponent("MATCHES '^[IMPORTANT]")}`, analyst);
    expect(byPattern.json.items.map((o: Json) => o.name)).toEqual(['Malicious E-mail']);

    await ingest(t.ctx, demoId, { objects: [note(7, '2025-01-01T00:00:00.000Z', RED), note(8, '2025-01-01T00:00:00.000Z', GREEN)] }, by);
    const red = await call('GET', '/api/taxii/objects?tlp=TLP%3ARED', analyst);
    expect(red.json.items.map((o: Json) => [o.id, o.tlp])).toEqual([[note(7, '').id, 'red']]);
    const wallets = await call('GET', '/api/taxii/objects?q=bc1qtestpersonalpha', analyst);
    expect(wallets.json.items.map((o: Json) => o.tlp).sort()).toEqual(['green', 'red']);
  });

  it('answers a bad filter with problem+json naming the field', async () => {
    const r = await call('GET', '/api/taxii/objects?tlp=purple', analyst);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(JSON.stringify(r.json)).toContain('tlp');
  });

  it('shows one object with its versions and its relationships, naming the other end', async () => {
    const r = await call('GET', `/api/taxii/objects/${INDICATOR}`, analyst);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: INDICATOR, type: 'indicator', name: 'test_name', tlp: 'clear' });
    expect(r.json.object.pattern).toBeTypeOf('string');
    expect(r.json.relationships).toEqual([
      expect.objectContaining({
        relationshipType: 'indicates',
        direction: 'out',
        other: { id: CAMPAIGN, type: 'campaign', name: 'Operation Omega', known: true },
      }),
    ]);
    const back = await call('GET', `/api/taxii/objects/${CAMPAIGN}`, analyst);
    expect(back.json.relationships).toEqual([
      expect.objectContaining({ direction: 'in', other: expect.objectContaining({ id: INDICATOR, name: 'test_name' }) }),
    ]);

    await ingest(t.ctx, demoId, { objects: [note(1, '2025-01-01T00:00:00.000Z'), note(1, '2025-02-01T00:00:00.000Z', GREEN)] }, by);
    const versions = await call('GET', `/api/taxii/objects/${note(1, '').id}`, analyst);
    expect(versions.json.version).toBe('2025-02-01T00:00:00.000Z');
    expect(versions.json.tlp).toBe('green');
    expect(versions.json.versions.map((v: Json) => [v.version, v.tlp])).toEqual([
      ['2025-02-01T00:00:00.000Z', 'green'],
      ['2025-01-01T00:00:00.000Z', 'clear'],
    ]);
    const listed = await call('GET', `/api/taxii/objects?q=${encodeURIComponent('Testperson Alpha wallet 1')}`, analyst);
    expect(listed.json.items).toHaveLength(1);

    const missing = await call('GET', '/api/taxii/objects/indicator--00000000-0000-4000-8000-999999999999', analyst);
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });

  it('creates, changes and deletes collections (taxii.manage), audited with ids only', async () => {
    expect((await call('POST', '/api/taxii/collections', analyst, { title: 'Not allowed' })).status).toBe(403);
    const made = await call('POST', '/api/taxii/collections', admin, { title: 'Ransomware wallets', alias: 'wallets' });
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    const clash = await call('POST', '/api/taxii/collections', admin, { title: 'Again', alias: 'wallets' });
    expect(clash.status).toBe(409);
    expect(clash.json.field).toBe('alias');
    const changed = await call('PATCH', `/api/taxii/collections/${id}`, admin, { title: 'Ransomware payment wallets', description: 'Shared with CERTs' });
    expect(changed.json).toMatchObject({ id, title: 'Ransomware payment wallets', description: 'Shared with CERTs', alias: 'wallets' });
    const listed = (await call('GET', '/api/taxii/collections', analyst)).json;
    expect(listed.items.find((c: Json) => c.id === id)).toMatchObject({ objects: 0, partners: 0, subscriptions: 0 });
    expect(listed.items.find((c: Json) => c.id === demoId).objects).toBeGreaterThan(200);
    expect(listed.apiRoots).toEqual([expect.objectContaining({ name: 'default' })]);

    expect((await call('DELETE', `/api/taxii/collections/${demoId}`, admin)).status).toBe(409);
    expect((await call('DELETE', `/api/taxii/collections/${id}`, admin)).status).toBe(204);
    expect((await call('DELETE', `/api/taxii/collections/${id}`, admin)).status).toBe(404);

    const audit = await sql<{
      action: string;
      target_id: string;
      details: string;
    }>`select action, target_id, details from audit_log where target_id = ${id} order by seq`.execute(t.ctx.db.kysely);
    expect(audit.rows.map((a) => a.action)).toEqual(['taxii.collection.add', 'taxii.collection.update', 'taxii.collection.delete']);
    expect(audit.rows.map((a) => a.details).join(' ')).not.toContain('Ransomware');
  });

  it('grants a partner rights per collection with a highest TLP, changes the TLP, revokes', async () => {
    const url = `/api/taxii/partners/${partner.orgId}/grants/${demoId}`;
    expect((await call('PUT', url, analyst, { read: true, write: false, maxTlp: 'green' })).status).toBe(403);
    const bad = await call('PUT', url, admin, { read: true, write: false, maxTlp: 'purple' });
    expect(bad.status).toBe(400);
    expect(bad.json.field).toBe('maxTlp');
    expect((await call('PUT', url, admin, { read: false, write: false, maxTlp: 'green' })).status).toBe(400);
    const granted = await call('PUT', url, admin, { read: true, write: false, maxTlp: 'TLP:WHITE' });
    expect(granted.json).toMatchObject({ orgId: partner.orgId, maxTlp: 'clear', canRead: true, canWrite: false });
    const orgs = await call('GET', '/api/taxii/organisations', admin);
    expect(orgs.json.items.map((o: Json) => o.name)).toContain('Partner CERT Specimen');

    const changed = await call('PATCH', `/api/taxii/partners/${partner.orgId}`, admin, { maxTlp: 'amber' });
    expect(changed.json).toMatchObject({ maxTlp: 'amber', grants: [{ collectionId: demoId, canRead: true, canWrite: false }] });
    const listed = await call('GET', '/api/taxii/partners', analyst);
    expect(listed.json.items).toEqual([expect.objectContaining({ orgName: 'Partner CERT Specimen', maxTlp: 'amber', orgKind: 'partner' })]);

    expect((await call('DELETE', url, admin)).status).toBe(204);
    expect((await call('GET', '/api/taxii/partners', analyst)).json.items[0].grants).toEqual([]);
    expect((await call('DELETE', url, admin)).status).toBe(404);
  });

  it('refuses partners on every workbench route, though their role holds taxii.read', async () => {
    for (const auth of [{ authorization: partner.authorization }, await t.login(partner.username)]) {
      for (const url of ['/api/taxii/objects', `/api/taxii/objects/${INDICATOR}`, '/api/taxii/collections', '/api/taxii/partners', '/api/taxii/observables']) {
        const r = await call('GET', url, auth);
        expect(r.status, url).toBe(403);
        expect(r.type).toContain('application/problem+json');
      }
    }
    // The same partner still reads over TAXII what it was granted.
    const taxii = await t.app.inject({
      method: 'GET',
      url: '/taxii2/',
      headers: { authorization: partner.authorization, accept: 'application/taxii+json;version=2.1' },
    });
    expect(taxii.statusCode).toBe(200);
    // An account without taxii.read (auditor) is refused too.
    expect((await call('GET', '/api/taxii/objects', await t.as('auditor'))).status).toBe(403);
  });

  it('subscribes, syncs now and shows the last sync, also when it fails', async () => {
    const source = (await call('POST', '/api/taxii/collections', admin, { title: 'Outgoing feed' })).json.id as string;
    const target = (await call('POST', '/api/taxii/collections', admin, { title: 'Incoming feed' })).json.id as string;
    await call('PUT', `/api/taxii/partners/${partner.orgId}/grants/${source}`, admin, { read: true, write: false, maxTlp: 'green' });
    await ingest(t.ctx, source, { objects: [note(2, '2025-01-01T00:00:00.000Z', GREEN), note(3, '2025-01-01T00:00:00.000Z', RED)] }, by);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const env = `VIGIL_TEST_FEED_${backend.name.toUpperCase()}`;
    process.env[env] = partner.authorization.replace('Bearer ', '');
    const url = `${address}/taxii2/default/collections/${source}/`;

    const made = await call('POST', '/api/taxii/subscriptions', admin, { url, collectionId: target, authKind: 'bearer', authEnv: env, everySeconds: 600 });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ status: 'never', lastSyncAt: null });
    expect((await call('POST', `/api/taxii/subscriptions/${made.json.id}/sync`, analyst)).status).toBe(403);
    const synced = await call('POST', `/api/taxii/subscriptions/${made.json.id}/sync`, admin);
    expect(synced.json.result).toMatchObject({ added: 1, rejected: 0 });
    expect(synced.json.subscription).toMatchObject({ status: 'ok', lastAdded: 1, lastError: null });
    const inTarget = await call('GET', `/api/taxii/objects?collection=${target}`, analyst);
    expect(inTarget.json.items.map((o: Json) => [o.id, o.tlp])).toEqual([[note(2, '').id, 'green']]);

    const broken = await call('POST', '/api/taxii/subscriptions', admin, { url, collectionId: target, authKind: 'bearer', authEnv: 'VIGIL_TEST_FEED_UNSET' });
    const failed = await call('POST', `/api/taxii/subscriptions/${broken.json.id}/sync`, admin);
    expect(failed.json.result.error).toContain('VIGIL_TEST_FEED_UNSET');
    const listed = await call('GET', '/api/taxii/subscriptions', analyst);
    expect(listed.json.items.find((s: Json) => s.id === broken.json.id)).toMatchObject({ status: 'failing', failures: 1 });
    expect((await call('DELETE', `/api/taxii/collections/${target}`, admin)).status).toBe(409);
    expect((await call('DELETE', `/api/taxii/subscriptions/${broken.json.id}`, admin)).status).toBe(204);
    delete process.env[env];
  });
});
