// Multi-part PAXLST/PNRGOV transmissions: parts sharing a sender and UNH common access reference, put back together in order.
import type { ParsedMessage } from './types.js';

export interface AssembledParts {
  sender: string | null;
  commonAccessReference: string | null;
  /** Part numbers received, in order. */
  received: number[];
  /** Part numbers not (yet) received below the final one, or below the highest received when no final part has come. */
  missing: number[];
  /** The final part (`F`) is in and no part is missing. */
  complete: boolean;
  /** The parts merged: flights united by key, travellers concatenated in part order (refs renumbered), findings and errors of all parts. */
  message: ParsedMessage;
}

/** Assembles the parts of one transmission (the caller groups them by sender and common access reference). */
export function assembleParts(parts: readonly ParsedMessage[]): AssembledParts | null {
  if (!parts.length) return null;
  const sorted = [...parts].sort((a, b) => (a.part.sequence ?? 1) - (b.part.sequence ?? 1));
  const received = sorted.map((p) => p.part.sequence ?? 1);
  const last = sorted.find((p) => p.part.final);
  const top = last ? (last.part.sequence ?? 1) : Math.max(...received);
  const missing: number[] = [];
  for (let n = 1; n <= Math.min(top, 999); n++) if (!received.includes(n)) missing.push(n);
  const first = sorted[0]!;
  const flights = new Map<string, ParsedMessage['flights'][number]>();
  for (const p of sorted) for (const f of p.flights) if (!flights.has(f.key)) flights.set(f.key, f);
  const travellers = sorted.flatMap((p) => p.travellers.map((t) => (p.type === 'PAXLST' ? { ...t, ref: `${p.part.sequence ?? 1}-${t.ref}` } : t)));
  return {
    sender: first.sender,
    commonAccessReference: first.part.commonAccessReference,
    received,
    missing,
    complete: !!last && missing.length === 0,
    message: {
      ...first,
      part: { ...first.part, final: !!last },
      flights: [...flights.values()],
      travellers,
      pnrCount: sorted.reduce((n, p) => n + p.pnrCount, 0),
      findings: sorted.flatMap((p) => p.findings),
      errors: sorted.flatMap((p) => p.errors),
    },
  };
}
