// CLI of the taxii module: `vigil taxii collection add|ls`, `vigil taxii partner add|ls`, `vigil stix import`.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { addCollection, findCollection, listCollections, listPartnerGrants, setPartnerGrant } from './collections.js';
import { FULL_ACCESS } from './access.js';
import { stixCommands } from './commands-stix.js';
import { syncCommands } from './commands-sync.js';

export function taxiiCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const taxii = program.command('taxii').description('TAXII 2.1 server: collections and the partners that may read or write them');
  const collection = taxii.command('collection').description('Collections of STIX objects served over TAXII');

  collection
    .command('add')
    .description('Create a collection')
    .requiredOption('--title <title>', 'title shown to partners')
    .option('--api-root <name>', 'API root', 'default')
    .option('--alias <alias>', 'short name usable instead of the id in URLs')
    .option('--description <text>', 'description shown to partners')
    .option('--json', 'machine-readable output')
    .action(async (opts: { title: string; apiRoot: string; alias?: string; description?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const c = await addCollection(ctx.db, ctx.audit, opts, { actor: cli.actor }, ctx.clock.now().toISOString());
      if (opts.json) return out.json({ id: c.id });
      out.line(`Collection ${c.id} "${c.title}" in API root ${c.apiRoot}: /taxii2/${c.apiRoot}/collections/${c.id}/`);
    });

  collection
    .command('ls')
    .description('List collections')
    .option('--api-root <name>', 'only this API root')
    .option('--json', 'machine-readable output')
    .action(async (opts: { apiRoot?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const all = await listCollections(ctx.db.kysely, opts.apiRoot);
      if (opts.json) return out.json(all);
      if (!all.length) return out.line('No collections.');
      out.table(
        all.map((c) => ({ id: c.id, apiRoot: c.apiRoot, alias: c.alias ?? '', title: c.title })),
        ['id', 'apiRoot', 'alias', 'title'],
      );
    });

  const partner = taxii.command('partner').description('Partner organisations: rights per collection and the highest TLP they may receive');
  partner
    .command('add')
    .description('Grant an organisation read and/or write rights on a collection, with its highest TLP')
    .argument('<org>', 'organisation id or name')
    .requiredOption('--collection <id>', 'collection id or alias (API root default) ')
    .option('--read', 'may read the collection')
    .option('--write', 'may add objects to the collection')
    .requiredOption('--max-tlp <level>', 'highest TLP it may receive: clear (white), green, amber, amber+strict, red')
    .option('--api-root <name>', 'API root of the collection', 'default')
    .option('--json', 'machine-readable output')
    .action(async (org: string, opts: { collection: string; read?: boolean; write?: boolean; maxTlp: string; apiRoot: string; json?: boolean }) => {
      if (!opts.read && !opts.write) throw new CliError(EXIT.usage, 'Give --read, --write or both.');
      const ctx = await cli.app();
      const found = org.startsWith('org_') ? await ctx.auth.directory.getOrg(org).catch(() => undefined) : await ctx.auth.directory.findOrgByName(org);
      if (!found) throw new CliError(EXIT.notFound, `No organisation ${org} (see vigil org ls).`);
      const c = await findCollection(ctx.db.kysely, opts.apiRoot, opts.collection, FULL_ACCESS);
      if (!c) throw new CliError(EXIT.notFound, `No collection ${opts.collection} in API root ${opts.apiRoot}.`);
      const g = await setPartnerGrant(
        ctx.db,
        ctx.audit,
        { orgId: found.id, collectionId: c.id, read: !!opts.read, write: !!opts.write, maxTlp: opts.maxTlp },
        { actor: cli.actor },
        ctx.clock.now().toISOString(),
      );
      if (opts.json) return out.json(g);
      out.line(
        `${g.orgName} may ${[g.canRead && 'read', g.canWrite && 'write'].filter(Boolean).join(' and ')} collection ${c.id}, up to TLP:${g.maxTlp.toUpperCase()}.`,
      );
    });

  partner
    .command('ls')
    .description('List partners and their rights')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const all = await listPartnerGrants(ctx.db.kysely);
      if (opts.json) return out.json(all);
      if (!all.length) return out.line('No partners.');
      out.table(
        all.map((g) => ({ org: g.orgName, collection: g.collectionId, read: g.canRead ? 'yes' : 'no', write: g.canWrite ? 'yes' : 'no', maxTlp: g.maxTlp })),
        ['org', 'collection', 'read', 'write', 'maxTlp'],
      );
    });

  syncCommands(taxii, cli);
  stixCommands(program, cli);
}
