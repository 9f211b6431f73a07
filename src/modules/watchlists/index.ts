// Watchlists module: versioned sanctions and national lists in the FtM model, with diffs, fetching, API, CLI and demo.
import type { ModuleDescriptor } from '../../platform/module.js';
import { watchlistsMigrations } from './migrations.js';
import { watchlistsRoutes } from './routes.js';
import { WATCHLISTS_PERMISSIONS, WATCHLISTS_READ } from './permissions.js';
import { watchlistsCommands } from './commands.js';
import { fetchJob } from './fetch.js';
import { watchlistsDemo } from './demo.js';

export { WATCHLISTS_MANAGE, WATCHLISTS_READ } from './permissions.js';
export { VERSION_ACTIVATED, type VersionActivated } from './versions.js';

export const watchlistsModule: ModuleDescriptor = {
  name: 'watchlists',
  area: 'counter-terrorism',
  permissions: WATCHLISTS_PERMISSIONS,
  migrations: watchlistsMigrations,
  routes: watchlistsRoutes,
  commands: watchlistsCommands,
  jobs: (ctx) => [fetchJob(ctx)],
  nav: [{ id: 'watchlists', path: '/lists', titleKey: 'watchlists.nav.title', descriptionKey: 'watchlists.nav.description', permission: WATCHLISTS_READ }],
  messages: {
    'watchlists.nav.title': 'Watchlists',
    'watchlists.nav.description': 'Sanctions and national lists: versions, changes, listed people and organisations',
  },
  demo: watchlistsDemo,
};
export { activeEntities, activeVersions, changedEntities, entitiesIn, hasVersion, type ActiveEntity, type ActiveDocument } from './active-entities.js';
export { importList, type ImportOptions, type ImportResult } from './import.js';
// For other modules importing spreadsheets and FtM files with the same readers and mappings (intel).
export { readCsv } from './importers/csv-reader.js';
export { parseMapping, type Mapping, type QueryMapping } from './importers/mapping.js';
export { mapRow, rowPasses, type MappedRow } from './importers/mapping-rows.js';
export { entityFromLine } from './importers/ftm.js';
export { readJsonLines } from './importers/json-lines.js';
export { openZip, ZIP_LIMITS, type ZipArchive, type ZipEntry, type ZipLimits } from './importers/zip.js';
export { ImportError, type ImportLocation } from './importers/types.js';
