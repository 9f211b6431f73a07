// Permissions of administration, and the catalogue of every permission declared.
import type { ModuleDescriptor, PermissionDef } from '../../platform/module.js';
import { PLATFORM_PERMISSIONS } from '../../platform/runtime.js';
import { ROLE_NAMES } from '../../platform/auth/index.js';

export const ADMIN_PERMISSIONS: readonly PermissionDef[] = [
  { name: 'users.read', description: 'See users, organisations and roles', roles: ['admin', 'supervisor', 'dpo'] },
  { name: 'users.manage', description: 'Create, change and disable users and reset passwords', roles: ['admin'] },
  { name: 'orgs.manage', description: 'Create, rename and disable organisations', roles: ['admin'] },
  { name: 'tokens.own', description: 'Create and revoke your own API tokens', roles: ROLE_NAMES },
  { name: 'tokens.manage', description: 'Create and revoke API tokens of any user or machine account', roles: ['admin'] },
];

export function allPermissions(modules: readonly ModuleDescriptor[]): { name: string; description: string; module: string }[] {
  return [
    ...PLATFORM_PERMISSIONS.map((p) => ({ name: p.name, description: p.description, module: 'platform' })),
    ...modules.flatMap((m) => (m.permissions ?? []).map((p) => ({ name: p.name, description: p.description, module: m.name }))),
  ].sort((a, b) => a.name.localeCompare(b.name));
}
