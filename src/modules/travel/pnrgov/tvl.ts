// PNRGOV TVL (travel product information): a flight segment with local times, marketing and operating carrier, class.
import { code, flightKey, splitFlight, type ReadContext } from '../edifact/build.js';
import type { Segment } from '../edifact/tokenizer.js';
import { el, orNull, pnrDate } from '../edifact/values.js';
import { localToUtc } from '../places.js';
import type { ItinerarySegment } from '../types.js';

/** TVL: `DDMMYY:HHMM:DDMMYY:HHMM+DEP+ARR+MARKETING:OPERATING+NUMBER:CLASS` (local times) as an itinerary segment; null without carrier or number. */
export function readTvl(seg: Segment, ctx: ReadContext): ItinerarySegment | null {
  const carrier = code(ctx, seg, 4);
  const id = splitFlight(el(seg, 5), carrier || null);
  if (!carrier || !id) return null;
  const origin = orNull(code(ctx, seg, 2));
  const destination = orNull(code(ctx, seg, 3));
  const dep = pnrDate(el(seg, 1, 1), el(seg, 1, 2), 'event', ctx.referenceYear);
  // The arrival date may be left out when it is the departure date (TVL+121210:0915::1230).
  const arr = el(seg, 1, 4)
    ? pnrDate(el(seg, 1, 3) || el(seg, 1, 1), el(seg, 1, 4), 'event', ctx.referenceYear)
    : el(seg, 1, 3)
      ? pnrDate(el(seg, 1, 3), '', 'event', ctx.referenceYear)
      : null;
  if (el(seg, 1, 1) && !dep) ctx.report.finding('bad-date', seg.index, seg.tag, seg.offset, `TVL departure "${el(seg, 1, 1)} ${el(seg, 1, 2)}" is not a date`);
  const operating = code(ctx, seg, 4, 2);
  return {
    flight: flightKey(id.carrier, id.number),
    carrier: id.carrier,
    number: id.number,
    operatingCarrier: operating && operating !== id.carrier ? operating : null,
    operatingNumber: null,
    origin,
    destination,
    departure: dep ? { local: dep, utc: localToUtc(dep, origin) } : null,
    arrival: arr ? { local: arr, utc: localToUtc(arr, destination) } : null,
    bookingClass: orNull(code(ctx, seg, 5, 2)),
    status: null,
  };
}
