// The check part of the documents module: the combined document check (API, CLI) and the officer's tool on the home screen.
import type { DocumentsPart } from '../part.js';
import { DOCUMENTS_CHECK } from '../permissions.js';
import { checkRoutes } from './routes.js';
import { checkCommands } from './commands.js';

export const checkPart: DocumentsPart = {
  routes: checkRoutes,
  commands: checkCommands,
  nav: [{ id: 'documents', path: '/documents', titleKey: 'documents.nav.title', descriptionKey: 'documents.nav.description', permission: DOCUMENTS_CHECK }],
  messages: {
    'documents.nav.title': 'Document check',
    'documents.nav.description': 'Scan or type an MRZ: is the document well-formed, reported lost or stolen, its holder listed, its chip genuine?',
  },
};
