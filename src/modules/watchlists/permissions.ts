// Permissions of the watchlists module and the built-in roles that hold them.
import type { PermissionDef } from '../../platform/module.js';

export const WATCHLISTS_READ = 'watchlists.read';
export const WATCHLISTS_MANAGE = 'watchlists.manage';

export const WATCHLISTS_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: WATCHLISTS_READ,
    description: 'See lists, versions, diffs and listed entities',
    roles: ['admin', 'supervisor', 'analyst', 'officer', 'auditor', 'dpo'],
  },
  { name: WATCHLISTS_MANAGE, description: 'Import, activate and roll back list versions; set and fetch list sources', roles: ['admin', 'supervisor'] },
];
