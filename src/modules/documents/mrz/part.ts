// The MRZ part of the documents module: `vigil mrz parse` and POST /api/documents/mrz/parse over the pure parser in src/core/mrz.
import type { DocumentsPart } from '../part.js';
import { mrzCommands } from './commands.js';
import { mrzRoutes } from './routes.js';

export const mrzPart: DocumentsPart = {
  routes: mrzRoutes,
  commands: mrzCommands,
};
