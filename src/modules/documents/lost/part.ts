// The lost part of the documents module: the lost and stolen registry (tables, import, check, API, CLI, demo).
import type { DocumentsPart } from '../part.js';
import { lostMigrations } from './migrations.js';
import { lostRoutes } from './routes.js';
import { lostCommands } from './commands.js';
import { lostDemo } from './demo.js';

export const lostPart: DocumentsPart = {
  migrations: lostMigrations,
  routes: lostRoutes,
  commands: lostCommands,
  demo: lostDemo,
};
