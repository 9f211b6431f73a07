// Permissions of the intel module: working in cases one is a member of, and managing cases without reading them.
import type { PermissionDef } from '../../platform/module.js';

export const INTEL_USE = 'intel.use';
export const INTEL_MANAGE = 'intel.manage';

export const INTEL_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: INTEL_USE,
    description: 'Open investigations (cases) and work in those one is a member of: reports, entities, imports, cross-referencing, graph',
    roles: ['analyst', 'supervisor'],
  },
  {
    name: INTEL_MANAGE,
    description: 'See that every case exists (id, created, member count) and appoint a case owner; never the content of a case one is not a member of',
    roles: ['admin'],
  },
];

/** Roles inside a case: owners manage members; analysts write; viewers read. */
export const CASE_ROLES = ['owner', 'analyst', 'viewer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];
