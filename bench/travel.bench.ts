// Passenger-data parsing benchmarks: a 500-passenger PAXLST and a 300-traveller PNRGOV, against a naive split and JSON.parse.
import { paxlstFor, planFlight, pnrgovFor } from '../src/modules/travel/generator/index.js';
import { parseTravel } from '../src/modules/travel/parse.js';
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

async function suite(title: string, text: string, travellers: number, target: number | null): Promise<void> {
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
  rows.push({ ...parse, baseline: base });
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

export async function travelBench(): Promise<void> {
  const flight = planFlight(2026, { passengers: 500, crew: 12 });
  await suite('PAXLST, 500 passengers', paxlstFor(flight), 500, 2);
  await suite('PNRGOV 13.1, 300 travellers', pnrgovFor(planFlight(2027, { passengers: 300 })), 300, null);
  // Loaded only now, so the parse figures above are not slowed by the whole application in memory.
  await (await import('./travel-intake.bench.js')).travelIntakeBench();
}
