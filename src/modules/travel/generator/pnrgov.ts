// Writes a planned flight's bookings as PNRGOV (10.1–13.1): one SRC group per PNR with DOCS, tickets, payment, seats, bags.
import type { FlightPlan } from './plan.js';
import { airimpDate, message, nameCase, pnrDateTime, unbDateTime, writeInterchange, type Quirks, type Seg } from './write.js';

export interface PnrgovOptions {
  version?: '10.1' | '11.1' | '12.1' | '13.1';
  quirks?: Quirks;
}

/** One PNRGOV interchange (full push, MSG 22) with every PNR that has a passenger on the flight. */
export function pnrgovFor(plan: FlightPlan, o: PnrgovOptions = {}): string {
  const q = o.quirks ?? {};
  const [major, minor] = (o.version ?? '13.1').split('.') as [string, string];
  const c = plan.carrier.iata;
  const [depD, depT] = pnrDateTime(plan.departureLocal);
  const [arrD, arrT] = pnrDateTime(plan.arrivalLocal);
  const tvl = (cls: string | null): Seg => [
    'TVL',
    [depD, depT, arrD, arrT],
    plan.origin.iata,
    plan.destination.iata,
    c,
    cls ? [plan.number, cls] : plan.number,
  ];
  const body: Seg[] = [['MSG', ['', '22']], ['ORG', [c, plan.carrier.hub]], tvl(null), ['EQN', String(plan.pnrs.length + (q.wrongCounts ? 1 : 0))]];
  for (const pnr of plan.pnrs) {
    const [cd, ct] = pnrDateTime(pnr.created);
    body.push(
      ['SRC'],
      ['RCI', [c, pnr.recordLocator, '', cd, ct]],
      ['DAT', ['700', ...pnrDateTime(plan.prepared)]],
      ['IFT', ['4', '28', '', c], `CTCE ${pnr.email.replace('@', '//')}`],
    );
    pnr.travellers.forEach((i, k) => {
      const t = plan.passengers[i]!;
      const ref = String(k + 1);
      const docs = `/${t.document.code}/${t.document.issuingCountry}/${t.document.number}/${t.nationality}/${airimpDate(t.birthDate)}/${t.sex}/${airimpDate(t.document.expiry)}/${t.surname}/${t.givenNames.replace(' ', '/')}`;
      body.push(
        ['TIF', nameCase(q, t.surname), [nameCase(q, `${t.givenNames}${t.title ? ` ${t.title}` : ''}`), 'A', ref]],
        ['SSR', ['DOCS', 'HK', '1', c, '', '', '', '', docs], ['', '', ref]],
        ['TKT', [t.ticket ?? '', 'T', '1']],
        ['MON', ['T', pnr.payment.amount, 'EUR']],
        ['DAT', ['710', cd, ct]],
        ['FOP', [pnr.payment.type, '', pnr.payment.amount, pnr.payment.vendor ?? '', pnr.payment.last4 ? `XXXXXXXXXXXX${pnr.payment.last4}` : '']],
      );
    });
    body.push(tvl('Y'), ['RPI', String(pnr.travellers.length), 'HK']);
    const seats = pnr.travellers.map((i, k) => [plan.passengers[i]!.seat ?? '', '', String(k + 1)]);
    body.push(['SSR', ['SEAT', 'HK', String(seats.length), c, '', '', plan.origin.iata, plan.destination.iata], ...seats]);
    pnr.travellers.forEach((i, k) => {
      const t = plan.passengers[i]!;
      body.push(['TRI', '', ['', '', '', String(k + 1)]], ['TIF', nameCase(q, t.surname), [nameCase(q, t.givenNames), 'A', String(k + 1)]]);
      if (t.seat) body.push(['SSD', t.seat, '', '', '', 'Y']);
      if (t.bags)
        body.push(['TBD', '', [String(t.bags), String(t.bags * 18), '701'], '', '', [c, `0${t.ticket!.slice(3, 12)}`, String(t.bags), plan.destination.iata]]);
    });
  }
  const ref = `${c}${plan.number}${depD}PNR`;
  const [d, t] = unbDateTime(plan.prepared);
  const segs: Seg[] = [
    ['UNB', ['IATA', '1'], c, 'VIGILPIU', [d.slice(2), t], ref],
    ['UNG', 'PNRGOV', c, 'VIGILPIU', [d.slice(2), t], '1', 'IA', [major, minor]],
    ...message('1', ['PNRGOV', major, minor, 'IA'], body, q, [`${c}${plan.number.padStart(4, '0')}/${depD}/${depT}`, ['01', 'F']]),
    ['UNE', '1', '1'],
    ['UNZ', '1', ref],
  ];
  return writeInterchange(segs, q);
}
