// The demo data: the committed UN list and the invented national list load from the checkout alone, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { loadDemo } from '../../platform/runtime.js';
import { ROOT } from '../../test-support/cli.js';
import { demoLists, projectRoot } from './demo.js';
import { getList } from './store.js';
import { wl } from './tables.js';

describe('watchlists demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds its files inside the checkout (demo/watchlists and the national fixture), not in ../shared', () => {
    expect(projectRoot()).toBe(ROOT.replace(/\/$/, ''));
    for (const d of demoLists(ROOT)) for (const p of [...d.paths, ...(d.mapping ? [d.mapping] : [])]) expect(p.startsWith(ROOT)).toBe(true);
  });

  it('loads the UN list (1,003 entries) and the national list, and says so', async () => {
    const { loaded, notes } = await loadDemo(t.ctx);
    expect(loaded).toContain('watchlists');
    const un = await getList(wl(t.ctx.db.kysely), 'un');
    expect(un).toMatchObject({ title: 'UN Security Council Consolidated List', activeVersion: 1 });
    expect(un.versions[0]!.counts).toEqual({ Organization: 273, Person: 730 });
    const national = await getList(wl(t.ctx.db.kysely), 'national');
    expect(national.versions[0]!.total).toBeGreaterThan(0);
    expect(notes).toContain(`Lists loaded: un (1,003 entries), national (${national.versions[0]!.total} entries).`);
    expect((await loadDemo(t.ctx)).loaded).toEqual([]);
  });
});
