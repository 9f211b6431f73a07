// Modules may declare jobs as a function of the AppContext (the watchlists.fetch job needs it): the runtime builds and runs them.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test-support/app.js';
import type { AppContext } from '../../platform/context.js';
import type { ModuleDescriptor } from '../../platform/module.js';
import { watchlistsModule } from './index.js';

describe('jobs built from the context', () => {
  it('are started with the background work and receive the running context', async () => {
    const seen: AppContext[] = [];
    const probe: ModuleDescriptor = {
      name: 'probe',
      area: 'platform',
      jobs: (ctx) => [{ name: 'probe.job', everySeconds: 3600, run: async () => void seen.push(ctx) }],
    };
    const t = await createTestApp({ modules: [watchlistsModule, probe] });
    try {
      await t.runtime.startBackground();
      for (let i = 0; i < 100 && !seen.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(seen[0]).toBe(t.ctx);
      const leases = await t.ctx.db.kysely.selectFrom('job_leases').select('name').execute();
      expect(leases.map((l) => l.name)).toEqual(expect.arrayContaining(['probe.job', 'watchlists.fetch']));
    } finally {
      await t.close();
    }
  });
});
