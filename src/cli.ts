#!/usr/bin/env node
// Composition root of the command line: `vigil <noun> <verb>`.
import { runCli } from './platform/cli/run.js';
import { MODULES } from './modules.js';
import { serveCommand } from './server.js';

// A reader that stops early (`vigil … | head`) closes the pipe: the rest of the output is not wanted, which is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
process.exitCode = await runCli(process.argv, MODULES, [serveCommand]);
