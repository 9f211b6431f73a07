// Taxii module: a STIX 2.1 store with validation, served to partner agencies over TAXII 2.1 under /taxii2/.
import type { ModuleDescriptor } from '../../platform/module.js';
import { taxiiMigrations } from './migrations.js';
import { taxiiRoutes } from './routes.js';
import { taxiiCommands } from './commands.js';
import { taxiiDemo } from './demo.js';
import { TAXII_PERMISSIONS } from './permissions.js';
import { syncJob } from './subscriptions.js';
import { purgeStatuses } from './statuses.js';

export { TAXII_READ, TAXII_WRITE, TAXII_MANAGE } from './permissions.js';
export { stixValidator } from './schemas.js';

export const taxiiModule: ModuleDescriptor = {
  name: 'taxii',
  area: 'cyber-security',
  permissions: TAXII_PERMISSIONS,
  migrations: taxiiMigrations,
  routes: taxiiRoutes,
  commands: taxiiCommands,
  jobs: (ctx) => [syncJob(ctx), { name: 'taxii.statuses', everySeconds: 3600, run: async () => void (await purgeStatuses(ctx.db.kysely, ctx.clock.now())) }],
  demo: taxiiDemo,
};
