// Threat observables become entities on the `taxii.observables-added` event: schema per kind, TLP kept, idempotent on redelivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { addCollection } from './collections.js';
import { ingest } from './ingest.js';
import { entityId, observableEntitiesConsumer, searchThreatObservables } from './entities.js';
import { OBSERVABLES_ADDED } from './observed.js';
import { threatObservables } from './index.js';

type Json = Record<string, any>;
const by = { actor: SYSTEM_ACTOR };
const AMBER = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sco = (type: string, n: number, prop: string, value: string, marking?: string) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${uuid(n)}`,
  [prop]: value,
  ...(marking ? { object_marking_refs: [marking] } : {}),
});
const WALLET = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT';
const indicator = (modified: string, marking: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${uuid(99)}`,
  created: '2025-03-01T00:00:00.000Z',
  modified,
  name: 'Ransom payments of JOHN SPECIMEN',
  pattern: `[cryptocurrency-wallet:address = '${WALLET}'] OR [file:hashes.'SHA-256' = 'AEB0B3F3C7E1D6D2E0F1C1B2A3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6']`,
  pattern_type: 'stix',
  valid_from: '2025-03-01T00:00:00Z',
  object_marking_refs: [marking],
});

describe.each(storeBackends('taxii observable entities'))('observables as entities on $name', (backend) => {
  let t: TestApp;
  let analyst: AuthHeaders;
  let collectionId: string;

  beforeAll(async () => {
    t = await createTestApp({ backend });
    await t.runtime.startBackground();
    analyst = await t.as('analyst');
    collectionId = (await addCollection(t.ctx.db, t.ctx.audit, { title: 'Feed of a partner CERT' }, by, t.clock.now().toISOString())).id;
  }, 60_000);
  afterAll(async () => t?.close());

  const all = async () => (await searchThreatObservables(t.ctx.db.kysely, { limit: 500 })).items;

  it('records each kind under its FtM schema, with source collection, TLP and first/last seen', async () => {
    const r = await ingest(
      t.ctx,
      collectionId,
      {
        objects: [
          sco('ipv4-addr', 1, 'value', '198.51.100.7', AMBER),
          sco('domain-name', 2, 'value', 'Example-C2.test'),
          sco('url', 3, 'value', 'http://example-c2.test/gate.php'),
          sco('email-addr', 4, 'value', 'erika.musterfrau@example.test'),
          indicator('2025-03-01T00:00:00.000Z', AMBER),
        ],
      },
      by,
    );
    expect(r.rejected).toBe(0);
    await t.ctx.events.drain(20_000);
    const got = await all();
    const pick = (kind: string) => got.filter((e) => e.kind === kind).map((e) => ({ schema: e.schema, value: e.value, tlp: e.tlp }));
    expect(pick('ip')).toEqual([{ schema: 'Thing', value: '198.51.100.7', tlp: 'amber' }]);
    expect(pick('domain')).toEqual([{ schema: 'Thing', value: 'Example-C2.test', tlp: 'clear' }]);
    expect(pick('url')).toEqual([{ schema: 'Thing', value: 'http://example-c2.test/gate.php', tlp: 'clear' }]);
    expect(pick('email')).toEqual([{ schema: 'UserAccount', value: 'erika.musterfrau@example.test', tlp: 'clear' }]);
    expect(pick('wallet')).toEqual([{ schema: 'CryptoWallet', value: WALLET, tlp: 'amber' }]);
    expect(pick('file-hash')).toEqual([expect.objectContaining({ schema: 'Thing', tlp: 'amber' })]);
    const wallet = got.find((e) => e.kind === 'wallet')!;
    expect(wallet).toMatchObject({ id: entityId(`indicator--${uuid(99)}`, 'wallet', WALLET), stixId: `indicator--${uuid(99)}`, collectionId });
    expect(wallet.properties).toMatchObject({ publicKey: [WALLET], name: [WALLET] });
    expect(wallet.firstSeen).toBe(wallet.lastSeen);
  });

  it('is idempotent on redelivery and keeps the TLP of the latest version, first seen unchanged', async () => {
    const before = await all();
    const consumer = observableEntitiesConsumer(t.ctx);
    const event = { id: 1, topic: OBSERVABLES_ADDED, key: collectionId, createdAt: '', attempt: 2 };
    await consumer.handle({ ...event, payload: { collectionId, ids: before.map((e) => e.stixId) } });
    expect(await all()).toEqual(before);

    await ingest(t.ctx, collectionId, { objects: [indicator('2025-04-01T00:00:00.000Z', RED)] }, by);
    await t.ctx.events.drain(20_000);
    const after = (await all()).find((e) => e.kind === 'wallet')!;
    const was = before.find((e) => e.kind === 'wallet')!;
    expect(after.id).toBe(was.id);
    expect(after.tlp).toBe('red');
    expect(after.firstSeen).toBe(was.firstSeen);
    expect(after.lastSeen > was.lastSeen).toBe(true);
    expect((await all()).length).toBe(before.length);
    await consumer.handle({ ...event, payload: { collectionId, ids: [`indicator--${uuid(99)}`] } });
    expect((await all()).find((e) => e.kind === 'wallet')).toEqual(after);
  });

  it('finds them for other modules by kind and value, and through the API', async () => {
    expect((await threatObservables(t.ctx, { kind: 'wallet', value: WALLET })).map((e) => e.tlp)).toEqual(['red']);
    expect(await threatObservables(t.ctx, { kind: 'wallet', value: WALLET.toLowerCase() })).toEqual([]);
    expect((await threatObservables(t.ctx, { value: 'EXAMPLE-c2.test' })).map((e) => e.kind)).toEqual(['domain']);
    const r = await t.app.inject({ method: 'GET', url: '/api/taxii/observables?q=example-c2', headers: analyst });
    expect(r.statusCode).toBe(200);
    const body = r.json() as Json;
    expect(body.items.map((e: Json) => e.kind).sort()).toEqual(['domain', 'url']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/taxii/observables?kind=phone', headers: analyst });
    expect(bad.statusCode).toBe(400);
  });
});
