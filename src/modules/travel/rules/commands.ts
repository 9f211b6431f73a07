// `vigil travel rules add|ls|show|edit|test|enable|disable|stats` and `travel rules lists ls|show|set`: targeting rules from the CLI.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { AppError } from '../../../platform/errors.js';
import { testRule, type RuleTestResult } from './history.js';
import { ruleStats } from './hits.js';
import { getList, latestLists, setList } from './lists.js';
import { createRule, getRule, listRules, setRuleEnabled, updateRule, type RuleView } from './rules.js';
import { ru } from './tables.js';

const describe = (r: RuleView) => `${r.id} v${r.version} ${r.enabled ? 'enabled' : 'disabled'}: ${r.name}\n  ${r.expression.replace(/\n/g, '\n  ')}`;

/** A refused rule or list: with --json, the problem as JSON on stdout; always exit 1 with the reason on stderr. */
async function refusing<T>(json: boolean | undefined, out: CliContext['out'], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation-failed') {
      if (json)
        out.json({
          error: {
            code: err.code,
            detail: err.detail,
            field: err.extra.field ?? null,
            line: err.extra.line ?? null,
            column: err.extra.column ?? null,
            offset: err.extra.offset ?? null,
          },
        });
      throw new CliError(EXIT.rejected, `refused: ${err.detail}`);
    }
    throw err;
  }
}

function printTest(out: CliContext['out'], r: RuleTestResult) {
  out.line(
    `${r.ruleId ? `Rule ${r.ruleId} v${r.version}` : 'Expression'} over flights of ${r.period.from} to ${r.period.to}: ${r.hits.travellers} of ${r.scanned.travellers} travellers on ${r.hits.flights} of ${r.scanned.flights} flights would have been hit.`,
  );
  for (const s of r.sample) out.line(`  ${s.flightId} traveller ${s.travellerId}: ${s.detail}`);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string) => {
  if (!DAY.test(v)) throw new CliError(EXIT.usage, `"${v}" is not a date as YYYY-MM-DD`);
  return v;
};

