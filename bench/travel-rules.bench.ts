// Targeting rules: travellers per second through 20 compiled rules, against the same checks hand-written in TypeScript and view building.
import { planTraffic, pnrgovFor } from '../src/modules/travel/generator/index.js';
import { parseTravel } from '../src/modules/travel/parse.js';
import { compileRuleSet, evaluateRules, travellerView, type TravellerView } from '../src/modules/travel/rules/index.js';
import { BENCH_LISTS, BENCH_RULES } from '../src/modules/travel/rules/bench-rules.js';
import type { FlightFacts } from '../src/modules/travel/rules/view.js';
import type { Traveller } from '../src/modules/travel/types.js';
import { report, scaled, timeBatch, type Row } from './harness.js';

/** Stored traffic as screening sees it: generated PNRGOV pushes parsed back, one view input per traveller. */
function traffic(flights: number): Array<{ t: Traveller; f: FlightFacts; party: number }> {
  const out: Array<{ t: Traveller; f: FlightFacts; party: number }> = [];
  for (const plan of planTraffic(2026, { flights, passengers: 300 })) {
    const m = parseTravel(pnrgovFor(plan)).messages[0]!;
    const fl = m.flights[0]!;
    const date = fl.legs[0]?.departure?.local?.slice(0, 10) ?? '2026-12-01';
    const f: FlightFacts = {
      id: `${fl.key}-${date}`,
      carrier: fl.carrier,
      number: fl.number,
      date,
      direction: 'inbound',
      departureUtc: fl.legs[0]?.departure?.utc ?? null,
      arrivalUtc: fl.legs.at(-1)?.arrival?.utc ?? null,
      legs: fl.legs,
    };
    const party = new Map<string, number>();
    for (const t of m.travellers) if (t.booking?.recordLocator) party.set(t.booking.recordLocator, (party.get(t.booking.recordLocator) ?? 0) + 1);
    for (const t of m.travellers) out.push({ t, f, party: party.get(t.booking?.recordLocator ?? '') ?? 1 });
  }
  return out;
}

/** The first three bench rules written by hand: what a rule engine should come close to. */
const HIGH_RISK = new Set(BENCH_LISTS[0]!.values.map((v) => v.toLowerCase()));
function handWritten(v: TravellerView): number {
  let n = 0;
  const b = v.booking;
  if (
    v.route.countries.some((c) => HIGH_RISK.has(c)) &&
    b.oneWay === true &&
    b.paidCash === true &&
    b.hoursBeforeDeparture !== null &&
    b.hoursBeforeDeparture < 48
  )
    n++;
  if (v.flight.departure !== null && b.created !== null && v.flight.departure - b.created < 24 * 3_600_000 && b.paidCash === true) n++;
  if (b.oneWay === true && b.travellers === 1 && b.bags === 0 && v.route.legCount >= 2) n++;
  return n;
}

export async function travelRulesBench(): Promise<void> {
  const inputs = traffic(scaled(40, 2));
  const lists = new Map(BENCH_LISTS.map((l) => [l.name, l]));
  const rules = BENCH_RULES.map((expression, i) => ({ id: `r${i + 1}`, version: 1, name: `rule ${i + 1}`, expression }));
  const compileStart = process.hrtime.bigint();
  const set20 = compileRuleSet(rules, lists);
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  if (set20.broken.length || set20.rules.length !== 20) throw new Error(`bench rules did not compile: ${JSON.stringify(set20.broken)}`);
  const set3 = compileRuleSet(rules.slice(0, 3), lists);
  const views = inputs.map((x, i) => travellerView(`t${i}`, x.t, x.f, x.party));
  const rounds = scaled(20, 3);
  const n = views.length * rounds;
  let sink = 0;
  // Warm-up so every contender runs optimised.
  for (const v of views) sink += handWritten(v) + evaluateRules(set20, v).length + evaluateRules(set3, v).length;

  const rows: Row[] = [
    await timeBatch('3 rules hand-written in TypeScript (baseline)', n, () => {
      for (let r = 0; r < rounds; r++) for (const v of views) sink += handWritten(v);
    }),
  ];
  const base = rows[0]!.name;
  rows.push({
    ...(await timeBatch('the same 3 rules compiled', n, () => {
      for (let r = 0; r < rounds; r++) for (const v of views) sink += evaluateRules(set3, v).length;
    })),
    baseline: base,
  });
  rows.push({
    ...(await timeBatch('20 rules compiled (travellers through all 20)', n, () => {
      for (let r = 0; r < rounds; r++) for (const v of views) sink += evaluateRules(set20, v).length;
    })),
    baseline: base,
  });
  rows.push({
    ...(await timeBatch('building the traveller view (per traveller, once for all rules)', n, () => {
      for (let r = 0; r < rounds; r++) for (const [i, x] of inputs.entries()) sink += travellerView(`t${i}`, x.t, x.f, x.party).route.legCount;
    })),
    baseline: base,
  });
  report(`Targeting rules: ${views.length} generated PNR travellers x ${rounds} rounds; 20 rules compiled in ${compileMs.toFixed(1)} ms`, rows);
  const hits = views.reduce((k, v) => k + evaluateRules(set20, v).length, 0);
  const r20 = rows[2]!;
  const build = rows[3]!;
  const perTraveller = r20.seconds / r20.ops + build.seconds / build.ops;
  console.log(
    `travel rules: ${(r20.ops / r20.seconds).toFixed(0)} travellers/s through 20 rules; with the view built ${(1 / perTraveller).toFixed(0)} travellers/s; ` +
      `${hits} hits on ${views.length} travellers (${sink > 0 ? 'checked' : 'none'})`,
  );
}
