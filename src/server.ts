// Composition root of the server: `vigil serve` opens the runtime, makes sure an admin exists, and serves HTTP.
import type { Command } from 'commander';
import { buildHttpApp } from './platform/http/app.js';
import { ensureAdmin, loadDemo, type Runtime } from './platform/runtime.js';
import { generatePassword } from './platform/auth/index.js';
import type { CommandContributor } from './platform/cli/run.js';
import type { CliOutput } from './platform/cli/context.js';
import type { HttpApp } from './platform/http/types.js';

export interface RunningServer {
  app: HttpApp;
  url: string;
}

export async function startServer(runtime: Runtime, opts: { demo?: boolean; out: CliOutput }): Promise<RunningServer> {
  const { ctx } = runtime;
  const { t } = ctx.i18n;
  const admin = await ensureAdmin(ctx, generatePassword);
  const demo = opts.demo ? await loadDemo(ctx) : { loaded: [], notes: [] };
  const app = await buildHttpApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  await runtime.startBackground();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.port;
  const host = ctx.config.host === '0.0.0.0' || ctx.config.host === '::' ? 'localhost' : ctx.config.host;
  const url = `http://${host}:${port}/`;
  ctx.log.info({ url, database: ctx.db.description, events: ctx.events.kind, role: ctx.config.role }, 'vigil started');
  opts.out.line('');
  opts.out.line(t('cli.login', { url }));
  if (admin.created && admin.password) {
    opts.out.line(t('cli.admin-created', { username: admin.username, password: admin.password }));
    opts.out.line(t('cli.admin-password-once'));
  } else if (admin.created) opts.out.line(t('cli.admin-from-env', { username: admin.username }));
  else opts.out.line(t('cli.admin-exists', { username: admin.username }));
  if (demo.loaded.length) opts.out.line(`Demo data loaded: ${demo.loaded.join(', ')}.`);
  for (const n of demo.notes) opts.out.line(n);
  opts.out.line(`Data: ${ctx.db.description}. API description: ${url}api/docs (after signing in).`);
  opts.out.line('');
  return { app, url };
}

export const serveCommand: CommandContributor = (program: Command, cli) => {
  program
    .command('serve')
    .description('Run the server: web workbench, API, event delivery and periodic jobs')
    .option('--demo', 'load the demo data first (once per database)')
    .action(async (opts: { demo?: boolean }) => {
      const runtime = await cli.runtime();
      const { app } = await startServer(runtime, { demo: opts.demo, out: cli.out });
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          runtime.ctx.log.info({ signal }, 'shutting down');
          app.close().then(resolve, resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
};
