#!/usr/bin/env node
// Composition root of the command line: `vigil <noun> <verb>`.
import { runCli } from './platform/cli/run.js';
import { MODULES } from './modules.js';
import { serveCommand } from './server.js';

process.exitCode = await runCli(process.argv, MODULES, [serveCommand]);
