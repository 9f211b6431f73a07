// Permissions of the cbm module (cyber confidence-building measures), with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

export const CBM_READ = 'cbm.read';
export const CBM_WRITE = 'cbm.write';
export const CBM_SECRETARIAT = 'cbm.secretariat';

export const CBM_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: CBM_READ,
    description: "See the points-of-contact directory, your State's consultations, checks and submissions, and what is shared with it",
    roles: ['admin', 'supervisor', 'analyst'],
  },
  {
    name: CBM_WRITE,
    description: "Keep your State's points of contact, consult other States, answer checks and file national submissions",
    roles: ['admin', 'supervisor', 'analyst'],
  },
  {
    name: CBM_SECRETARIAT,
    description: 'Act as the secretariat: see the whole network, run communication checks and read their reports',
    roles: ['admin', 'supervisor'],
  },
];
