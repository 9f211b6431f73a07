// `vigil travel retention run|runs [--json]`: depersonalise and delete passenger data past its retention period, and list runs.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { travelNoun } from '../intake/commands.js';
import { listRetentionRuns, runRetention, type StoredRetentionRun } from './run.js';

function line(r: StoredRetentionRun): string {
  const c = r.counts;
  const d = c.depersonalised;
  const x = c.deleted;
  return (
    `run ${r.id} at ${r.startedAt}: depersonalised ${d.travellers} travellers, ${d.pnrVersions} PNR versions, ${d.messages} messages (received before ${r.depersonaliseBefore}); ` +
    `deleted ${x.travellers} travellers, ${x.pnrVersions} PNR versions, ${x.messages} messages (before ${r.deleteBefore}); ` +
    `${c.keptForConfirmedAlerts} kept for confirmed alerts; stream copies ${c.stream.status}${c.stream.status === 'purged' ? ` (${c.stream.purged})` : ''}`
  );
}

export function retentionCommands(program: Command, cli: CliContext): void {
  const retention = travelNoun(program).command('retention').description('Retention of API and PNR data (EU PNR Directive art. 12): 6 months, then 5 years');
  retention
    .command('run')
    .description(
      'Depersonalise data older than 6 months (structured, raw messages, stream copies) and delete data older than 5 years not linked to a confirmed alert; exit 4 when the stream copies could not be purged',
    )
    .option('--json', 'the run as JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const run = await runRetention(ctx, { actor: cli.actor });
      if (opts.json) cli.out.json(run);
      else cli.out.line(line(run));
      if (run.counts.stream.status === 'failed')
        throw new CliError(
          EXIT.unavailable,
          `the stream copies in ${run.counts.stream.stream} could not be purged: ${run.counts.stream.detail ?? 'NATS error'}`,
        );
    });
  retention
    .command('runs')
    .description('Earlier retention runs, newest first')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const runs = await listRetentionRuns(ctx, 100);
      if (opts.json) return cli.out.json(runs);
      for (const r of runs) cli.out.line(line(r));
    });
}
