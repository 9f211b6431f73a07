// The modules this build of Vigil is made of, in the order their migrations run.
import type { ModuleDescriptor } from './platform/module.js';
import { adminModule } from './modules/admin/index.js';
import { auditModule } from './modules/audit/index.js';
import { watchlistsModule } from './modules/watchlists/index.js';
import { alertsModule } from './modules/alerts/index.js';
import { screeningModule } from './modules/screening/index.js';
import { documentsModule } from './modules/documents/index.js';
import { taxiiModule } from './modules/taxii/index.js';
import { travelModule } from './modules/travel/index.js';
import { cbmModule } from './modules/cbm/index.js';
import { intelModule } from './modules/intel/index.js';

export const MODULES: readonly ModuleDescriptor[] = [
  adminModule,
  auditModule,
  watchlistsModule,
  alertsModule,
  screeningModule,
  documentsModule,
  travelModule,
  taxiiModule,
  cbmModule,
  intelModule,
];
