// Taxii module: a STIX 2.1 store with validation, served to partner agencies over TAXII 2.1 under /taxii2/.
import type { ModuleDescriptor } from '../../platform/module.js';
import { taxiiMigrations } from './migrations.js';
import { taxiiRoutes } from './routes.js';
import { taxiiCommands } from './commands.js';
import { taxiiDemo } from './demo.js';
import { TAXII_PERMISSIONS, TAXII_READ } from './permissions.js';
import { workbenchRoutes } from './routes-api.js';
import { observableEntitiesConsumer } from './entities.js';
import { syncJob } from './subscriptions.js';
import { purgeStatuses } from './statuses.js';

export { TAXII_READ, TAXII_WRITE, TAXII_MANAGE } from './permissions.js';
export { stixValidator } from './schemas.js';
export { OBSERVABLES_ADDED, observablesIn, type ObservableRecord } from './observed.js';
export { threatObservables, type ThreatObservable } from './entities.js';

export const taxiiModule: ModuleDescriptor = {
  name: 'taxii',
  area: 'cyber-security',
  permissions: TAXII_PERMISSIONS,
  migrations: taxiiMigrations,
  routes: async (app, ctx) => {
    await taxiiRoutes(app, ctx);
    await workbenchRoutes(app, ctx);
  },
  commands: taxiiCommands,
  jobs: (ctx) => [syncJob(ctx), { name: 'taxii.statuses', everySeconds: 3600, run: async () => void (await purgeStatuses(ctx.db.kysely, ctx.clock.now())) }],
  consumers: (ctx) => [observableEntitiesConsumer(ctx)],
  demo: taxiiDemo,
  nav: [{ id: 'taxii', path: '/taxii', titleKey: 'taxii.nav.title', descriptionKey: 'taxii.nav.description', permission: TAXII_READ }],
  messages: {
    'taxii.nav.title': 'Threat intelligence',
    'taxii.nav.description': 'STIX objects and their relationships, collections shared over TAXII, partners and subscriptions',
  },
};
