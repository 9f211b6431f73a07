// Permissions of the alerts module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

export const ALERTS_READ = 'alerts.read';
export const ALERTS_DECIDE = 'alerts.decide';
export const ALERTS_CONFIRM = 'alerts.confirm';

export const ALERTS_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: ALERTS_READ,
    description: 'See alerts (subject, candidate, score, explanation) and their decisions',
    roles: ['admin', 'supervisor', 'analyst', 'officer'],
  },
  {
    name: ALERTS_DECIDE,
    description: 'Decide an alert: confirmed match (first person), false positive or unsure (escalate)',
    roles: ['supervisor', 'analyst', 'officer'],
  },
  { name: ALERTS_CONFIRM, description: 'Be the second person who completes the confirmation of a match (four eyes)', roles: ['supervisor', 'analyst'] },
];
