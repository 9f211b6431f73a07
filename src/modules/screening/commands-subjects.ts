// CLI `vigil screening subjects add|ls`: subjects registered for ongoing screening.
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { currentIndex } from './index-state.js';
import { validateQuery } from './query.js';
import { listSubjects, registerSubject } from './subjects.js';

export function subjectsCommands(program: Command, cli: CliContext): void {
  const subjects = program.command('screening').description('Ongoing screening').command('subjects').description('Subjects re-screened on every list change');
  subjects
    .command('add')
    .description('Register a subject; it is screened at once, and matches raise alerts')
    .argument('<name>', 'the subject\u2019s name')
    .option('--birth-date <date>', 'birth date, ISO 8601')
    .option('--nationality <country>', 'country')
    .option('--gender <g>', 'male, female or other')
    .option('--schema <schema>', 'FtM schema (default Person)')
    .option('--reference <id>', 'your own id of the subject')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { birthDate?: string; nationality?: string; gender?: string; schema?: string; reference?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const { index } = await currentIndex(ctx);
      const q = validateQuery(
        { id: opts.reference, name, birthDate: opts.birthDate, nationality: opts.nationality, gender: opts.gender, schema: opts.schema },
        index,
      );
      const r = await registerSubject(ctx, q, { actor: cli.actor });
      if (opts.json) return cli.out.json(r);
      cli.out.line(`Subject ${r.subject.id} registered; ${r.result.matches.length} matches, ${r.alerts.length} new alerts.`);
    });
  subjects
    .command('ls')
    .description('List registered subjects')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const r = await listSubjects(ctx, { limit: 10000, offset: 0 });
      if (opts.json) return cli.out.json(r);
      if (!r.items.length) return cli.out.line('No subjects.');
      cli.out.table(
        r.items.map((s) => ({
          id: s.id,
          reference: s.reference ?? '',
          schema: s.query.schema ?? 'Person',
          created: s.createdAt,
          screened: s.lastScreenedAt ?? '',
        })),
        ['id', 'reference', 'schema', 'created', 'screened'],
      );
    });
}
