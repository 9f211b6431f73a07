// Audit module: search, export and verify the tamper-evident audit trail, on the web, the API and the CLI.
import type { ModuleDescriptor } from '../../platform/module.js';
import { AUDIT_PERMISSIONS, AUDIT_READ } from './permissions.js';
import { auditRoutes } from './routes.js';
import { auditCommands } from './commands.js';

export { AUDIT_EXPORT, AUDIT_READ } from './permissions.js';

// The checkpoint job is the platform's (it needs the running AuditLog); the runtime schedules it.
export const auditModule: ModuleDescriptor = {
  name: 'audit',
  area: 'platform',
  permissions: AUDIT_PERMISSIONS,
  routes: auditRoutes,
  commands: auditCommands,
  nav: [{ id: 'audit', path: '/audit', titleKey: 'audit.nav.title', descriptionKey: 'audit.nav.description', permission: AUDIT_READ }],
  messages: {
    'audit.nav.title': 'Audit trail',
    'audit.nav.description': 'Who did what, when: search, export and verify the tamper-evident record',
    'audit.verify.ok': 'Audit trail intact: {rows} rows up to seq {lastSeq}, {checkpoints} signed checkpoints (last at seq {lastCheckpointSeq}).',
    'audit.verify.failed': 'audit trail altered: first problem at seq {seq} ({code}): {detail}',
    'audit.export.done': 'Exported {count} audit records as {format} to {where}.',
  },
};
