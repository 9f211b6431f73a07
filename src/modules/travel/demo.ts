// Demo traffic: invented travellers on real routes through Vienna, today and tomorrow, as API and PNR messages received like any other.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { paxlstFor, planFlight, pnrgovFor } from './generator/index.js';
import { receiveMessage } from './intake/receive.js';
import { assembleMessage } from './intake/assemble.js';

const ROUTES: ReadonlyArray<readonly [carrier: string, origin: string, destination: string]> = [
  ['OS', 'FRA', 'VIE'],
  ['LH', 'VIE', 'FRA'],
  ['TK', 'IST', 'VIE'],
  ['OS', 'VIE', 'IST'],
  ['QR', 'DOH', 'VIE'],
  ['EK', 'DXB', 'VIE'],
  ['OS', 'VIE', 'CDG'],
  ['AF', 'CDG', 'VIE'],
];

export async function travelDemo(ctx: AppContext): Promise<string[]> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const tomorrow = new Date(ctx.clock.now().getTime() + 86400_000).toISOString().slice(0, 10);
  let travellers = 0;
  let flights = 0;
  for (const [i, date] of [today, tomorrow].entries()) {
    for (const [j, [carrier, origin, destination]] of ROUTES.entries()) {
      let plan;
      try {
        plan = planFlight(4242 + i * 100 + j, { date, carrier, origin, destination, passengers: 30 + ((j * 37) % 90), crew: 6 });
      } catch (err) {
        ctx.log.warn({ err, carrier, origin, destination }, 'travel demo: cannot plan this flight');
        continue;
      }
      // One carrier's messages deviate from the guides the way real ones do: they show up as data-quality findings.
      const quirks = carrier === 'QR' ? { severalPerLine: true, mixedCaseNames: true, wrongCounts: true, junkAfterUnz: true } : {};
      for (const text of [pnrgovFor(plan, { quirks }), paxlstFor(plan, { quirks }), paxlstFor(plan, { list: 'crew', quirks })]) {
        const r = await receiveMessage(ctx, Buffer.from(text, 'utf8'), { channel: 'cli', actor: SYSTEM_ACTOR });
        if (r.status === 'accepted' && !r.duplicate) await assembleMessage(ctx, r.id);
      }
      flights++;
      travellers += plan.passengers.length + plan.crew.length;
    }
  }
  return [`Passenger data: ${flights} demo flights with ${travellers} invented travellers (API and PNR) for ${today} and ${tomorrow}.`];
}
