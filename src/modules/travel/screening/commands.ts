// `vigil travel alerts ls`: the passenger alert queue, soonest flight first.
import type { Command } from 'commander';
import type { CliContext } from '../../../platform/cli/context.js';
import { travelAlerts } from './queue.js';

export function screeningCommands(travel: Command, cli: CliContext): void {
  travel
    .command('alerts')
    .description('Passenger alerts (decide them with `vigil alerts decide`)')
    .command('ls')
    .option('--open', 'only alerts not decided yet')
    .option('--flight <id>', 'only this flight, e.g. OS0089-2026-12-01')
    .option('--json', 'machine-readable output: [{"id","flightId","traveller":{"name","birthDate","documents"},"entityId","source","score","status"}]')
    .action(async (opts: { open?: boolean; flight?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const items = await travelAlerts(ctx, { open: opts.open, flightId: opts.flight, limit: 2000 });
      if (opts.json) return cli.out.json(items);
      cli.out.table(
        items.map((a) => ({ ...a, traveller: a.traveller.name, due: a.dueAt ?? '' })),
        ['id', 'flightId', 'due', 'traveller', 'source', 'entityCaption', 'score', 'status'],
      );
    });
}
