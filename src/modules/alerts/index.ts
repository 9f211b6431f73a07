// Alerts module: alerts raised by screening (and later travel and finance), four-eyes decisions, no re-alert after a false positive.
import type { ModuleDescriptor } from '../../platform/module.js';
import { alertsMigrations } from './migrations.js';
import { alertsRoutes } from './routes.js';
import { alertsCommands } from './commands.js';
import { ALERTS_PERMISSIONS, ALERTS_READ } from './permissions.js';

export { ALERTS_READ, ALERTS_DECIDE, ALERTS_CONFIRM } from './permissions.js';
export { raiseAlert, fingerprint, ALERT_RAISED, type RaiseInput, type RaiseResult, type Facts } from './raise.js';
export { getAlert, listAlerts, type AlertDetail, type AlertSummary } from './store.js';
export { decideAlert, decideForEntity, ALERT_DECIDED, type DecisionInput, type DecisionResult, type Decider } from './decide.js';
export { maskSubjects, maskFacts, maskDecisionNotes, deleteSubjects } from './mask.js';
export { ALERT_STATUSES, DECISIONS, type AlertStatus, type Decision } from './tables.js';

export const alertsModule: ModuleDescriptor = {
  name: 'alerts',
  area: 'platform',
  permissions: ALERTS_PERMISSIONS,
  migrations: alertsMigrations,
  routes: alertsRoutes,
  commands: alertsCommands,
  nav: [{ id: 'alerts', path: '/alerts', titleKey: 'alerts.nav.title', descriptionKey: 'alerts.nav.description', permission: ALERTS_READ }],
  messages: {
    'alerts.nav.title': 'Alerts',
    'alerts.nav.description': 'Review possible matches: confirm with a second person, or mark false positives',
  },
};
