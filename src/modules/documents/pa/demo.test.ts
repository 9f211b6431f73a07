// The demo's trust store and chip folders: the chip passes with the printed MRZ, its altered copy fails on DG2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { ManualClock } from '../../../platform/clock.js';
import { parseMrz } from '../../../core/mrz/index.js';
import { readChipDir } from './chip.js';
import { DEMO_CHIP_MRZ, paDemo } from './demo.js';
import { listCscas, verifyWithStore } from './store.js';

describe('passive-authentication demo', () => {
  let t: TestApp;
  const at = new Date('2026-05-01T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock: new ManualClock(at) });
  });
  afterAll(() => t?.close());

  it('trusts an invented CSCA and leaves a chip that passes and an altered one that fails', async () => {
    expect(parseMrz([...DEMO_CHIP_MRZ], { today: at }).valid).toBe(true);
    const lines = await paDemo(t.ctx);
    expect(await listCscas(t.ctx.db.kysely)).toHaveLength(1);
    const dirs = lines
      .join('\n')
      .match(/--chip (\S+)/g)!
      .map((m) => m.slice('--chip '.length));
    expect(dirs).toHaveLength(2);
    const good = await verifyWithStore(t.ctx.db.kysely, await readChipDir(dirs[0]!), [...DEMO_CHIP_MRZ], at);
    expect(good.status, good.reason).toBe('passed');
    const bad = await verifyWithStore(t.ctx.db.kysely, await readChipDir(dirs[1]!), [...DEMO_CHIP_MRZ], at);
    expect(bad.status).toBe('failed');
    expect(bad.reason).toMatch(/^DG2 hash does not match EF.SOD/);
  });
});