export function rulesCommands(travel: Command, cli: CliContext): void {
  const { out } = cli;
  const rules = travel.command('rules').description('Targeting rules written by analysts: add, test against stored traffic, enable');

  rules
    .command('add')
    .description('Write a rule (disabled until enabled: test it first); a rule using a sensitive characteristic is refused (exit 1)')
    .requiredOption('--name <name>', 'what the rule looks for')
    .requiredOption('--expr <expression>', 'the condition, e.g. \'route.countries in list "high-risk-routes" and booking.oneWay\'')
    .option('--description <text>', 'why the rule exists')
    .option('--enable', 'enable it at once')
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; expr: string; description?: string; enable?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const r = await refusing(o.json, out, () =>
        createRule(ctx, { name: o.name, expression: o.expr, description: o.description, enabled: !!o.enable }, { actor: cli.actor }),
      );
      if (o.json) out.json(r);
      else out.line(`Added ${describe(r)}`);
    });

  rules
    .command('ls')
    .description('Rules at their current versions')
    .option('--json', 'machine-readable output: [{"id","version","name","expression","enabled",…}]')
    .action(async (o: { json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listRules(ctx);
      if (o.json) return out.json(items);
      if (!items.length) return out.line('No rules yet: write one with `vigil travel rules add --name N --expr EXPR`.');
      out.table(
        items.map((r) => ({
          id: r.id,
          version: r.version,
          enabled: r.enabled ? 'yes' : 'no',
          name: r.name,
          expression: r.expression.replace(/\s+/g, ' ').slice(0, 80),
        })),
        ['id', 'version', 'enabled', 'name', 'expression'],
      );
    });

  rules
    .command('show')
    .description('One rule with all its versions')
    .argument('<id>', 'rule id (r1 …)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { json?: boolean }) => {
      const ctx = await cli.app();
      const r = await getRule(ctx, id);
      if (o.json) return out.json(r);
      out.line(describe(r));
      for (const v of r.versions) out.line(`  v${v.version} by ${v.createdBy} at ${v.createdAt}: ${v.expression.replace(/\s+/g, ' ')}`);
    });

  rules
    .command('edit')
    .description('Change a rule: a new version (alerts keep the version that raised them)')
    .argument('<id>', 'rule id')
    .option('--name <name>', 'new name')
    .option('--expr <expression>', 'new condition')
    .option('--description <text>', 'new description')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { name?: string; expr?: string; description?: string; json?: boolean }) => {
      if (o.name === undefined && o.expr === undefined && o.description === undefined) throw new CliError(EXIT.usage, 'give --name, --expr or --description');
      const ctx = await cli.app();
      const r = await refusing(o.json, out, () => updateRule(ctx, id, { name: o.name, expression: o.expr, description: o.description }, { actor: cli.actor }));
      if (o.json) out.json(r);
      else out.line(r.changed ? `Changed: ${describe(r)}` : `Nothing changed: ${r.id} stays at v${r.version}.`);
    });

  rules
    .command('test')
    .description('Run a rule (or --expr) over stored travellers of flights in a period: how many it would have hit, with a sample')
    .argument('[id]', 'rule id (its current version)')
    .option('--expr <expression>', 'test an unsaved expression instead')
    .option('--from <date>', 'first flight date (default: 30 days before --to)', day)
    .option('--to <date>', 'last flight date (default: the latest stored flight)', day)
    .option('--json', 'machine-readable output: {"hits":{"travellers","flights"},"scanned":{…},"sample":[…]}')
    .action(async (id: string | undefined, o: { expr?: string; from?: string; to?: string; json?: boolean }) => {
      if (!id === !o.expr) throw new CliError(EXIT.usage, 'give a rule id or --expr (one of them)');
      const ctx = await cli.app();
      const r = await refusing(o.json, out, () => testRule(ctx, id ? { id } : { expression: o.expr! }, { from: o.from, to: o.to }, { actor: cli.actor }));
      if (o.json) out.json(r);
      else printTest(out, r);
    });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    rules
      .command(verb)
      .description(enabled ? 'Enable a rule: screening applies its current version' : 'Disable a rule: screening stops applying it')
      .argument('<id>', 'rule id')
      .option('--json', 'machine-readable output')
      .action(async (id: string, o: { json?: boolean }) => {
        const ctx = await cli.app();
        const r = await refusing(o.json, out, () => setRuleEnabled(ctx, id, enabled, { actor: cli.actor }));
        if (o.json) out.json(r);
        else out.line(r.changed ? `Rule ${id} v${r.version} is ${verb}d.` : `Rule ${id} was already ${verb}d.`);
      });
  }

  rules
    .command('stats')
    .description('Hits and alert decisions per rule version')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const ctx = await cli.app();
      const s = await ruleStats(ctx);
      if (o.json) return out.json(s);
      if (!s.length) return out.line('No rule has hit anyone yet.');
      out.table(
        s.map((x) => ({
          rule: x.ruleId,
          version: x.version,
          hits: x.hits,
          flights: x.flights,
          alerts: Object.entries(x.alerts).map(([k, n]) => `${k}:${n}`),
          precision: x.precision === null ? '' : `${Math.round(x.precision * 100)}%`,
        })),
        ['rule', 'version', 'hits', 'flights', 'alerts', 'precision'],
      );
    });

  const lists = rules.command('lists').description('Named value lists rules refer to (in list "name"), versioned');
  lists
    .command('ls')
    .description('Lists at their latest versions')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const ctx = await cli.app();
      const items = await latestLists(ru(ctx.db.kysely));
      if (o.json) return out.json(items);
      if (!items.length) return out.line('No lists yet: `vigil travel rules lists set NAME VALUE…`.');
      out.table(
        items.map((l) => ({ name: l.name, version: l.version, entries: l.entries.length, values: l.entries.slice(0, 12).join(' ') })),
        ['name', 'version', 'entries', 'values'],
      );
    });
  lists
    .command('show')
    .argument('<name>', 'list name')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { json?: boolean }) => {
      const ctx = await cli.app();
      const l = await getList(ctx, name);
      if (o.json) return out.json(l);
      out.line(`${l.name} v${l.version} (${l.entries.length} entries; versions ${l.versions.join(', ')})`);
      for (const e of l.entries) out.line(`  ${e}`);
    });
  lists
    .command('set')
    .description('Save a new version of a list (the first creates it): the values given, or one per line of --file')
    .argument('<name>', 'list name: lower-case letters, digits, hyphens')
    .argument('[values...]', 'values (countries, airports, carriers …)')
    .option('--file <file>', 'read values from a file, one per line (# comments)')
    .option('--description <text>', 'what the list holds')
    .option('--json', 'machine-readable output')
    .action(async (name: string, values: string[], o: { file?: string; description?: string; json?: boolean }) => {
      const fromFile = o.file
        ? (await readFile(o.file, 'utf8'))
            .split(/\r?\n/)
            .map((l) => l.replace(/#.*/, '').trim())
            .filter(Boolean)
        : [];
      const entries = [...values, ...fromFile];
      if (!entries.length) throw new CliError(EXIT.usage, 'give values or --file');
      const ctx = await cli.app();
      const r = await refusing(o.json, out, () => setList(ctx, { name, entries, description: o.description }, { actor: cli.actor }));
      if (o.json) out.json(r);
      else out.line(r.changed ? `List ${r.name} v${r.version}: ${r.entries.length} entries.` : `List ${r.name} unchanged at v${r.version}.`);
    });
}
