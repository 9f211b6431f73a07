// `vigil travel stats [--from D] [--to D] [--json]`: the statistics report in the terminal or as JSON.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { AppError } from '../../../platform/errors.js';
import { rangeOf, statsReport } from './report.js';
import { travelNoun } from '../intake/commands.js';

/** The `travel` command made by intake, or a new one when it is absent. */

export function statsCommands(program: Command, cli: CliContext): void {
  travelNoun(program)
    .command('stats')
    .description('Statistics of a period: messages and travellers per carrier and day, hits per list and rule, decisions and decision times, by sex')
    .option('--from <date>', 'first day YYYY-MM-DD (default: 29 days before --to)')
    .option('--to <date>', 'last day YYYY-MM-DD (default: today)')
    .option('--json', 'the report as JSON')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const ctx = await cli.app();
      let range;
      try {
        range = rangeOf(ctx, opts);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(EXIT.usage, `--${err.extra.field ?? 'from'}: ${err.detail.replace(/^\w+: /, '')}`);
        throw err;
      }
      const r = await statsReport(ctx, range);
      if (opts.json) return cli.out.json(r);
      const s = r.totals.travellersBySex;
      cli.out.line(
        `${r.from} to ${r.to}: ${r.totals.messages} messages, ${r.totals.travellers} travellers (F ${s.F}, M ${s.M}, X ${s.X}, unknown ${s.unknown}), ${r.totals.alerts} alerts`,
      );
      const perCarrier = new Map<string, { carrier: string; messages: number; travellers: number }>();
      const row = (c: string) => perCarrier.get(c) ?? perCarrier.set(c, { carrier: c, messages: 0, travellers: 0 }).get(c)!;
      for (const m of r.messages) row(m.carrier).messages += m.messages;
      for (const t of r.travellers) row(t.carrier).travellers += t.travellers;
      if (perCarrier.size)
        cli.out.table(
          [...perCarrier.values()].sort((a, b) => a.carrier.localeCompare(b.carrier)),
          ['carrier', 'messages', 'travellers'],
        );
      if (r.hits.length) cli.out.table(r.hits, ['key', 'hits', 'confirmed', 'falsePositive', 'undecided']);
      const d = r.decisions;
      cli.out.line(
        `decisions: ${d.confirmed} confirmed, ${d.falsePositive} false positive, ${d.unsure} unsure, ${d.open} open; time to decision median ${d.time.medianMinutes ?? '-'} min, p90 ${d.time.p90Minutes ?? '-'} min`,
      );
    });
}
