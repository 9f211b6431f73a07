// CLI of TAXII subscriptions: `vigil taxii subscribe URL --collection ID`, `vigil taxii sync`.
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { FULL_ACCESS } from './access.js';
import { findCollection } from './collections.js';
import { addSubscription, listSubscriptions, syncDue } from './subscriptions.js';

export function syncCommands(taxii: Command, cli: CliContext): void {
  const { out } = cli;
  taxii
    .command('subscribe')
    .description("Subscribe to a partner's TAXII collection: its objects are synced into a local collection on a schedule")
    .argument('<url>', "the partner's collection URL, ending in /collections/<id>/")
    .requiredOption('--collection <id>', 'local collection id or alias (API root default) receiving the objects')
    .option('--token-env <VAR>', 'environment variable holding the bearer token (the secret is never stored)')
    .option('--basic-env <VAR>', 'environment variable holding user:password for HTTP Basic')
    .option('--every <seconds>', 'sync period', '3600')
    .option('--json', 'machine-readable output')
    .action(async (url: string, opts: { collection: string; tokenEnv?: string; basicEnv?: string; every: string; json?: boolean }) => {
      if (opts.tokenEnv && opts.basicEnv) throw new CliError(EXIT.usage, 'Give --token-env or --basic-env, not both.');
      const ctx = await cli.app();
      const c = await findCollection(ctx.db.kysely, 'default', opts.collection, FULL_ACCESS);
      if (!c) throw new CliError(EXIT.notFound, `No collection ${opts.collection} in API root default.`);
      const authKind = opts.tokenEnv ? 'bearer' : opts.basicEnv ? 'basic' : 'none';
      const sub = await addSubscription(
        ctx,
        { url, collectionId: c.id, authKind, authEnv: opts.tokenEnv ?? opts.basicEnv, everySeconds: Number(opts.every) },
        { actor: cli.actor },
      );
      if (opts.json) return out.json({ id: sub.id, url: sub.url, collectionId: sub.collection_id, everySeconds: sub.every_seconds });
      out.line(`Subscription ${sub.id}: ${sub.url} into collection ${c.id}, every ${sub.every_seconds} s (run now with: vigil taxii sync).`);
    });

  taxii
    .command('sync')
    .description('Sync every subscription now (the server also does it on schedule); exit 1 if one failed')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      if (!(await listSubscriptions(ctx)).length) return opts.json ? out.json([]) : out.line('No subscriptions.');
      const results = await syncDue(ctx, { all: true });
      if (opts.json) out.json(results);
      else
        for (const r of results)
          out.line(
            'error' in r ? `${r.id}: failed: ${r.error}` : `${r.id}: ${r.added} added, ${r.present} already present, ${r.rejected} rejected (${r.pages} pages)`,
          );
      if (results.some((r) => 'error' in r)) throw new CliError(EXIT.rejected, 'a subscription failed to sync');
    });
}
