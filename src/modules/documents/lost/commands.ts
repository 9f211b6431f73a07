// CLI of the registry: `vigil documents lost import|ls|check|activate`; exit 1 for a rejected import or a reported document.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext, noun } from '../../../platform/cli/context.js';
import { activateLost } from './activate.js';
import { importReports, LostImportError, type LostImportResult } from './import.js';
import { fileInput } from './input.js';
import { describeProblem } from './parse.js';
import { checkLost, registrySummary } from './store.js';
import { lost } from './tables.js';

/** The `documents` noun, shared by the parts of the module. */
export const documentsNoun = (program: Command): Command =>
  noun(program, 'documents', 'Travel documents: the document check, the lost and stolen registry, trusted certificates');

const describeImport = (r: LostImportResult) =>
  r.status === 'unchanged'
    ? `Registry: the same input as version ${r.version}; nothing changed.`
    : `Registry version ${r.version}${r.activated ? ' (active)' : ''}: ${r.total.toLocaleString('en')} reports (${Object.entries(r.counts)
        .map(([s, n]) => `${s} ${n.toLocaleString('en')}`)
        .join(
          ', ',
        )}); ${r.changes.added} added, ${r.changes.changed} changed, ${r.changes.removed} removed${r.changes.duplicates ? `, ${r.changes.duplicates} repeated lines` : ''}.`;

export function lostCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const registry = documentsNoun(program).command('lost').description('The lost and stolen documents registry: import reports, versions, check a document');

  registry
    .command('import')
    .description('Import reports (CSV with header issuingCountry,documentType,documentNumber,status,reportedOn, or JSON lines) as a new version')
    .argument('<file>', 'the CSV or JSON lines file')
    .option('--add', 'add to (or update) the latest version instead of replacing the registry')
    .option('--no-activate', 'keep the active version; activate the new one later with `vigil documents lost activate`')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { add?: boolean; activate: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const input = await fileInput(file);
      let r: LostImportResult;
      try {
        r = await importReports(ctx, { ...input, mode: opts.add ? 'add' : 'replace', activate: opts.activate, actor: cli.actor });
      } catch (err) {
        if (err instanceof LostImportError) {
          if (opts.json) out.json({ status: 'rejected', problems: err.problems });
          else for (const p of err.problems) out.info(`${file}: ${describeProblem(p)}`);
          throw new CliError(EXIT.rejected, `import rejected: ${err.problems.length} problem(s); nothing was changed`);
        }
        throw err;
      }
      if (opts.json) out.json(r);
      else out.line(describeImport(r));
    });

  registry
    .command('ls')
    .description('Versions of the registry, newest first, with their counts')
    .option('--json', 'machine-readable output: {"activeVersion","versions":[…]}')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const s = await registrySummary(lost(ctx.db.kysely));
      if (opts.json) return out.json(s);
      if (!s.versions.length) return out.line('The registry has no version yet: import reports with `vigil documents lost import FILE`.');
      out.table(
        s.versions.map((v) => ({
          version: v.version,
          active: v.active ? 'yes' : '',
          importedAt: v.importedAt,
          mode: v.mode,
          total: v.total,
          counts: Object.entries(v.counts).map(([k, n]) => `${k}:${n}`),
          file: v.file,
        })),
        ['version', 'active', 'importedAt', 'mode', 'total', 'counts', 'file'],
      );
    });

  registry
    .command('check')
    .description('Is this document reported? Exit 0 not reported, 1 reported (exact or fuzzy)')
    .argument('<country>', 'issuing country: ICAO 9303 code, ISO alpha-2 or alpha-3')
    .argument('<number>', 'document number (OCR confusions, leading zeros, spaces and hyphens tolerated)')
    .option('--json', 'machine-readable output: {"match":"exact|fuzzy|none","version","hits":[…]}')
    .action(async (country: string, number: string, opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const r = await checkLost(lost(ctx.db.kysely), country, number);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'documents.lost.check',
        actor: cli.actor,
        details: { version: r.version, match: r.match, hits: r.hits.map((h) => h.id) },
      });
      if (opts.json) out.json(r);
      else if (r.version === null) out.line('The registry has no version yet: nothing to check against.');
      else if (r.match === 'none') out.line(`Not reported (registry version ${r.version}).`);
      else
        for (const h of r.hits)
          out.line(
            `${h.match.toUpperCase()}: ${h.issuingCountry.icao} ${h.documentType ?? ''} ${h.documentNumber} reported ${h.status}${h.reportedOn ? ` on ${h.reportedOn}` : ''}${h.detail ? ` (${h.detail})` : ''}`.replace(
              /\s+/g,
              ' ',
            ),
          );
      if (r.match !== 'none') throw new CliError(EXIT.rejected, `document reported ${r.hits[0]!.status} (${r.match} match)`);
    });

  registry
    .command('activate')
    .description('Make a version of the registry active (or roll back to an older one)')
    .argument('<version>', 'version number')
    .option('--json', 'machine-readable output')
    .action(async (v: string, opts: { json?: boolean }) => {
      if (!/^\d{1,9}$/.test(v)) throw new CliError(EXIT.usage, `"${v}" is not a version number`);
      const ctx = await cli.app();
      const r = await activateLost(ctx, Number(v), { actor: cli.actor });
      if (opts.json) return out.json(r);
      out.line(r.changed ? `Registry version ${v} is active (was ${r.previousVersion ?? 'none'}).` : `Registry version ${v} was already active.`);
    });
}
