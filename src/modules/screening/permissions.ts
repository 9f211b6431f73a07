// Permissions of the screening module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

export const SCREENING_RUN = 'screening.run';
export const SCREENING_SUBJECTS = 'screening.subjects';

export const SCREENING_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: SCREENING_RUN,
    description: 'Screen names against the active watchlists (one, a batch, or a pair)',
    roles: ['admin', 'supervisor', 'analyst', 'officer'],
  },
  { name: SCREENING_SUBJECTS, description: 'Register subjects for ongoing screening and see them', roles: ['admin', 'supervisor', 'analyst'] },
];
