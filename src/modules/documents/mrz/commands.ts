// `vigil mrz parse [--json] [LINE…]`: reads one MRZ from its lines (arguments or stdin); exit 0 valid, 1 invalid, 2 nothing given.
import type { Command } from 'commander';
import { systemClock } from '../../../platform/clock.js';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { parseMrz } from '../../../core/mrz/index.js';
import { fieldRows, markedLines, problemLines, verdictLine } from './present.js';

/** Standard input is read up to this many bytes; more is no MRZ and the parser says so. */
const MAX_STDIN = 64 * 1024;

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > MAX_STDIN) {
      process.stdin.destroy();
      break;
    }
  }
  return text;
}

export function mrzCommands(program: Command, cli: CliContext): void {
  const mrz = program.command('mrz').description('Machine readable zones of passports, ID cards and visas (ICAO Doc 9303)');
  mrz
    .command('parse')
    .description('Read and check one MRZ (TD1, TD2, TD3, MRV-A, MRV-B); its lines as arguments or on standard input. Exit 0 valid, 1 invalid')
    .argument('[lines...]', 'the MRZ lines (quote them: `<` is special to the shell)')
    .option('--json', 'machine-readable output')
    .action(async (lines: string[], opts: { json?: boolean }) => {
      let input: string | string[] = lines;
      if (!lines.length) {
        if (process.stdin.isTTY) throw new CliError(EXIT.usage, 'give the MRZ lines as arguments or on standard input');
        input = await readStdin();
      }
      const r = parseMrz(input, { today: systemClock.now() });
      if (opts.json) cli.out.json(r);
      else {
        cli.out.line(verdictLine(r));
        for (const l of markedLines(r)) cli.out.line(l);
        if (Object.keys(r.fields).length) cli.out.table(fieldRows(r), ['field', 'value', 'raw', 'at', 'ok']);
        for (const l of problemLines(r)) cli.out.line(l);
      }
      if (!r.valid) throw new CliError(EXIT.rejected, `the MRZ is not valid (${r.errors.length} problem${r.errors.length === 1 ? '' : 's'})`);
    });
}
