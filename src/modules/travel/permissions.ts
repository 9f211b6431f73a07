// Permissions of the travel module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

/** Push API/PNR messages (carriers' machine accounts, operators). */
export const TRAVEL_INGEST = 'travel.ingest';
/** See flights, manifests, travellers and messages (personal data: every access is audited). */
export const TRAVEL_READ = 'travel.read';
/** Write, change, enable and test targeting rules and their value lists. */
export const TRAVEL_RULES = 'travel.rules';

/** Passenger-data statistics (counts only, no personal data). */
export const TRAVEL_STATS = 'travel.stats';
/** Approve or refuse requests to see depersonalised passenger data again. */
export const TRAVEL_REPERSONALISE = 'travel.repersonalise';
/** Data protection officer: review re-personalisation requests and approvals, retention runs, art. 20 statistics. */
export const TRAVEL_DPO = 'travel.dpo';

export const TRAVEL_PERMISSIONS: readonly PermissionDef[] = [
  { name: TRAVEL_INGEST, description: 'Send passenger messages (API PAXLST, PNRGOV)', roles: ['admin', 'carrier'] },
  { name: TRAVEL_READ, description: 'See flights, manifests, travellers and passenger messages', roles: ['admin', 'supervisor', 'analyst'] },
  { name: TRAVEL_RULES, description: 'Write, change, enable and test targeting rules and their value lists', roles: ['admin', 'supervisor', 'analyst'] },
  {
    name: TRAVEL_STATS,
    description: 'See passenger-data statistics (counts per carrier, day, list, rule and sex)',
    roles: ['admin', 'supervisor', 'analyst', 'dpo'],
  },
  { name: TRAVEL_REPERSONALISE, description: 'Approve or refuse requests to see depersonalised passenger data again', roles: ['admin', 'supervisor'] },
  { name: TRAVEL_DPO, description: 'Review re-personalisation requests and approvals, retention runs and art. 20 statistics', roles: ['admin', 'dpo'] },
];
