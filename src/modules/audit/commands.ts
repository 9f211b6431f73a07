// CLI of the audit trail: `vigil audit verify` and `vigil audit export`; each use is itself audited.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { EXPORT_FORMATS, exportChunks, exportLines, type ExportFormat } from './export-format.js';
import { Instant } from './schemas.js';
import { verifyDetails } from './verify-details.js';

function instantOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Instant.safeParse(value).success)
    throw new CliError(EXIT.usage, `--${name} must be an ISO 8601 date or date-time (2026-03-01 or 2026-03-01T10:00:00Z), got "${value}"`);
  return value;
}

export function auditCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const audit = program.command('audit').description('The tamper-evident audit trail');

  audit
    .command('verify')
    .description('Check the hash chain and the signed checkpoints; exit 1 naming the first bad row when something was altered')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const result = await ctx.audit.verify();
      await ctx.audit.record(ctx.db.kysely, {
        action: 'audit.verify',
        actor: cli.actor,
        outcome: result.ok ? 'success' : 'failure',
        details: verifyDetails(result),
      });
      if (opts.json) out.json(result);
      else if (result.ok) {
        out.line(
          ctx.i18n.t('audit.verify.ok', {
            rows: result.rows,
            lastSeq: result.lastSeq,
            checkpoints: result.checkpoints,
            lastCheckpointSeq: result.lastCheckpointSeq ?? '-',
          }),
        );
      }
      const problem = result.firstProblem;
      if (problem) throw new CliError(EXIT.rejected, ctx.i18n.t('audit.verify.failed', { seq: problem.seq, code: problem.code, detail: problem.detail }));
    });

  audit
    .command('export')
    .description('Write the audit trail in seq order, to standard output unless --output is given')
    .option('--from <date>', 'records at or after this date or instant')
    .option('--to <date>', 'records before this date or instant')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('ndjson'))
    .option('--output <file>', 'write to this file (created with owner-only permissions) instead of standard output')
    .action(async (opts: { from?: string; to?: string; format: ExportFormat; output?: string }) => {
      const from = instantOption('from', opts.from);
      const to = instantOption('to', opts.to);
      const ctx = await cli.app();
      const records = ctx.audit.stream({ from, to });
      await ctx.audit.record(ctx.db.kysely, {
        action: 'audit.export',
        actor: cli.actor,
        details: { format: opts.format, from: from ?? null, to: to ?? null, toFile: opts.output !== undefined },
      });
      let count = 0;
      const counted = (async function* () {
        for await (const r of records) {
          count++;
          yield r;
        }
      })();
      const lines = exportLines(counted, opts.format);
      if (opts.output) {
        await pipeline(Readable.from(exportChunks(lines)), createWriteStream(opts.output, { mode: 0o600 }));
      } else {
        for await (const line of lines) out.line(line);
      }
      out.info(ctx.i18n.t('audit.export.done', { count, format: opts.format, where: opts.output ?? 'standard output' }));
    });
}
