// Intel module: criminal intelligence analysis in need-to-know cases — graded reports, FtM entities and imports, cross-referencing, graph analysis, exports.
import type { ModuleDescriptor } from '../../platform/module.js';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { intelMigrations } from './migrations.js';
import { INTEL_PERMISSIONS, INTEL_USE } from './permissions.js';
import { caseRoutes } from './routes-cases.js';
import { dataRoutes } from './routes-data.js';
import { graphRoutes } from './routes-graph.js';
import { chartRoutes } from './routes-charts.js';
import { intelCommands } from './commands.js';
import { intelDemo } from './demo.js';

export { INTEL_USE, INTEL_MANAGE } from './permissions.js';

function intelRoutes(app: HttpApp, ctx: AppContext): void {
  caseRoutes(app, ctx);
  dataRoutes(app, ctx);
  graphRoutes(app, ctx);
  chartRoutes(app, ctx);
}

export const intelModule: ModuleDescriptor = {
  name: 'intel',
  area: 'policing',
  permissions: INTEL_PERMISSIONS,
  migrations: intelMigrations,
  routes: intelRoutes,
  commands: intelCommands,
  nav: [{ id: 'intel', path: '/intel', titleKey: 'intel.nav.title', descriptionKey: 'intel.nav.description', permission: INTEL_USE }],
  messages: {
    'intel.nav.title': 'Intelligence analysis',
    'intel.nav.description': 'Cases on a need-to-know basis: graded reports, imports, cross-referencing, paths between people and companies',
  },
  demo: intelDemo,
};
