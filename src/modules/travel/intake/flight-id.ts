// Flight identity across messages: carrier, number and the scheduled local date of the first leg, e.g. `LH0400-2026-12-01`.
import type { Flight } from '../types.js';

export function flightDate(f: Flight): string | null {
  const first = f.legs[0];
  const when = first?.departure?.local ?? first?.arrival?.local ?? null;
  return when && /^\d{4}-\d{2}-\d{2}/.test(when) ? when.slice(0, 10) : null;
}

/** The stored id of a reported flight, or null when the message gives no date to tell one day's flight from another's. */
export function flightId(f: Flight): string | null {
  const date = flightDate(f);
  return date ? `${f.key}-${date}` : null;
}
