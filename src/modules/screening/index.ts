// Screening module: an in-memory candidate index over the active lists, one/batch/pair screening, ongoing screening of subjects.
import type { ModuleDescriptor } from '../../platform/module.js';
import { screeningMigrations } from './migrations.js';
import { screeningRoutes } from './routes.js';
import { screeningCommands } from './commands.js';
import { SCREENING_PERMISSIONS, SCREENING_RUN } from './permissions.js';
import { bindContext, versionConsumer } from './subjects.js';

export { SCREENING_RUN, SCREENING_SUBJECTS } from './permissions.js';
export { validateQuery, type ValidQuery } from './query.js';
export { screenQuery, type ContractResult, type ContractMatch } from './service.js';
export { currentIndex, indexStatus, rebuildIndex, type IndexStatus } from './index-state.js';
export { registerSubject, rescreenChanged, listSubjects } from './subjects.js';

export const screeningModule: ModuleDescriptor = {
  name: 'screening',
  area: 'counter-terrorism',
  permissions: SCREENING_PERMISSIONS,
  migrations: screeningMigrations,
  routes: screeningRoutes,
  commands: screeningCommands,
  // The consumer needs this process's context: jobs receive it when background work starts.
  jobs: (ctx) => {
    bindContext(ctx);
    return [];
  },
  consumers: [versionConsumer],
  nav: [{ id: 'screening', path: '/screening', titleKey: 'screening.nav.title', descriptionKey: 'screening.nav.description', permission: SCREENING_RUN }],
  messages: {
    'screening.nav.title': 'Screening',
    'screening.nav.description': 'Is this person, company or vessel on a list? One name or a batch, explained',
  },
};
