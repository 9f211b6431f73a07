// Permissions of the audit trail: reading it (and verifying it) and exporting it.
import type { PermissionDef } from '../../platform/module.js';

export const AUDIT_READ = 'audit.read';
export const AUDIT_EXPORT = 'audit.export';

export const AUDIT_PERMISSIONS: readonly PermissionDef[] = [
  { name: AUDIT_READ, description: 'Search the audit trail and verify its integrity', roles: ['auditor', 'dpo', 'admin'] },
  { name: AUDIT_EXPORT, description: 'Export the audit trail (NDJSON or CSV)', roles: ['auditor', 'dpo'] },
];
