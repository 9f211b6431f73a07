// The passive-authentication part of the documents module: trust-store tables, CSCA/CRL routes and commands, demo trust and chip.
import type { DocumentsPart } from '../part.js';
import { paMigrations } from './migrations.js';
import { paRoutes } from './routes.js';
import { paCommands } from './commands.js';
import { paDemo } from './demo.js';

export const paPart: DocumentsPart = {
  migrations: paMigrations,
  routes: paRoutes,
  commands: paCommands,
  demo: paDemo,
};
