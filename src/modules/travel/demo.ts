// Demo traffic: invented travellers on real routes through Vienna, today and tomorrow, as API and PNR messages received like any other.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { paxlstFor, planFlight, pnrgovFor, type FlightPlan, type PlannedTraveller } from './generator/index.js';
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

/**
 * Two invented people of the other demos travel tomorrow, so the passenger alerts have something to show: John Specimen on the
 * UTO passport the lost and stolen registry has as stolen, and Testperson Quuxley, who is on the demo national list.
 */
const PLANTED: Record<string, Pick<PlannedTraveller, 'surname' | 'givenNames' | 'sex' | 'birthDate' | 'nationality' | 'document'>> = {
  'TK IST-VIE': {
    surname: 'SPECIMEN',
    givenNames: 'JOHN',
    sex: 'M',
    birthDate: '1980-02-29',
    nationality: 'UTO',
    document: { code: 'P', number: 'X00481527', issuingCountry: 'UTO', expiry: '2033-09-17' },
  },
  'QR DOH-VIE': {
    surname: 'QUUXLEY',
    givenNames: 'TESTPERSON',
    sex: 'M',
    birthDate: '1971-03-14',
    nationality: 'RUS',
    document: { code: 'P', number: 'X70219344', issuingCountry: 'RUS', expiry: '2031-05-02' },
  },
};

function plant(plan: FlightPlan, key: string): void {
  const who = PLANTED[key];
  const first = plan.passengers[0];
  if (who && first) Object.assign(first, who, { title: 'MR' });
}

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
      if (i === 1) plant(plan, `${carrier} ${origin}-${destination}`);
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
  return [
    `Passenger data: ${flights} demo flights with ${travellers} invented travellers (API and PNR) for ${today} and ${tomorrow}.`,
    `  On ${tomorrow}, John Specimen (stolen passport, TK from Istanbul) and Testperson Quuxley (national list, QR from Doha) raise alerts: Travel → Alerts.`,
  ];
}
