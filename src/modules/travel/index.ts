// Travel module: airline API (PAXLST) and PNR (PNRGOV) intake, flights and travellers assembled from every message.
import type { ModuleDescriptor } from '../../platform/module.js';
import type { JobDef } from '../../platform/jobs/types.js';
import { TRAVEL_DPO, TRAVEL_PERMISSIONS, TRAVEL_READ, TRAVEL_STATS } from './permissions.js';
import { travelMigrations } from './intake/migrations.js';
import { intakeRoutes } from './intake/routes.js';
import { intakeCommands } from './intake/commands.js';
import { assemblyConsumer } from './intake/assemble.js';
import { dropFolderJob } from './intake/drop-folder.js';
import { natsIntakeJob } from './intake/nats-intake.js';
import { complianceJob } from './compliance/service.js';
import { travelDemo } from './demo.js';
import { screeningConsumers } from './screening/consumers.js';
import { screeningRoutes } from './screening/routes.js';
import { screeningCommands } from './screening/commands.js';
import { webhookConsumer } from './screening/webhook.js';
import type { ConsumerDef } from '../../platform/events/types.js';
import { rulesCommands, rulesMigrations, rulesRoutes } from './rules/index.js';
import { retentionCommands, retentionJob, retentionMigrations, retentionRoutes } from './retention/index.js';
import { statsCommands, statsRoutes } from './stats/index.js';

export { TRAVEL_INGEST, TRAVEL_READ } from './permissions.js';
export { receiveMessage, MESSAGE_RECEIVED } from './intake/receive.js';
export { assembleMessage, FLIGHT_UPDATED, type FlightUpdated } from './intake/assemble.js';
export { getTraveller } from './intake/queries.js';

export const travelModule: ModuleDescriptor = {
  name: 'travel',
  area: 'border-security',
  permissions: TRAVEL_PERMISSIONS,
  migrations: [...travelMigrations, ...rulesMigrations, ...retentionMigrations],
  routes: async (app, ctx) => {
    await intakeRoutes(app, ctx);
    screeningRoutes(app, ctx);
    rulesRoutes(app, ctx);
    await retentionRoutes(app, ctx);
    await statsRoutes(app, ctx);
  },
  commands: (program, cli) => {
    // Intake creates `vigil travel`; the other parts add to it.
    const travel = intakeCommands(program, cli);
    screeningCommands(travel, cli);
    rulesCommands(travel, cli);
    retentionCommands(program, cli);
    statsCommands(program, cli);
  },
  jobs: (ctx) => [dropFolderJob(ctx), natsIntakeJob(ctx), complianceJob(ctx), retentionJob(ctx)].filter((j): j is JobDef => j !== null),
  consumers: (ctx) => [assemblyConsumer(ctx), ...screeningConsumers(ctx), webhookConsumer(ctx)].filter((c): c is ConsumerDef => c !== null),
  demo: travelDemo,
  nav: [
    {
      id: 'travel',
      path: '/travel',
      titleKey: 'travel.nav.title',
      descriptionKey: 'travel.nav.description',
      permission: TRAVEL_READ,
      orPermissions: [TRAVEL_DPO, TRAVEL_STATS],
    },
  ],
  messages: {
    'travel.nav.title': 'Passenger data',
    'travel.nav.description': 'Flights, manifests and travellers from airline API and PNR messages',
  },
};
