// CLI of screening: `vigil screen` (one name or a file), with `vigil match` and `vigil screening subjects` beside it.
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { CliError, EXIT } from '../../platform/cli/context.js';
import { currentIndex } from './index-state.js';
import { validateQuery } from './query.js';
import { screenQuery, type ContractMatch } from './service.js';
import { screenBatch, splitLines, type BatchSummary } from './batch.js';
import { csvQueries } from './csv.js';
import { matchCommand } from './commands-match.js';
import { minScoreOf, readInput, sink } from './cli-io.js';
import { subjectsCommands } from './commands-subjects.js';

function printMatches(cli: CliContext, matches: ContractMatch[]): void {
  if (!matches.length) return cli.out.line('No match at or above the threshold.');
  for (const m of matches) {
    cli.out.line(`${m.score.toFixed(3)}  ${m.caption}  (${m.schema} ${m.entityId}; ${m.lists.join(', ')})`);
    for (const e of m.explanation) cli.out.line(`         ${e.feature} ${e.score >= 0 ? '+' : ''}${e.score.toFixed(3)}  ${e.detail}`);
  }
}

export function screeningCommands(program: Command, cli: CliContext): void {
  program
    .command('screen')
    .description('Screen a name (or a file of queries) against the active watchlists; exit 0 whether or not it matches')
    .argument('[name]', 'the name to screen')
    .option('--birth-date <date>', 'birth date, ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--nationality <country>', 'ISO alpha-2 or alpha-3, ICAO code or English name')
    .option('--gender <g>', 'male, female or other')
    .option('--document <number>', 'a document number (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--schema <schema>', 'FtM schema of the query (default Person)')
    .option('--min-score <s>', 'report matches from this score (lower than the threshold)')
    .option('--input <file>', 'screen every query of an NDJSON (.ndjson, .jsonl) or CSV (.csv) file')
    .option('--output <file>', 'with --input: write the result lines here instead of standard output')
    .option('--json', 'machine-readable output')
    .action(
      async (
        name: string | undefined,
        opts: {
          birthDate?: string;
          nationality?: string;
          gender?: string;
          document?: string[];
          schema?: string;
          minScore?: string;
          input?: string;
          output?: string;
          json?: boolean;
        },
      ) => {
        const minScore = minScoreOf(opts.minScore);
        if (!name && !opts.input) throw new CliError(EXIT.usage, 'give a name to screen, or --input FILE');
        if (name && opts.input) throw new CliError(EXIT.usage, 'give either a name or --input FILE, not both');
        const ctx = await cli.app();
        if (opts.input) {
          const text = await readInput(opts.input);
          const csv = /\.csv$/i.test(opts.input);
          const summary: BatchSummary = { lines: 0, screened: 0, rejected: 0, withMatches: 0 };
          const out = sink(cli, opts.output);
          try {
            for await (const line of screenBatch(ctx, csv ? csvQueries(text) : splitLines(text), { actor: cli.actor, minScore, summary })) out.write(line);
          } finally {
            await out.close();
          }
          cli.out.info(`${summary.screened} screened, ${summary.withMatches} with matches, ${summary.rejected} rejected.`);
          if (summary.rejected) throw new CliError(EXIT.rejected, `${summary.rejected} of ${summary.lines} queries rejected (see their error lines)`);
          return;
        }
        const { index } = await currentIndex(ctx);
        const q = validateQuery(
          { name, birthDate: opts.birthDate, nationality: opts.nationality, gender: opts.gender, documents: opts.document, schema: opts.schema },
          index,
        );
        const run = await screenQuery(ctx, q, { actor: cli.actor, minScore });
        if (opts.json) return cli.out.json(run.result);
        printMatches(cli, run.result.matches);
      },
    );

  matchCommand(program, cli);
  subjectsCommands(program, cli);
}
