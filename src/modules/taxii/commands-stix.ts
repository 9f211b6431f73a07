// CLI of STIX files: `vigil stix import FILE` (a bundle, an envelope, an array or one object), validated object by object.
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { parseJson } from '../../core/stix/index.js';
import { FULL_ACCESS } from './access.js';
import { findCollection } from './collections.js';
import { ingest } from './ingest.js';
import { localCollection } from './local.js';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function stixCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const stix = program.command('stix').description('STIX 2.1 objects: import and validate');
  stix
    .command('import')
    .description('Validate a STIX bundle (or an envelope, array or single object) and store the valid objects; exit 1 if any is rejected')
    .argument('<file>', 'JSON file')
    .option('--collection <id>', 'collection id or alias (default: the local collection of API root default)')
    .option('--api-root <name>', 'API root of the collection', 'default')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { collection?: string; apiRoot: string; json?: boolean }) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(EXIT.notFound, `No file ${file}`);
      }
      if (size > MAX_FILE_BYTES) throw new CliError(EXIT.rejected, `${file} is ${size} bytes; at most ${MAX_FILE_BYTES} are read`);
      const parsed = parseJson(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new CliError(EXIT.rejected, `${file}${parsed.line ? `:${parsed.line}:${parsed.column}` : ''}: not JSON: ${parsed.message}`);
      const ctx = await cli.app();
      const c = opts.collection
        ? await findCollection(ctx.db.kysely, opts.apiRoot, opts.collection, FULL_ACCESS)
        : await localCollection(ctx, { actor: cli.actor });
      if (!c) throw new CliError(EXIT.notFound, `No collection ${opts.collection} in API root ${opts.apiRoot}.`);
      const r = await ingest(ctx, c.id, parsed.value, { actor: cli.actor });
      const errors = [
        ...r.problems.map((p) => ({ index: null, id: null, path: p.path, message: p.message, severity: 'error' as const })),
        ...r.verdicts.flatMap((v) => v.issues.map((i) => ({ index: v.index, id: v.id ?? null, path: i.path, message: i.message, severity: i.severity }))),
      ];
      const summary = {
        collection: c.id,
        objects: r.verdicts.length,
        added: r.added,
        present: r.present,
        rejected: r.rejected + r.problems.length,
        issues: errors,
      };
      if (opts.json) out.json(summary);
      else {
        for (const e of errors) out.info(`${file}: ${e.severity} ${e.path}${e.id ? ` (${e.id})` : ''}: ${e.message}`);
        out.line(`${r.verdicts.length} objects: ${r.added} added, ${r.present} already present, ${summary.rejected} rejected (collection ${c.id}).`);
      }
      if (summary.rejected) throw new CliError(EXIT.rejected, `${summary.rejected} object(s) rejected`);
    });
}
