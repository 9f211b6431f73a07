// CLI of list files: `vigil lists import` (progress on stderr; exit 1 with the position of a rejected input) and `vigil lists export`.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { availableFormats } from './importers/index.js';
import { IMPORT_FORMATS, ImportError, type ImportFormat } from './importers/types.js';
import { importList, type ImportResult } from './import.js';
import { getList, LIST_NAME, resolveVersion } from './store.js';
import { exportLines } from './export.js';
import { progressBar } from './progress.js';
import { wl } from './tables.js';
import { describeImport } from './commands-text.js';

/** ImportError → exit 1 with its position; everything else as the CLI maps it. */
export async function rejectingImportErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(EXIT.rejected, `import rejected: ${err.describe()}`);
    throw err;
  }
}

export function checkFormat(format: string, mapping: string | undefined): ImportFormat {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format))
    throw new CliError(EXIT.usage, `unknown format ${format}; formats: ${IMPORT_FORMATS.join(', ')}`);
  const available = availableFormats();
  if (!available.includes(format as ImportFormat))
    throw new CliError(EXIT.usage, `format ${format} is not available in this build; available: ${available.join(', ') || 'none yet'}`);
  if (format === 'csv' && !mapping) throw new CliError(EXIT.usage, 'format csv needs --mapping M.yml (a FollowTheMoney mapping)');
  return format as ImportFormat;
}

/** A --version value: a number or `active`. */
export const version = (v: string) => {
  if (!/^(\d{1,9}|active)$/.test(v)) throw new CliError(EXIT.usage, `"${v}" is not a version number or "active"`);
  return v;
};

export function importCommands(lists: Command, cli: CliContext): void {
  const { out } = cli;

  lists
    .command('import')
    .description('Import list files as a new version of a list (the same inputs again change nothing)')
    .requiredOption('--list <name>', 'the list in Vigil (lower-case letters, digits, - and _)')
    .requiredOption('--format <format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .argument('<file...>', 'the files or folder (OFAC CSV set: a folder or zip) to import')
    .option('--mapping <file>', 'FollowTheMoney mapping (YAML) for --format csv')
    .option('--title <text>', 'title shown for the list')
    .option('--no-activate', 'keep the active version; activate the new one later with `vigil lists activate`')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], opts: { list: string; format: string; mapping?: string; title?: string; activate: boolean; json?: boolean }) => {
      if (!LIST_NAME.test(opts.list)) throw new CliError(EXIT.usage, `"${opts.list}" is not a list name: lower-case letters, digits, - and _`);
      const format = checkFormat(opts.format, opts.mapping);
      const ctx = await cli.app();
      const bar = progressBar(`Importing ${opts.list}`, { json: opts.json });
      let result: ImportResult;
      try {
        result = await rejectingImportErrors(() =>
          importList(ctx, {
            list: opts.list,
            format,
            paths: files,
            mapping: opts.mapping,
            title: opts.title,
            activate: opts.activate,
            actor: cli.actor,
            onProgress: bar.update,
            onNotice: opts.json ? undefined : (m) => out.info(m),
          }),
        );
      } finally {
        bar.stop();
      }
      if (opts.json) out.json(result);
      else out.line(describeImport(result));
    });

  lists
    .command('export')
    .description('Write a version as FtM JSON lines (listed and auxiliary entities), to stdout or --output')
    .argument('<name>', 'list name')
    .requiredOption('--format <format>', 'ftm')
    .option('--version <version>', 'version (default: active)', version)
    .option('--output <file>', 'write to this file (owner-only) instead of stdout')
    .action(async (name: string, opts: { format: string; version?: string; output?: string }) => {
      if (opts.format !== 'ftm') throw new CliError(EXIT.usage, `export format ${opts.format} is not supported; use ftm`);
      const ctx = await cli.app();
      const k = wl(ctx.db.kysely);
      const list = await getList(k, name);
      const v = resolveVersion(list, opts.version);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'watchlist.export',
        actor: cli.actor,
        target: { type: 'watchlist', id: name },
        details: { list: name, version: v, format: 'ftm' },
      });
      const sink = opts.output ? createWriteStream(opts.output, { mode: 0o600 }) : process.stdout;
      let n = 0;
      try {
        for await (const line of exportLines(k, name, v)) {
          n++;
          if (!sink.write(line)) await once(sink, 'drain');
        }
      } catch (err) {
        // The reader went away (e.g. `| head`): not an error of the export.
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw err;
      }
      if (opts.output)
        await new Promise<void>((resolve, reject) => (sink as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())));
      out.info(`Exported ${n} entities of ${name} version ${v}${opts.output ? ` to ${opts.output}` : ''}.`);
    });
}
