// Reads one PNRGOV message (IATA/WCO/ICAO PNRGOV EDIFACT guide 10.1–13.1): the reported flight, then one SRC group per PNR.
import { code, newFlight, type ReadContext } from '../edifact/build.js';
import type { Segment } from '../edifact/tokenizer.js';
import { el, orNull } from '../edifact/values.js';
import type { Flight, MessageFunction, Traveller } from '../types.js';
import { finishPnr, newPnr, readPnrSegment, type PnrState } from './pnr.js';
import { readTvl } from './tvl.js';

export interface PnrgovContent {
  function: MessageFunction;
  flights: Flight[];
  travellers: Traveller[];
  pnrCount: number;
}

const FUNCTIONS: Record<string, { name: string; action: string }> = {
  '22': { name: 'pnr-push', action: 'original' },
  '141': { name: 'pnr-change', action: 'update' },
};

/** Reads the segments of one message (UNH…UNT). */
export function readPnrgov(segments: Segment[], ctx: ReadContext): PnrgovContent {
  const { report } = ctx;
  let fn: MessageFunction = { code: '', name: 'unknown', identifier: null, action: 'original' };
  const flights: Flight[] = [];
  const travellers: Traveller[] = [];
  let declaredPnrs: Segment | null = null;
  let pnr: PnrState | null = null;
  let pnrCount = 0;
  let reportingCarrier: string | null = null;

  const finish = () => {
    if (pnr) travellers.push(...finishPnr(pnr, ctx));
    pnr = null;
  };

  for (const seg of segments) {
    const tag = seg.tag;
    if (tag === 'UNH' || tag === 'UNT') continue;
    if (tag === 'SRC') {
      finish();
      pnr = newPnr(seg, reportingCarrier, pnrCount++);
      continue;
    }
    if (pnr) {
      readPnrSegment(pnr, seg, ctx);
      continue;
    }
    // Header (Gr.0): MSG, ORG, TVL, EQN.
    switch (tag) {
      case 'MSG': {
        const c = el(seg, 1, 2) || el(seg, 1, 1);
        const f = FUNCTIONS[c];
        fn = { code: c, name: f?.name ?? 'unknown', identifier: null, action: f?.action ?? 'original' };
        if (!f) report.finding('unknown-code', seg.index, tag, seg.offset, `MSG function "${c}" is neither 22 (push) nor 141 (change)`);
        break;
      }
      case 'ORG':
        reportingCarrier ??= orNull(code(ctx, seg, 1));
        break;
      case 'TVL': {
        const s = readTvl(seg, ctx);
        if (!s) {
          report.error(
            'bad-flight',
            { segment: seg.index, tag, element: 4, offset: seg.offset },
            `TVL "${el(seg, 4)} ${el(seg, 5)}" does not name a carrier and flight number`,
          );
          break;
        }
        reportingCarrier ??= s.carrier;
        let f = flights.find((x) => x.key === s.flight);
        if (!f && flights.length >= 99) {
          report.finding('too-many-flights', seg.index, tag, seg.offset, 'more than 99 flights before the first SRC; the rest were ignored');
          break;
        }
        if (!f) flights.push((f = newFlight(s.carrier, s.number)));
        if (f.legs.length >= 99) break;
        f.operatingCarrier = s.operatingCarrier;
        f.legs.push({ origin: s.origin, destination: s.destination, departure: s.departure, arrival: s.arrival, border: true });
        break;
      }
      case 'EQN':
        declaredPnrs = seg;
        break;
      default:
        report.finding('unexpected-segment', seg.index, tag, seg.offset, `${tag} before the first SRC`);
    }
  }
  finish();
  if (!flights.length) report.error('missing-segment', { tag: 'TVL' }, 'no TVL before the first SRC: the message names no flight');
  if (!fn.code) report.finding('missing-segment', null, 'MSG', null, 'no MSG: taken as a full push (22)');
  if (declaredPnrs) {
    const n = el(declaredPnrs, 1);
    if (!/^\d+$/.test(n)) report.finding('bad-count', declaredPnrs.index, 'EQN', declaredPnrs.offset, `EQN "${n}" is not a number`);
    else if (Number(n) !== pnrCount)
      report.finding('count-mismatch', declaredPnrs.index, 'EQN', declaredPnrs.offset, `EQN declares ${n} PNRs; the message has ${pnrCount}`);
  }
  if (!fn.code) fn = { code: '22', name: 'pnr-push', identifier: null, action: 'original' };
  return { function: fn, flights, travellers, pnrCount };
}
