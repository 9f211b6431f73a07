// CLI of alerts: `vigil alerts ls`, `vigil alerts show`, `vigil alerts decide`.
import { Option, type Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { getAlert, listAlerts } from './store.js';
import { decideAlert } from './decide.js';
import { DECISIONS, type Decision } from './tables.js';

export function alertsCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const alerts = program.command('alerts').description('Review alerts raised by screening (and later travel and finance)');

  alerts
    .command('ls')
    .description('List alerts, oldest first')
    .option('--open', 'only undecided alerts (open, awaiting a second person, escalated)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'machine-readable output')
    .action(async (opts: { open?: boolean; limit: string; json?: boolean }) => {
      const ctx = await cli.app();
      const limit = Math.max(1, Math.min(10000, Number.parseInt(opts.limit, 10) || 100));
      const r = await listAlerts(ctx.db.kysely, { ...(opts.open ? { status: 'undecided' as const } : {}), limit });
      if (opts.json) return out.json(r);
      if (!r.items.length) return out.line(opts.open ? 'No undecided alerts.' : 'No alerts.');
      out.table(
        r.items.map((a) => ({
          id: a.id,
          status: a.status,
          score: a.score.toFixed(3),
          subject: a.subjectId,
          entity: `${a.entityCaption} (${a.entityId})`,
          created: a.createdAt,
        })),
        ['id', 'status', 'score', 'subject', 'entity', 'created'],
      );
      if (r.total > r.items.length) out.info(`${r.items.length} of ${r.total} alerts shown (--limit).`);
    });

  alerts
    .command('show')
    .description('Show one alert: both sides field by field, the explanation and earlier decisions on the pair')
    .argument('<id>', 'alert id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const a = await getAlert(ctx.db.kysely, id);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'alert.view',
        actor: cli.actor,
        target: { type: 'alert', id },
        details: { entityId: a.entityId, subjectId: a.subjectId },
      });
      if (opts.json) return out.json(a);
      out.line(
        `Alert ${a.id} (${a.status}), score ${a.score.toFixed(3)}: subject ${a.subjectId} against ${a.entityCaption} (${a.entitySchema} ${a.entityId}; ${a.lists.join(', ')})`,
      );
      for (const f of a.fields) out.line(`  ${f.field}: ${f.subject.join(' | ') || '—'}  ⟷  ${f.entity.join(' | ') || '—'}`);
      out.line('Explanation:');
      for (const e of a.explanation) out.line(`  ${e.feature} ${e.score >= 0 ? '+' : ''}${e.score.toFixed(3)}  ${e.detail}`);
      if (a.decisions.length) out.line('Decisions on this pair:');
      for (const d of a.decisions)
        out.line(`  ${d.decidedAt} ${d.decision} (${d.step}) ${d.reason}${d.note ? `: ${d.note}` : ''} by ${d.actorId ?? 'unknown'}`);
    });

  alerts
    .command('decide')
    .description('Decide an alert; a confirmation is completed by a second person')
    .argument('<id>', 'alert id')
    .addOption(new Option('--decision <d>', 'the decision').choices([...DECISIONS]).makeOptionMandatory())
    .requiredOption('--reason <code>', 'reason code (lower case letters, digits, . _ -)')
    .option('--note <text>', 'a note for the record')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { decision: Decision; reason: string; note?: string; json?: boolean }) => {
      const ctx = await cli.app();
      // The local operator of the CLI holds every permission; four eyes still needs two different operators.
      const r = await decideAlert(ctx, id, { decision: opts.decision, reason: opts.reason, note: opts.note }, { actor: cli.actor, canConfirm: true });
      if (opts.json) return out.json(r);
      out.line(`Alert ${r.id}: ${r.previousStatus} → ${r.status}${r.status === 'pending-confirmation' ? ' (a second person must confirm)' : ''}.`);
    });
}
