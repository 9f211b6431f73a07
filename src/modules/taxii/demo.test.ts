// The demo hook loads the committed OASIS examples and the ATT&CK for ICS slice, all valid, and is idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { taxiiDemo } from './demo.js';

describe('taxii demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('imports every committed object, none rejected, and serves them over TAXII', async () => {
    const [line] = await taxiiDemo(t.ctx);
    expect(line).toMatch(/taxii: \d+ STIX objects in collection .*\(demo\)$/);
    const added = Number(/(\d+) STIX objects/.exec(line!)![1]);
    expect(added).toBeGreaterThan(200);
    const again = await taxiiDemo(t.ctx);
    expect(again[0]).toMatch(/taxii: 0 STIX objects/);
    const { authorization } = await t.token('analyst');
    const r = await t.app.inject({ url: '/taxii2/default/collections/demo/manifest/?match[type]=attack-pattern', headers: { authorization } });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { objects: unknown[] }).objects.length).toBe(25 + 7 + 1); // ICS slice, APT1, malicious e-mail example
  });
});
