// CLI of intel: `vigil intel case add|ls`, `import`, `xref`, `pairs`, `decide`, `path`, `export` (the local operator holds every case right).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import type { Caller } from './access.js';
import { createCase, listCases, setMember } from './cases.js';
import { exportCase, EXPORT_FORMATS, type ExportFormat } from './export.js';
import { findPaths } from './graph.js';
import { importIntoCase, IMPORT_FORMATS, type CaseImportFormat } from './import/run.js';
import { checkMapping } from './mappings.js';
import { decidePairs, listPairs, PAIR_DECISIONS, type PairDecision } from './review.js';
import { crossReference } from './xref.js';

function formatOf(file: string, given?: string): CaseImportFormat {
  if (given) return given as CaseImportFormat;
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(file)) return 'ftm';
  throw new CliError(EXIT.usage, `cannot tell the format of ${file} from its name: give --format ${IMPORT_FORMATS.join('|')}`);
}

export function intelCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const caller = (): Caller => ({ actor: cli.actor, operator: true, can: () => true });
  const intel = program.command('intel').description('Criminal intelligence analysis: cases, graded reports, imports, cross-referencing, paths, exports');
  const kase = intel.command('case').description('Cases (investigations)');

  kase
    .command('add')
    .description('Open a case')
    .argument('<name>', 'the case name')
    .option('--description <text>', 'what the case is about')
    .option('--owner <username>', 'a user who owns the case (and so can see it in the web workbench)')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { description?: string; owner?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const c = await createCase(ctx, { name, description: opts.description }, caller());
      if (opts.owner) await setMember(ctx, c.id, { username: opts.owner }, 'owner', caller());
      if (opts.json) return out.json(c);
      out.line(`Case ${c.name} opened (${c.id}).`);
    });

  kase
    .command('ls')
    .description('List cases')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listCases(ctx, caller());
      if (opts.json) return out.json({ items });
      if (!items.length) return out.line('No cases.');
      out.table(items, ['name', 'id', 'entities', 'reports', 'members', 'createdAt']);
    });

  intel
    .command('import')
    .description('Import FtM JSON lines, or a CSV/XLSX with a FollowTheMoney mapping, into a case (one transaction; bad rows reported)')
    .requiredOption('--case <name>', 'the case (name or id)')
    .argument('<file>', 'the file to import')
    .option('--mapping <file>', 'FollowTheMoney mapping (YAML) for CSV and XLSX')
    .addOption(new Option('--format <f>', 'the file format (by default from its extension)').choices([...IMPORT_FORMATS]))
    .addOption(new Option('--encoding <e>', 'CSV text encoding').choices(['utf8', 'latin1']).default('utf8'))
    .option('--sheet <name>', 'XLSX sheet (name or 1-based number; the first by default)')
    .option('--prefix <p>', 'prefix of ids made from mapping keys (the mapping file name by default)')
    .option('--strict', 'import nothing when any row is wrong')
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string,
        opts: {
          case: string;
          mapping?: string;
          format?: string;
          encoding: 'utf8' | 'latin1';
          sheet?: string;
          prefix?: string;
          strict?: boolean;
          json?: boolean;
        },
      ) => {
        const format = formatOf(file, opts.format);
        if (format !== 'ftm' && !opts.mapping) throw new CliError(EXIT.usage, 'a CSV or XLSX import needs --mapping M.yml');
        await stat(file).catch(() => {
          throw new CliError(EXIT.notFound, `no file ${file}`);
        });
        let mapping: { yaml: string; name: string } | undefined;
        if (opts.mapping) {
          const yaml = await readFile(opts.mapping, 'utf8').catch(() => {
            throw new CliError(EXIT.notFound, `no mapping file ${opts.mapping}`);
          });
          mapping = { yaml, name: opts.mapping };
          checkMapping(yaml, opts.mapping);
        }
        const ctx = await cli.app();
        const r = await importIntoCase(
          ctx,
          opts.case,
          { path: file, name: basename(file), format, mapping, encoding: opts.encoding, sheet: opts.sheet, prefix: opts.prefix, strict: opts.strict },
          caller(),
        );
        if (opts.json) out.json(r);
        else {
          out.line(
            `${r.file}: ${r.rows} rows, ${r.entities} entities (${r.added} new, ${r.updated} updated)${r.emptyRows ? `, ${r.emptyRows} empty rows skipped` : ''}${r.written ? '' : ' — nothing written'}.`,
          );
          for (const e of r.errors) out.line(`  line ${e.line}: ${e.detail}`);
          if (r.errorCount > r.errors.length) out.line(`  … and ${r.errorCount - r.errors.length} more`);
        }
        if (r.errorCount) throw new CliError(EXIT.rejected, `${r.errorCount} rows were not imported`);
      },
    );

  intel
    .command('xref')
    .description('Cross-reference a case: propose pairs of probably-same entities within it and against the active lists')
    .requiredOption('--case <name>', 'the case (name or id)')
    .option('--no-lists', 'only within the case')
    .option('--import <id>', 'only the entities of this import (its id as `import` reported it), against the case entities blocking selects')
    .option('--json', 'machine-readable output')
    .action(async (opts: { case: string; lists: boolean; import?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const r = await crossReference(ctx, opts.case, caller(), { lists: opts.lists, ...(opts.import !== undefined ? { importId: opts.import } : {}) });
      if (opts.json) return out.json(r);
      out.line(`${r.entities} entities compared: ${r.proposed} pairs proposed (${r.againstLists} against lists), ${r.known} known already.`);
      if (r.skippedPairs || r.cappedPairs)
        out.line(
          `Not compared: up to ${r.skippedPairs} pairs joined only by a name or identifier too common to select by, ${r.cappedPairs} beyond the candidates per entity.`,
        );
    });

  intel
    .command('pairs')
    .description('Proposed pairs of a case, best first')
    .requiredOption('--case <name>', 'the case (name or id)')
    .option('--open', 'only undecided pairs')
    .option('--json', 'machine-readable output')
    .action(async (opts: { case: string; open?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const r = await listPairs(ctx, opts.case, { ...(opts.open ? { status: 'open' as const } : {}), limit: 500, offset: 0 }, caller());
      if (opts.json) return out.json(r);
      if (!r.items.length) return out.line('No pairs.');
      out.table(
        r.items.map((p) => ({
          id: p.id,
          status: p.status,
          score: p.score.toFixed(3),
          left: `${p.left.caption} (${p.left.id})`,
          right: `${p.right.caption} (${p.right.id})`,
          source: p.source,
        })),
        ['id', 'status', 'score', 'left', 'right', 'source'],
      );
    });

  intel
    .command('decide')
    .description('Decide proposed pairs: yes merges both sides into one entity')
    .requiredOption('--case <name>', 'the case (name or id)')
    .argument('<pairIds...>', 'pair ids')
    .addOption(new Option('--decision <d>', 'the decision').choices([...PAIR_DECISIONS]).makeOptionMandatory())
    .option('--json', 'machine-readable output')
    .action(async (ids: string[], opts: { case: string; decision: PairDecision; json?: boolean }) => {
      const ctx = await cli.app();
      const r = await decidePairs(
        ctx,
        opts.case,
        ids.map((pairId) => ({ pairId, decision: opts.decision })),
        caller(),
      );
      if (opts.json) return out.json({ items: r });
      for (const d of r) out.line(`${d.pairId}: ${d.status}${d.canonicalId ? ` → ${d.canonicalId}` : ''}`);
    });

  intel
    .command('path')
    .description('Shortest path between two entities (ids as imported), link entities included; --all for every path up to --max-length')
    .requiredOption('--case <name>', 'the case (name or id)')
    .argument('<from>', 'entity id')
    .argument('<to>', 'entity id')
    .option('--max-length <n>', 'longest path in links')
    .option('--all', 'every path up to --max-length (default 4), shortest first')
    .option('--json', 'machine-readable output: {"paths":[[id,…],…]}')
    .action(async (from: string, to: string, opts: { case: string; maxLength?: string; all?: boolean; json?: boolean }) => {
      const maxLength = opts.maxLength === undefined ? undefined : Number(opts.maxLength);
      if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 10))
        throw new CliError(EXIT.usage, '--max-length takes a whole number from 1 to 10');
      const ctx = await cli.app();
      const r = await findPaths(ctx, opts.case, { from, to, maxLength, all: opts.all }, caller());
      if (opts.json) out.json({ paths: r.paths });
      else if (!r.paths.length) out.line(`No path from ${from} to ${to}${maxLength ? ` within ${maxLength} links` : ''}.`);
      else for (const p of r.paths) out.line(p.join(' → '));
      if (!r.paths.length) throw new CliError(EXIT.rejected, 'no path');
    });

  intel
    .command('export')
    .description('Export the resolved graph of a case to stdout')
    .requiredOption('--case <name>', 'the case (name or id)')
    .addOption(new Option('--format <f>', 'export format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .action(async (opts: { case: string; format: ExportFormat }) => {
      const ctx = await cli.app();
      for (const chunk of await exportCase(ctx, opts.case, opts.format, caller())) process.stdout.write(chunk);
    });
}
