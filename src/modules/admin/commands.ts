// CLI of administration: `vigil user …`, `vigil org …`, `vigil token …`.
import { Option, type Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { CliError, EXIT } from '../../platform/cli/context.js';
import { generatePassword, ROLE_NAMES } from '../../platform/auth/index.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError(EXIT.usage, '--password-stdin reads the password from standard input; pipe it in');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > 4096) throw new CliError(EXIT.rejected, 'the password on standard input is longer than 4096 bytes');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function adminCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const by = { actor: cli.actor };

  const user = program.command('user').description('Manage users and machine accounts');

  user
    .command('add')
    .description('Create a user (a person, or with --machine an account that signs in with API tokens)')
    .argument('<name>', 'user name (lower case letters, digits, . _ - @)')
    .addOption(new Option('--role <role>', `role, repeatable (${ROLE_NAMES.join(', ')})`).argParser(collect).makeOptionMandatory())
    .option('--org <name-or-id>', 'organisation (default: the first one)')
    .option('--display-name <text>', 'name shown in the workbench')
    .option('--machine', 'a machine account (carrier, partner system) without a password')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { role: string[]; org?: string; displayName?: string; machine?: boolean; passwordStdin?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const d = ctx.auth.directory;
      let orgId: string | undefined;
      if (opts.org) {
        const org = (await d.listOrgs()).find((o) => o.id === opts.org || o.name.toLowerCase() === opts.org!.toLowerCase());
        if (!org) throw new CliError(EXIT.notFound, `organisation ${opts.org} does not exist (see: vigil org ls)`);
        orgId = org.id;
      }
      if (opts.machine && opts.passwordStdin) throw new CliError(EXIT.usage, '--machine accounts have no password');
      const generated = !opts.machine && !opts.passwordStdin ? generatePassword() : undefined;
      const password = opts.passwordStdin ? await readStdin() : generated;
      const created = await d.createUser(
        { username: name, displayName: opts.displayName ?? name, orgId, kind: opts.machine ? 'machine' : 'person', roles: opts.role, password },
        by,
      );
      if (opts.json) out.json({ ...created, ...(generated ? { initialPassword: generated } : {}) });
      else {
        out.line(`Created ${created.kind} ${created.username} (${created.id}) in ${created.orgName} with roles ${created.roles.join(', ')}.`);
        if (generated) out.line(`Initial password (shown only now): ${generated}`);
      }
    });

  user
    .command('ls')
    .description('List users')
    .option('--all', 'include disabled users')
    .option('--org <id>', 'only this organisation')
    .option('--json', 'machine-readable output')
    .action(async (opts: { all?: boolean; org?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const users = await ctx.auth.directory.listUsers({ includeDisabled: opts.all, orgId: opts.org });
      if (opts.json) out.json(users);
      else
        out.table(
          users.map((u) => ({ ...u, disabled: u.disabled ? 'yes' : '' })),
          ['username', 'displayName', 'kind', 'orgName', 'roles', 'disabled', 'lastLoginAt'],
        );
    });

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(verb)
      .description(disabled ? 'Disable a user: their sessions end and their tokens stop working' : 'Enable a disabled user')
      .argument('<name>', 'user name')
      .option('--json', 'machine-readable output')
      .action(async (name: string, opts: { json?: boolean }) => {
        const ctx = await cli.app();
        const u = await ctx.auth.directory.requireUser(name);
        const updated = await ctx.auth.directory.updateUser(u.id, { disabled }, by);
        if (opts.json) out.json(updated);
        else out.line(`${updated.username} is ${disabled ? 'disabled' : 'enabled'}.`);
      });
  }

  user
    .command('passwd')
    .description('Set a person\u2019s password (generated and shown once unless --password-stdin); ends their sessions')
    .argument('<name>', 'user name')
    .option('--password-stdin', 'read the new password from standard input')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { passwordStdin?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const u = await ctx.auth.directory.requireUser(name);
      const generated = opts.passwordStdin ? undefined : generatePassword();
      await ctx.auth.directory.setPassword(u.id, generated ?? (await readStdin()), by);
      if (opts.json) out.json({ id: u.id, ...(generated ? { password: generated } : {}) });
      else out.line(generated ? `New password for ${u.username} (shown only now): ${generated}` : `Password of ${u.username} changed.`);
    });

  const org = program.command('org').description('Manage organisations (agencies and partners)');
  org
    .command('add')
    .description('Create an organisation')
    .argument('<name>', 'its name')
    .addOption(new Option('--kind <kind>', 'agency of this State or a partner').choices(['agency', 'partner']).default('agency'))
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country code')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { kind: 'agency' | 'partner'; country?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const created = await ctx.auth.directory.createOrg({ name, kind: opts.kind, country: opts.country }, by);
      if (opts.json) out.json(created);
      else out.line(`Created organisation ${created.name} (${created.id}).`);
    });
  org
    .command('ls')
    .description('List organisations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const orgs = await ctx.auth.directory.listOrgs();
      if (opts.json) out.json(orgs);
      else
        out.table(
          orgs.map((o) => ({ ...o, disabled: o.disabled ? 'yes' : '' })),
          ['id', 'name', 'kind', 'country', 'userCount', 'disabled'],
        );
    });

  const token = program.command('token').description('Manage API tokens of users and machine accounts');
  token
    .command('add')
    .description('Create an API token; the token is printed only here')
    .requiredOption('--user <name>', 'the user or machine account it acts as')
    .option('--name <text>', 'what it is for', 'cli')
    .option('--scope <permission>', 'limit it to this permission, repeatable (default: all the user holds)', collect)
    .option('--expires <date>', 'ISO 8601 date or instant after which it stops working')
    .option('--json', 'machine-readable output: {"id","token"}')
    .action(async (opts: { user: string; name: string; scope?: string[]; expires?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const u = await ctx.auth.directory.requireUser(opts.user);
      const created = await ctx.auth.credentials.createToken({ userId: u.id, name: opts.name, scopes: opts.scope, expiresAt: opts.expires }, by);
      if (opts.json) out.json({ id: created.id, token: created.token });
      else {
        out.line(`Token ${created.id} for ${u.username} (shown only now; store it safely):`);
        out.line(created.token);
      }
    });
  token
    .command('rm')
    .description('Revoke an API token')
    .argument('<id>', 'token id (tok_…)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const ctx = await cli.app();
      await ctx.auth.credentials.revokeToken(id, by);
      if (opts.json) out.json({ id, revoked: true });
      else out.line(`Token ${id} revoked.`);
    });
  token
    .command('ls')
    .description('List API tokens (never their secrets)')
    .option('--user <name>', 'only this user\u2019s')
    .option('--json', 'machine-readable output')
    .action(async (opts: { user?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const userId = opts.user ? (await ctx.auth.directory.requireUser(opts.user)).id : undefined;
      const tokens = await ctx.auth.credentials.listTokens({ userId });
      if (opts.json) out.json(tokens);
      else out.table(tokens, ['id', 'username', 'name', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt']);
    });
}
