// Two Vigil instances: the second syncs a collection from the first over real HTTP; TLP:RED never leaves, TLP:GREEN does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { addCollection, setPartnerGrant } from './collections.js';
import { ingest } from './ingest.js';
import { queryObjects } from './objects.js';
import { addSubscription, listSubscriptions, syncDue, syncSubscription } from './subscriptions.js';
import { readPage } from './client.js';
import { OBSERVABLES_ADDED, observablesIn } from './observed.js';

const by = { actor: SYSTEM_ACTOR };
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const ip = (n: number, marking: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: '2025-06-01T00:00:00.000Z',
  modified: '2025-06-01T00:00:00.000Z',
  name: `C2 address ${n}`,
  pattern: `[ipv4-addr:value = '203.0.113.${n}']`,
  pattern_type: 'stix',
  valid_from: '2025-06-01T00:00:00Z',
  object_marking_refs: [marking],
});

describe('TAXII client: a second instance syncs from the first', () => {
  let a: TestApp;
  let b: TestApp;
  let url: string;
  let shared: string;
  let local: string;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    shared = (await addCollection(a.ctx.db, a.ctx.audit, { title: 'Shared with instance B' }, by, a.clock.now().toISOString())).id;
    const org = await a.ctx.auth.directory.createOrg({ name: 'Instance B Agency', kind: 'partner' }, by);
    const machine = await a.ctx.auth.directory.createUser(
      { username: 'instance-b-feed', displayName: 'Instance B feed', kind: 'machine', orgId: org.id, roles: ['partner'] },
      by,
    );
    env.PARTNER_A_TOKEN = (await a.ctx.auth.credentials.createToken({ userId: machine.id, name: 'sync' }, by)).token;
    await setPartnerGrant(
      a.ctx.db,
      a.ctx.audit,
      { orgId: org.id, collectionId: shared, read: true, write: false, maxTlp: 'green' },
      by,
      a.clock.now().toISOString(),
    );
    await ingest(a.ctx, shared, { objects: [ip(1, RED), ip(2, GREEN), ip(3, RED)] }, by);
    const address = await a.app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address}/taxii2/default/collections/${shared}/`;
    local = (await addCollection(b.ctx.db, b.ctx.audit, { title: 'From instance A' }, by, b.clock.now().toISOString())).id;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const stored = async () =>
    (await queryObjects(b.ctx.db.kysely, { collectionId: local, versions: ['all'], specVersions: ['2.1'], maxRank: 4 }, 100)).rows.map((r) => r.id);

  it('brings TLP:GREEN across and never TLP:RED, then only what was added since', async () => {
    const sub = await addSubscription(b.ctx, { url, collectionId: local, authKind: 'bearer', authEnv: 'PARTNER_A_TOKEN' }, by);
    const first = await syncSubscription(b.ctx, sub, { env, pageSize: 1 });
    expect(first).toMatchObject({ added: 1, rejected: 0 });
    expect(await stored()).toEqual([ip(2, GREEN).id]);

    await ingest(a.ctx, shared, { objects: [ip(4, GREEN), ip(5, RED)] }, by);
    const [again] = await listSubscriptions(b.ctx);
    expect(again!.added_after).toBe(first.addedAfter);
    const second = await syncSubscription(b.ctx, again!, { env });
    expect(second).toMatchObject({ added: 1, present: 0 });
    expect(await stored()).toEqual([ip(2, GREEN).id, ip(4, GREEN).id]);
  });

  it('announces synced observables in an event (ids only) that other modules resolve to values with their TLP', async () => {
    const events = await b.ctx.db.kysely
      .selectFrom('outbox' as never)
      .select(['topic', 'payload'] as never)
      .execute();
    const ids = (events as { topic: string; payload: string }[])
      .filter((e) => e.topic === OBSERVABLES_ADDED)
      .flatMap((e) => (JSON.parse(e.payload) as { collectionId: string; ids: string[] }).ids);
    expect(ids).toEqual([ip(2, GREEN).id, ip(4, GREEN).id]);
    expect(await observablesIn(b.ctx.db.kysely, local, ids)).toEqual([
      { stixId: ip(2, GREEN).id, kind: 'ip', value: '203.0.113.2', tlp: 'green' },
      { stixId: ip(4, GREEN).id, kind: 'ip', value: '203.0.113.4', tlp: 'green' },
    ]);
  });

  it('retries 5xx and 429 with backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) return new Response('{"title":"Unavailable"}', { status: 503 });
      if (calls === 2) return new Response('', { status: 429, headers: { 'retry-after': '7' } });
      return fetch(input, init);
    };
    const page = await readPage(url, {}, { fetch: flaky, sleep: async (ms) => void waits.push(ms), authorization: `Bearer ${env.PARTNER_A_TOKEN}` });
    expect(page.objects.map((o) => o.id)).toEqual([ip(2, GREEN).id, ip(4, GREEN).id]);
    expect(waits).toEqual([1000, 7000]);
  });

  it('records a failure (wrong credentials) and backs off, without moving the cursor', async () => {
    const sub = await addSubscription(b.ctx, { url, collectionId: local, authKind: 'bearer', authEnv: 'WRONG_TOKEN' }, by);
    const results = await syncDue(b.ctx, { env: { WRONG_TOKEN: 'vigil_tok_00000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    const failed = results.find((r) => r.id === sub.id);
    expect(failed).toMatchObject({ error: expect.stringContaining('HTTP 401') });
    const row = (await listSubscriptions(b.ctx)).find((s) => s.id === sub.id)!;
    expect(row).toMatchObject({ failures: 1, added_after: null });
    expect(row.next_attempt_at > b.clock.now().toISOString()).toBe(true);
  });
});
