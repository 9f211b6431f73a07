// `vigil travel ingest|flights|manifest|messages`: send passenger messages from files and read what was assembled.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext, noun } from '../../../platform/cli/context.js';
import { assembleMessage } from './assemble.js';
import { MAX_MESSAGE_BYTES, receiveMessage, type ReceiveOutcome } from './receive.js';
import { getManifest, listFlights, listMessages } from './queries.js';

async function readInput(file: string): Promise<Buffer> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > MAX_MESSAGE_BYTES + 1) break;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The contract's lines: one per message of the interchange, or one error line for the file. */
export function ingestLines(file: string, o: ReceiveOutcome): object[] {
  if (o.status === 'rejected') {
    const e = o.error;
    return [
      {
        file,
        id: o.id,
        duplicate: o.duplicate,
        error: {
          code: e?.code ?? 'no-message',
          segment: e?.tag ?? null,
          element: e?.element ?? null,
          offset: e?.offset ?? null,
          detail: e?.detail ?? 'no message in it',
        },
      },
    ];
  }
  return o.messages.map((m) =>
    m.error
      ? {
          file,
          id: o.id,
          messageRef: m.messageRef,
          error: { code: m.error.code, segment: m.error.tag, element: m.error.element, offset: m.error.offset, detail: m.error.detail },
        }
      : {
          id: o.id,
          messageRef: m.messageRef,
          sender: o.sender,
          type: m.type,
          flights: m.flights,
          travellers: m.travellers,
          findings: [...o.findings, ...m.findings].map((f) => ({ code: f.code, segment: f.tag, offset: f.offset, detail: f.detail })),
          duplicate: o.duplicate,
        },
  );
}

/** The `travel` noun, shared by the parts of the module. */
export const travelNoun = (program: Command): Command =>
  noun(program, 'travel', 'Passenger data (API and PNR): intake, flights, manifests, screening, rules, retention');

/** Adds the intake verbs to `vigil travel`; returns it for the other parts' commands. */
export function intakeCommands(program: Command, cli: CliContext): Command {
  const travel = travelNoun(program);

  travel
    .command('ingest')
    .description('Receive API (PAXLST) or PNR (PNRGOV) interchanges from files (- for stdin); exit 1 if any was rejected')
    .argument('<files...>', 'EDIFACT files, or - for stdin')
    .option('--json', 'one JSON line per message: {"messageRef","sender","type","flights","travellers","findings","duplicate"} or {"file","error"}')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const ctx = await cli.app();
      let rejected = 0;
      for (const file of files) {
        let raw: Buffer;
        try {
          raw = await readInput(file);
        } catch (err) {
          throw new CliError(EXIT.notFound, `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        const outcome = await receiveMessage(ctx, raw, { channel: 'cli', actor: cli.actor });
        // Assembled at once, so the flight is there when the command returns; a running server finds it done.
        if (outcome.status === 'accepted' && !outcome.duplicate) await assembleMessage(ctx, outcome.id);
        const lines = ingestLines(file, outcome);
        rejected += lines.filter((l) => 'error' in l).length;
        for (const l of lines) {
          if (opts.json) cli.out.ndjson(l);
          else if ('error' in l) {
            const e = (l as { error: { code: string; segment: string | null; offset: number | null; detail: string } }).error;
            cli.out.line(`${file}: rejected (${e.code}${e.segment ? ` at ${e.segment}` : ''}${e.offset !== null ? `, offset ${e.offset}` : ''}): ${e.detail}`);
          } else {
            const m = l as { type: string; messageRef: string; flights: { id: string | null }[]; travellers: number; findings: unknown[]; duplicate: boolean };
            cli.out.line(
              `${file}: ${m.duplicate ? 'duplicate of an earlier message' : 'accepted'} ${m.type} ${m.messageRef}: ${m.flights.map((f) => f.id ?? 'undated flight').join(', ')}; ${m.travellers} travellers; ${m.findings.length} findings`,
            );
          }
        }
      }
      if (rejected) throw new CliError(EXIT.rejected, `${rejected} message(s) rejected`);
    });

  const flights = travel.command('flights').description('Flights assembled from the messages');
  flights
    .command('ls')
    .description('Flights, by date')
    .option('--date <date>', 'scheduled local date of the first leg, YYYY-MM-DD')
    .option('--json', 'machine-readable output')
    .action(async (opts: { date?: string; json?: boolean }) => {
      if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new CliError(EXIT.usage, `--date: "${opts.date}" is not a date YYYY-MM-DD`);
      const ctx = await cli.app();
      const { items } = await listFlights(ctx, { date: opts.date, limit: 500, offset: 0 });
      if (opts.json) return cli.out.json(items);
      cli.out.table(
        items.map((f) => ({ ...f, route: [f.origin, f.destination].join('-'), departure: f.departure.local ?? '' })),
        ['id', 'route', 'departure', 'direction', 'status', 'passengers', 'crew', 'pnrs', 'messages'],
      );
    });

  travel
    .command('manifest')
    .description('Who is on a flight')
    .command('show')
    .argument('<flightId>', 'e.g. LH0400-2026-12-01')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const ctx = await cli.app();
      const m = await getManifest(ctx, id, { actor: cli.actor });
      if (opts.json) return cli.out.json(m);
      cli.out.line(`${m.flight.id} ${m.flight.origin ?? '?'}-${m.flight.destination ?? '?'} ${m.flight.passengers} passengers, ${m.flight.crew} crew`);
      cli.out.table(
        m.travellers.map((t) => ({ ...t, name: `${t.surname}, ${t.givenNames}`, document: [t.documentCountry, t.documentNumber].filter(Boolean).join(' ') })),
        ['role', 'name', 'birthDate', 'nationality', 'document', 'recordLocator', 'cancelled'],
      );
    });

  travel
    .command('messages')
    .description('Received messages')
    .command('ls')
    .option('--rejected', 'only messages that could not be used')
    .option('--json', 'machine-readable output')
    .action(async (opts: { rejected?: boolean; json?: boolean }) => {
      const ctx = await cli.app();
      const { items } = await listMessages(ctx, { status: opts.rejected ? 'rejected' : undefined, limit: 500, offset: 0 });
      if (opts.json) return cli.out.json(items);
      cli.out.table(items, ['id', 'receivedAt', 'sender', 'type', 'channel', 'status', 'findings', 'duplicates']);
    });
  return travel;
}
