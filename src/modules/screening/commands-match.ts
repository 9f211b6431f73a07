// CLI `vigil match`: two names, or the pairs of FtM entities of an NDJSON file, scored with the explanation.
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { CliError, EXIT } from '../../platform/cli/context.js';
import { splitLines } from './batch.js';
import { readInput, sink } from './cli-io.js';
import { entityOf, matchLine, matchPair } from './pairs.js';

export function matchCommand(program: Command, cli: CliContext): void {
  program
    .command('match')
    .description('Score two names, or the pairs of FtM entities of an NDJSON file, with the explanation')
    .argument('[nameA]', 'first name')
    .argument('[nameB]', 'second name')
    .option('--schema <schema>', 'FtM schema of both names (default Person)', 'Person')
    .option('--input <file>', 'NDJSON lines {"id","left","right"}, each side an FtM entity')
    .option('--output <file>', 'with --input: write the result lines here instead of standard output')
    .option('--json', 'machine-readable output')
    .action(async (a: string | undefined, b: string | undefined, opts: { schema: string; input?: string; output?: string; json?: boolean }) => {
      if (opts.input) {
        if (a || b) throw new CliError(EXIT.usage, 'give either two names or --input FILE, not both');
        const text = await readInput(opts.input);
        const out = sink(cli, opts.output);
        let n = 0;
        let rejected = 0;
        try {
          for (const line of splitLines(text)) {
            n++;
            if (!line.trim()) continue;
            const r = matchLine(line, n);
            if ('error' in r) rejected++;
            out.write(r);
          }
        } finally {
          await out.close();
        }
        if (rejected) throw new CliError(EXIT.rejected, `${rejected} pairs rejected (see their error lines)`);
        return;
      }
      if (!a || !b) throw new CliError(EXIT.usage, 'give two names, or --input FILE');
      const side = (n: string, id: string) => entityOf({ id, schema: opts.schema, properties: { name: [n] } }, id);
      const r = matchPair(side(a, 'left'), side(b, 'right'), null);
      if (opts.json) return cli.out.json(r);
      cli.out.line(`${r.score.toFixed(3)} ${r.match ? 'match' : 'no match'}`);
      for (const e of r.explanation) cli.out.line(`  ${e.feature} ${e.score >= 0 ? '+' : ''}${e.score.toFixed(3)}  ${e.detail}`);
    });
}
