// CLI of the watchlists module: `vigil lists ls|diff|show|activate`; import and export in commands-import.ts, fetch and sources in commands-fetch.ts.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { getList, listSummaries } from './store.js';
import { diffVersions } from './diff.js';
import { viewEntity } from './entity-view.js';
import { activate } from './versions.js';
import { wl } from './tables.js';
import { fetchCommands } from './commands-fetch.js';
import { importCommands, version } from './commands-import.js';
import { printView } from './commands-text.js';

export function watchlistsCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const lists = program.command('lists').description('Sanctions and national watchlists: import, versions, diffs, entities, fetching');
  importCommands(lists, cli);

  lists
    .command('ls')
    .description('Lists with their versions and counts')
    .option('--json', 'machine-readable output: [{"name","activeVersion","versions":[{"version","importedAt","sha256","counts"}]}]')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const all = await listSummaries(wl(ctx.db.kysely));
      if (opts.json) return out.json(all);
      out.table(
        all.map((l) => {
          const active = l.versions.find((v) => v.active);
          return { ...l, versions: l.versions.length, listed: active?.total ?? '', importedAt: active?.importedAt ?? '' };
        }),
        ['name', 'title', 'format', 'activeVersion', 'versions', 'listed', 'importedAt'],
      );
    });

  lists
    .command('diff')
    .description('Listed entities added, removed and changed between two versions (default: the active one and the one before)')
    .argument('<name>', 'list name')
    .option('--from <version>', 'older version (default: the one before --to; 0 means empty)', version)
    .option('--to <version>', 'newer version (default: active)', version)
    .option('--json', 'machine-readable output: {"added":[id…],"removed":[id…],"changed":[{"id","properties":[…]}]}')
    .action(async (name: string, opts: { from?: string; to?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const d = await diffVersions(wl(ctx.db.kysely), await getList(wl(ctx.db.kysely), name), opts.from, opts.to);
      if (opts.json)
        return out.json({
          list: d.list,
          from: d.from,
          to: d.to,
          added: d.added.map((e) => e.id),
          removed: d.removed.map((e) => e.id),
          changed: d.changed.map((e) => ({ id: e.id, properties: e.properties })),
        });
      out.line(`List ${d.list}, version ${d.from} → ${d.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
      for (const e of d.added) out.line(`+ ${e.id}  ${e.schema}  ${e.caption}`);
      for (const e of d.removed) out.line(`- ${e.id}  ${e.schema}  ${e.caption}`);
      for (const e of d.changed) out.line(`~ ${e.id}  ${e.schema}  ${e.caption}: ${e.properties.join(', ')}`);
    });

  lists
    .command('show')
    .description('An entity: properties, the lists holding it, auxiliaries and related entities (the view is audited)')
    .argument('<id>', 'entity id, e.g. un-QDi.430')
    .option('--list <name>', 'show it from this list')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { list?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const view = await viewEntity(ctx, id, opts.list, { actor: cli.actor });
      if (opts.json) out.json(view);
      else printView(out, view);
    });

  lists
    .command('activate')
    .description('Make a version of a list active (or roll back to an older one)')
    .argument('<name>', 'list name')
    .argument('<version>', 'version number')
    .option('--json', 'machine-readable output')
    .action(async (name: string, v: string, opts: { json?: boolean }) => {
      if (!/^\d{1,9}$/.test(v)) throw new CliError(EXIT.usage, `"${v}" is not a version number`);
      const ctx = await cli.app();
      const r = await activate(ctx, name, Number(v), { actor: cli.actor });
      if (opts.json) return out.json({ name, activeVersion: r.list.activeVersion, previousVersion: r.previousVersion, changed: r.changed });
      out.line(r.changed ? `List ${name}: version ${v} is active (was ${r.previousVersion ?? 'none'}).` : `List ${name}: version ${v} was already active.`);
    });

  fetchCommands(lists, cli);
}
