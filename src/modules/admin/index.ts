// Administration module: users, organisations, roles and API tokens, for the web, the API and the CLI.
import type { ModuleDescriptor } from '../../platform/module.js';
import { ADMIN_PERMISSIONS } from './permissions.js';
import { adminRoutes } from './routes.js';
import { adminCommands } from './commands.js';
import { adminDemo } from './demo.js';

export const adminModule: ModuleDescriptor = {
  name: 'admin',
  area: 'platform',
  permissions: ADMIN_PERMISSIONS,
  routes: adminRoutes,
  commands: adminCommands,
  demo: adminDemo,
  nav: [
    { id: 'admin', path: '/admin/users', titleKey: 'admin.nav.title', descriptionKey: 'admin.nav.description', permission: 'users.read' },
    { id: 'tokens', path: '/tokens', titleKey: 'tokens.nav.title', descriptionKey: 'tokens.nav.description', permission: 'tokens.own' },
  ],
  messages: {
    'admin.nav.title': 'Users and organisations',
    'admin.nav.description': 'Accounts, roles, agencies and partner organisations',
    'tokens.nav.title': 'API tokens',
    'tokens.nav.description': 'Tokens for scripts and partner systems, shown once and revocable',
  },
};
