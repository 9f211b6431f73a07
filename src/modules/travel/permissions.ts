// Permissions of the travel module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

/** Push API/PNR messages (carriers' machine accounts, operators). */
export const TRAVEL_INGEST = 'travel.ingest';
/** See flights, manifests, travellers and messages (personal data: every access is audited). */
export const TRAVEL_READ = 'travel.read';

export const TRAVEL_PERMISSIONS: readonly PermissionDef[] = [
  { name: TRAVEL_INGEST, description: 'Send passenger messages (API PAXLST, PNRGOV)', roles: ['admin', 'carrier'] },
  { name: TRAVEL_READ, description: 'See flights, manifests, travellers and passenger messages', roles: ['admin', 'supervisor', 'analyst'] },
];
