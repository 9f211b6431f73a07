// CLI of the document check: `vigil documents check --mrz LINES [--chip DIR] [--json]`; exit 0 clear, 1 attention or stop.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { documentsNoun } from '../lost/commands.js';
import { checkDocument, type DocumentCheck } from './check.js';
import { chipFromDir } from './chip.js';

const MARK = { stop: '✖', attention: '!', info: '·' } as const;

function print(out: CliContext['out'], r: DocumentCheck): void {
  out.line(`${r.verdict.toUpperCase()}  (check ${r.id})`);
  for (const x of r.reasons) out.line(`  ${MARK[x.severity]} ${x.detail}`);
  const f = r.mrz.fields;
  if (r.mrz.format) {
    out.line('');
    out.line(`  ${r.mrz.format}  ${[f.lastName?.value, f.firstNames?.value].filter(Boolean).join(', ')}`);
    const at = (k: string) => (f[k] ? `${f[k].value ?? f[k].raw}${f[k].valid ? '' : ' (invalid)'}` : '');
    out.line(`  document ${at('documentNumber')}  issued by ${r.mrz.issuingCountry?.icao ?? '?'}  expires ${at('expiryDate')}`);
    out.line(`  born ${at('birthDate')}  sex ${at('sex')}  nationality ${r.mrz.nationalityCountry?.icao ?? '?'}`);
  }
  for (const s of r.mrz.suggestions) out.line(`  corrected reading: ${s.lines.join(' ')}`);
  for (const m of r.holder?.matches ?? []) out.line(`  holder match: ${m.caption} (${m.entityId}, ${m.lists.join(', ')}, score ${m.score.toFixed(2)})`);
}

export function checkCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  documentsNoun(program)
    .command('check')
    .description('Check a travel document: MRZ, expiry, lost and stolen registry, holder screening, chip. Exit 0 clear, 1 attention or stop')
    .requiredOption('--mrz <lines...>', 'the MRZ lines (quote each: they hold <), or one argument with line breaks')
    .option('--chip <dir>', 'folder with the chip files read (EF.SOD and DG1, DG2 …)')
    .option('--json', 'machine-readable output: {"id","verdict","reasons":[…],"mrz","lost","holder","chip"}')
    .action(async (opts: { mrz: string[]; chip?: string; json?: boolean }) => {
      const lines = opts.mrz.flatMap((l) => l.split(/\\n|\r?\n/)).filter((l) => l.trim());
      if (!lines.length) throw new CliError(EXIT.usage, '--mrz needs the lines of the MRZ');
      const ctx = await cli.app();
      const chip = opts.chip ? await chipFromDir(opts.chip) : null;
      const r = await checkDocument(ctx, { mrz: lines, chip }, cli.actor);
      if (opts.json) out.json(r);
      else print(out, r);
      if (r.verdict !== 'clear') throw new CliError(EXIT.rejected, `verdict ${r.verdict}: ${r.reasons[0]?.detail ?? ''}`);
    });
}
