// Passenger-data benchmarks: parsing a 500-passenger PAXLST and a 300-traveller PNRGOV (against a naive split and JSON.parse),
// the event hops of the pipeline (received → assembled → screened), then intake end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paxlstFor, planFlight, pnrgovFor } from '../src/modules/travel/generator/index.js';
import { parseTravel } from '../src/modules/travel/parse.js';
import { systemClock } from '../src/platform/clock.js';
import { openSqlite } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createEmbeddedTransport, createOutbox, eventsMigrations, type ConsumerDef, type EventTransport, type Outbox } from '../src/platform/events/index.js';
import { createLogger } from '../src/platform/log.js';
import { report, scaled, timeEach, type Measure, type Row } from './harness.js';

/** The cheapest possible reading: split on terminator, element and component separators, no release characters, no meaning. */
function naiveSplit(text: string): number {
  let n = 0;
  for (const seg of text.split("'")) for (const el of seg.trim().split('+')) n += el.split(':').length;
  return n;
}

/** CPU milliseconds per call (user + system of this process): steadier than wall time on a shared machine. */
function cpuMs(n: number, op: () => unknown): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) op();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

const p50 = (m: Measure) => [...m.latencies!].sort((a, b) => a - b)[Math.floor(m.latencies!.length / 2)]!;

/**
 * The generator builds its text by concatenation; intake hands the parser text decoded from the received bytes (one flat
 * string). Every contender below reads the message in that received form.
 */
const asReceived = (generated: string) => new TextDecoder().decode(new TextEncoder().encode(generated));

/**
 * Each contender runs in a block of its own after a shared warm-up, so the collection of its own garbage is charged to
 * it, as in an intake worker that only parses (interleaving would charge the parser for the baselines' garbage too).
 */
async function suite(title: string, generated: string, travellers: number, target: number | null): Promise<void> {
  const text = asReceived(generated);
  const parsed = parseTravel(text);
  const m = parsed.messages[0]!;
  if (!parsed.ok || m.travellers.length !== travellers) throw new Error(`${title}: generated message did not parse back (${m?.travellers.length} travellers)`);
  const json = JSON.stringify(parsed);
  const n = scaled(400, 20);
  // Steady state, as an intake worker runs: let the JIT optimise every contender before timing.
  for (let i = 0; i < scaled(200, 50); i++) {
    naiveSplit(text);
    JSON.parse(json);
    parseTravel(text);
  }
  const rows: Row[] = [await timeEach('naive split on separators (baseline)', n, () => naiveSplit(text))];
  const base = rows[0]!.name;
  rows.push({ ...(await timeEach('JSON.parse of the same data as JSON', n, () => JSON.parse(json))), baseline: base });
  const parse = await timeEach('parseTravel (tokenise + envelope + read)', n, () => parseTravel(text));
  const bytes = new TextEncoder().encode(text);
  const fromBytes = await timeEach('parseTravel from the bytes, as intake calls it (decode + parse)', n, () => parseTravel(bytes));
  rows.push({ ...parse, baseline: base }, { ...fromBytes, baseline: base });
  report(
    `${title}: ${(text.length / 1024).toFixed(0)} KB EDIFACT, ${parsed.segmentCount} segments, JSON equivalent ${(json.length / 1024).toFixed(0)} KB`,
    rows,
  );
  const parseCpu = cpuMs(n, () => parseTravel(text));
  const cpu = [cpuMs(n, () => naiveSplit(text)), cpuMs(n, () => JSON.parse(json)), parseCpu];
  console.log(
    `${title}: CPU per message: naive split ${cpu[0]!.toFixed(3)} ms, JSON.parse ${cpu[1]!.toFixed(3)} ms, parseTravel ${cpu[2]!.toFixed(3)} ms ` +
      `(${(cpu[2]! / cpu[0]!).toFixed(1)}x the naive split)`,
  );
  const ms = p50(parse);
  console.log(
    `${title}: parseTravel p50 ${ms.toFixed(3)} ms per message, ${(parse.ops / parse.seconds).toFixed(0)} msgs/s, ` +
      `${((travellers * parse.ops) / parse.seconds).toFixed(0)} travellers/s` +
      (target ? `; target < ${target} ms: ${ms < target ? 'met' : 'NOT met'}` : ''),
  );
}

/**
 * The pipeline's two event hops with empty handlers, on the embedded transport over SQLite as the server wires it (the
 * outbox kicks the transport, default 500 ms poll): a message event committed → `assemble` commits a flight event in its
 * own transaction → `screen` has handled it. Baseline: the same three transactions called one after another, no transport.
 */
async function eventHopsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-events-'));
  const db = openSqlite(join(dir, 'events.sqlite'));
  let transport: EventTransport | undefined;
  const alive = setInterval(() => {}, 1000); // the transport's timers do not hold the process open; a server would
  try {
    await migrate(db, [eventsMigrations], systemClock);
    const outbox: Outbox = createOutbox(systemClock, { onEmit: () => transport?.kick() });
    const waiting = new Map<number, () => void>();
    const assemble = (n: number) => db.transaction(async (trx) => void (await outbox.emit(trx, { topic: 'bench.flight-updated', payload: { n } })));
    const screened = (n: number) =>
      db.transaction(async (trx) => void (await trx.selectFrom('outbox').select('id').limit(1).execute())).then(() => waiting.get(n)?.());
    const consumers: ConsumerDef[] = [
      { name: 'bench.assemble', topics: ['bench.received'], handle: (e) => assemble((e.payload as { n: number }).n) },
      { name: 'bench.screen', topics: ['bench.flight-updated'], handle: (e) => screened((e.payload as { n: number }).n) },
    ];
    const received = (n: number) => db.transaction(async (trx) => void (await outbox.emit(trx, { topic: 'bench.received', payload: { n } })));
    const n = scaled(300, 40);
    const rows: Row[] = [
      await timeEach('the three transactions called directly (baseline)', n, async (i) => {
        await received(-1 - i);
        await assemble(-1 - i);
        await screened(-1 - i);
      }),
    ];
    transport = createEmbeddedTransport({ db, clock: systemClock, log: createLogger('silent') });
    await transport.start(consumers);
    const hop = await timeEach('received → assembled → screened through the embedded transport', n, async (i) => {
      const done = new Promise<void>((resolve) => waiting.set(i, resolve));
      await received(i);
      transport!.kick(); // as intake does after its commit
      await done;
      waiting.delete(i);
    });
    rows.push({ ...hop, baseline: rows[0]!.name });
    report('Event hops of the passenger pipeline (embedded SQLite, empty handlers; the poll interval is 500 ms)', rows);
  } finally {
    clearInterval(alive);
    await transport?.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `BENCH_TRAVEL=parse` runs only the parsers, `BENCH_TRAVEL=intake` only the pipeline (with `BENCH_MINUTES=10` for the
 * issue's ten-minute sustained run); all of it by default.
 */
export async function travelBench(): Promise<void> {
  const only = process.env.BENCH_TRAVEL;
  if (only !== 'intake') {
    const flight = planFlight(2026, { passengers: 500, crew: 12 });
    await suite('PAXLST, 500 passengers', paxlstFor(flight), 500, 2);
    await suite('PNRGOV 13.1, 300 travellers', pnrgovFor(planFlight(2027, { passengers: 300 })), 300, null);
  }
  if (only === 'parse') return;
  await eventHopsBench();
  // Loaded only now, so the parse figures above are not slowed by the whole application in memory.
  await (await import('./travel-intake.bench.js')).travelIntakeBench();
}
