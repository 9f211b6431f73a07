// CLI of list fetching: `vigil lists fetch [NAME…]`, `vigil lists source set NAME …`, `vigil lists source ls`.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { IMPORT_FORMATS } from './importers/types.js';
import { BUILTIN_SOURCES, listSources, setSource } from './sources.js';
import { fetchSource, type FetchResult } from './fetch.js';
import { progressBar } from './progress.js';
import { wl } from './tables.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function fetchCommands(lists: Command, cli: CliContext): void {
  const { out } = cli;

  lists
    .command('fetch')
    .description('Download the current files of list sources (conditionally, with retries) and import them when they changed')
    .argument('[name...]', 'lists to fetch (default: every configured source)')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const sources = await listSources(wl(ctx.db.kysely));
      const wanted = names.length ? names : sources.map((s) => s.list);
      const missing = wanted.filter((n) => !sources.some((s) => s.list === n));
      if (missing.length) throw new CliError(EXIT.notFound, `no source configured for ${missing.join(', ')} (see: vigil lists source set)`);
      if (!wanted.length) throw new CliError(EXIT.notFound, 'no list source is configured (see: vigil lists source set)');
      const results: FetchResult[] = [];
      for (const name of wanted) {
        const bar = progressBar(`Importing ${name}`, { json: opts.json });
        try {
          results.push(await fetchSource(ctx, name, { actor: cli.actor, onProgress: bar.update }));
        } finally {
          bar.stop();
        }
        const r = results.at(-1)!;
        if (!opts.json) {
          const what = {
            'not-modified': 'not modified since the last fetch',
            unchanged: `same content as version ${r.version}`,
            imported: `imported as version ${r.version}`,
            failed: `failed: ${r.error}`,
          }[r.status];
          out.line(`${r.list}: ${what}`);
        }
      }
      if (opts.json) out.json(results.map(({ import: _import, ...r }) => r));
      const failed = results.filter((r) => r.status === 'failed');
      if (failed.length) throw new CliError(EXIT.rejected, `fetching ${failed.map((r) => r.list).join(', ')} failed`);
    });

  const source = lists.command('source').description('Where lists are fetched from');
  source
    .command('set')
    .description(`Set the source of a list; without --url the official publisher's (built-in: ${Object.keys(BUILTIN_SOURCES).join(', ')})`)
    .argument('<name>', 'list name')
    .option('--url <url>', 'URL of a file to download, repeatable (several files form one input folder)', collect)
    .option('--format <format>', `one of ${IMPORT_FORMATS.join(', ')} (default for built-in sources: theirs)`)
    .option('--every-hours <hours>', 'fetch automatically this often (default: only on `vigil lists fetch`)')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { url?: string[]; format?: string; everyHours?: string; json?: boolean }) => {
      if (opts.everyHours !== undefined && !/^\d{1,4}$/.test(opts.everyHours)) throw new CliError(EXIT.usage, '--every-hours takes a whole number of hours');
      if (opts.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new CliError(EXIT.usage, `unknown format ${opts.format}; formats: ${IMPORT_FORMATS.join(', ')}`);
      if (!opts.url?.length && !BUILTIN_SOURCES[name])
        throw new CliError(EXIT.usage, `give --url: there is no built-in source named ${name} (built-in: ${Object.keys(BUILTIN_SOURCES).join(', ')})`);
      const ctx = await cli.app();
      const s = await setSource(
        ctx,
        { list: name, urls: opts.url, format: opts.format, everyHours: opts.everyHours ? Number(opts.everyHours) : null },
        { actor: cli.actor },
      );
      if (opts.json) out.json(s);
      else out.line(`Source of ${s.list}: ${s.format} from ${s.urls.join(', ')}${s.everyHours ? `, every ${s.everyHours} h` : ', fetched on demand'}.`);
    });
  source
    .command('ls')
    .description('Configured sources and the result of their last fetch')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const all = await listSources(wl(ctx.db.kysely));
      if (opts.json) return out.json(all);
      out.table(all, ['list', 'format', 'everyHours', 'lastCheckedAt', 'lastStatus', 'lastChangedAt', 'urls']);
    });
}
