// CLI of the cbm module: `vigil cbm contacts import|ls|export`, `vigil cbm check start|report|ls`.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import { cliCaller } from './access.js';
import { parseContactsJsonl } from './contacts-import.js';
import { importContacts, listContacts } from './contacts.js';
import { listRounds, roundReport } from './report.js';
import { startRound } from './rounds.js';
import { contactsBundle } from './stix.js';
import { CONTACT_KINDS, type ContactKind } from './tables.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (s: number | null) => (s === null ? '—' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

export function cbmCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const cbm = program.command('cbm').description('Cyber confidence-building measures: points of contact, communication checks');
  const contacts = cbm.command('contacts').description('The directory of points of contact');

  contacts
    .command('import')
    .description('Import points of contact from JSON lines {"state","kind","organisation","name","email","phone","languages"}; all or nothing')
    .argument('<file>', 'JSON-lines file, or - for standard input')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (err) {
        throw new CliError(EXIT.notFound, `Cannot read ${file}: ${(err as Error).message}`);
      }
      const { contacts: parsed, problems } = parseContactsJsonl(text);
      if (problems.length) {
        if (opts.json) out.json({ imported: false, problems });
        for (const p of problems.slice(0, 50)) out.info(`${file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.reason}`);
        throw new CliError(EXIT.rejected, `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}: nothing was imported.`);
      }
      if (!parsed.length) throw new CliError(EXIT.rejected, `${file} holds no contacts.`);
      const ctx = await cli.app();
      const counts = await importContacts(ctx, parsed, cliCaller(cli.actor));
      if (opts.json) return out.json({ imported: true, ...counts });
      out.line(`Imported ${parsed.length} contacts: ${counts.created} new, ${counts.updated} changed, ${counts.unchanged} unchanged (re-confirmed).`);
    });

  contacts
    .command('ls')
    .description('List points of contact; stale ones were not re-confirmed within VIGIL_CBM_RECONFIRM_DAYS')
    .option('--state <cc>', 'only this State (ISO alpha-2)')
    .addOption(new Option('--kind <kind>', 'only policy or technical contacts').choices([...CONTACT_KINDS]))
    .option('--stale', 'only stale contacts')
    .option('--json', 'machine-readable output')
    .action(async (opts: { state?: string; kind?: ContactKind; stale?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listContacts(ctx, { state: opts.state?.toLowerCase(), kind: opts.kind, stale: opts.stale ? true : undefined });
      if (opts.json) return out.json({ items });
      if (!items.length) return out.line('No points of contact.');
      out.table(
        items.map((c) => ({
          id: c.id,
          state: c.state,
          kind: c.kind,
          name: c.name,
          organisation: c.organisation,
          email: c.email,
          verified: c.lastVerifiedAt ?? 'never',
          stale: c.stale ? 'STALE' : '',
        })),
        ['id', 'state', 'kind', 'name', 'organisation', 'email', 'verified', 'stale'],
      );
    });

  contacts
    .command('export')
    .description('Print the directory as a STIX 2.1 bundle of identities with the OASIS contact-information extension')
    .option('--state <cc>', 'only this State (ISO alpha-2)')
    .action(async (opts: { state?: string }) => {
      const ctx = await cli.app();
      const items = await listContacts(ctx, { state: opts.state?.toLowerCase() });
      await ctx.audit.record(ctx.db.kysely, { action: 'cbm.contact.export', actor: cli.actor, details: { contacts: items.length } });
      out.json(contactsBundle(items, `${ctx.clock.now().toISOString()}|${items.map((i) => `${i.id}@${i.version}`).join(',')}`));
    });

  const check = cbm.command('check').description('Communication checks of the points of contact');

  check
    .command('start')
    .description('Start a round: every chosen contact gets a one-time link by mail (VIGIL_SMTP_URL) and in the workbench')
    .addOption(new Option('--kind <kind>', 'only policy or technical contacts').choices([...CONTACT_KINDS]))
    .option('--state <cc...>', 'only these States (ISO alpha-2)')
    .option('--window-hours <n>', 'answers after this many hours count as late', '48')
    .option('--json', 'machine-readable output')
    .action(async (opts: { kind?: ContactKind; state?: string[]; windowHours: string; json?: boolean }) => {
      const windowHours = Number(opts.windowHours);
      if (!Number.isInteger(windowHours)) throw new CliError(EXIT.usage, '--window-hours must be a whole number');
      const ctx = await cli.app();
      const r = await startRound(ctx, { kind: opts.kind, states: opts.state?.map((s) => s.toLowerCase()), windowHours }, cliCaller(cli.actor));
      if (!ctx.config.smtpUrl) out.info('VIGIL_SMTP_URL is not set: the checks wait in the web workbench only.');
      if (r.failed) out.info(`${r.failed} message${r.failed === 1 ? '' : 's'} could not be delivered; see the report.`);
      if (opts.json) return out.json({ roundId: r.roundId, sent: r.sent, emailed: r.emailed, failed: r.failed });
      out.line(`Round ${r.roundId}: ${r.sent} contacts checked, ${r.emailed} mailed, ${r.failed} failed.`);
    });

  check
    .command('report')
    .description('Report of a round: response rate, time to acknowledge (p50, p90), late and unreachable contacts, per State')
    .argument('<roundId>', 'round id')
    .option('--json', 'machine-readable output')
    .action(async (roundId: string, opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const r = await roundReport(ctx, roundId);
      if (opts.json) {
        const { messages: _m, ...rest } = r;
        return out.json(rest);
      }
      out.line(`Round ${r.roundId} (${r.kind}), started ${r.startedAt}, answers due by ${r.deadlineAt}`);
      out.line(
        `  ${r.answered} of ${r.sent} answered (${pct(r.responseRate)}); p50 ${secs(r.p50Seconds)}, p90 ${secs(r.p90Seconds)}; ${r.late} late, ${r.pending} pending`,
      );
      for (const u of r.unreachable) out.line(`  unreachable: ${u.state} ${u.kind} ${u.contactName} (${u.reason})`);
      out.table(
        r.perState.map((s) => ({
          state: s.state,
          sent: s.sent,
          answered: s.answered,
          rate: pct(s.responseRate),
          p50: secs(s.p50Seconds),
          p90: secs(s.p90Seconds),
          late: s.late,
        })),
        ['state', 'sent', 'answered', 'rate', 'p50', 'p90', 'late'],
      );
    });

  check
    .command('ls')
    .description('Rounds, newest first, with their figures')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listRounds(ctx);
      if (opts.json) return out.json({ items });
      if (!items.length) return out.line('No communication checks yet.');
      out.table(
        items.map((r) => ({
          round: r.roundId,
          kind: r.kind,
          started: r.startedAt,
          sent: r.sent,
          answered: r.answered,
          rate: pct(r.responseRate),
          p50: secs(r.p50Seconds),
        })),
        ['round', 'kind', 'started', 'sent', 'answered', 'rate', 'p50'],
      );
    });
}
