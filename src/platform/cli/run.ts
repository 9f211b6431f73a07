// The `vigil` command line: builds the program from modules, maps every failure to the documented exit codes.
import { userInfo } from 'node:os';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../log.js';
import { openRuntime, loadDemo, type Runtime } from '../runtime.js';
import type { ModuleDescriptor } from '../module.js';
import type { Actor } from '../audit/types.js';
import { CliError, EXIT, type CliContext, type ExitCode } from './context.js';
import { createOutput } from './output.js';

/** Extra commands contributed by composition roots (e.g. `serve`). */
export type CommandContributor = (program: Command, cli: CliContext & { runtime(): Promise<Runtime>; config(): Config }) => void;

export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof CliError) return err.exitCode;
  if (err instanceof ConfigError) return EXIT.usage;
  if (err instanceof AppError) {
    if (err.code === 'not-found') return EXIT.notFound;
    if (err.code === 'unavailable') return EXIT.unavailable;
    return EXIT.rejected;
  }
  return EXIT.rejected;
}

export async function runCli(argv: readonly string[], modules: readonly ModuleDescriptor[], contributors: readonly CommandContributor[] = []): Promise<number> {
  const out = createOutput();
  let config: Config | undefined;
  let runtime: Promise<Runtime> | undefined;
  const os = (() => {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  })();
  const actor: Actor = { type: 'system', id: `cli:${os}`.slice(0, 100), orgId: null };
  const getConfig = () => (config ??= loadConfig());
  const getRuntime = () =>
    (runtime ??= openRuntime(getConfig(), modules, {
      log: createLogger(process.env.VIGIL_LOG_LEVEL ?? 'warn'),
    }));
  const cli = { out, actor, app: async () => (await getRuntime()).ctx, runtime: getRuntime, config: getConfig };

  const program = new Command('vigil')
    .description('Vigil: screening, border, cyber and policing tools for agencies countering transnational threats')
    .version('0.1.0')
    .showHelpAfterError()
    // Options after a subcommand belong to it (`lists export --version V`), not to the root's --version.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('migrate')
    .description('Create or update the database schema (also done by every command)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const rows = await ctx.db.kysely.selectFrom('vigil_migrations').selectAll().orderBy('applied_at').execute();
      if (opts.json) out.json({ database: ctx.db.description, migrations: rows.length });
      else out.line(`Database ${ctx.db.description} is up to date (${rows.length} migrations applied).`);
    });

  program
    .command('demo')
    .description('Load the demo data of every module (once per database)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const { loaded, notes } = await loadDemo(ctx);
      if (opts.json) out.json({ loaded, notes });
      else {
        out.line(loaded.length ? `Demo data loaded: ${loaded.join(', ')}` : 'Demo data was loaded before; nothing to do.');
        for (const n of notes) out.line(n);
      }
    });

  for (const contribute of contributors) contribute(program, cli);
  for (const m of modules) m.commands?.(program, cli);

  let code: number = EXIT.ok;
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      code = exitCodeOf(err);
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`vigil: ${message}\n`);
      if (!(err instanceof CliError || err instanceof AppError || err instanceof ConfigError)) {
        process.stderr.write('vigil: this is a bug; set VIGIL_LOG_LEVEL=debug for details\n');
        if (process.env.VIGIL_LOG_LEVEL === 'debug') process.stderr.write(`${(err as Error).stack}\n`);
      }
    }
  }
  if (runtime) {
    const r = await runtime.catch(() => undefined);
    await r?.close();
  }
  return code;
}
