// Cbm module: cyber confidence-building between States (OSCE PC decisions 1106, 1202): points of contact, checks, consultations, submissions.
import type { ModuleDescriptor } from '../../platform/module.js';
import { cbmCommands } from './commands.js';
import { cbmDemo } from './demo.js';
import { CBM_MESSAGES } from './messages.js';
import { cbmMigrations } from './migrations.js';
import { CBM_PERMISSIONS, CBM_READ } from './permissions.js';
import { cbmRoutes } from './routes.js';
import { cbmJobs } from './schedules.js';

export { CBM_READ, CBM_WRITE, CBM_SECRETARIAT } from './permissions.js';
export { CONTACT_EXTENSION } from './stix.js';

export const cbmModule: ModuleDescriptor = {
  name: 'cbm',
  area: 'cyber-security',
  permissions: CBM_PERMISSIONS,
  migrations: cbmMigrations,
  routes: cbmRoutes,
  commands: cbmCommands,
  jobs: cbmJobs,
  nav: [{ id: 'cbm', path: '/cbm', titleKey: 'cbm.nav.title', descriptionKey: 'cbm.nav.description', permission: CBM_READ }],
  messages: CBM_MESSAGES,
  demo: cbmDemo,
};
