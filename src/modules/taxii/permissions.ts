// Permissions of the taxii module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

export const TAXII_READ = 'taxii.read';
export const TAXII_WRITE = 'taxii.write';
export const TAXII_MANAGE = 'taxii.manage';

export const TAXII_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: TAXII_READ,
    description: 'Read STIX objects over TAXII (partners: only collections granted to their organisation, up to their TLP)',
    roles: ['admin', 'supervisor', 'analyst', 'partner'],
  },
  {
    name: TAXII_WRITE,
    description: 'Add (and, where the collection allows, delete) STIX objects over TAXII',
    roles: ['admin', 'supervisor', 'analyst', 'partner'],
  },
  { name: TAXII_MANAGE, description: 'Manage API roots, collections and partners with their rights and highest TLP', roles: ['admin'] },
];
