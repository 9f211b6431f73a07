// The parse intake just made of a message, kept in memory for assembly in the same process so the message is not parsed twice.
import type { ParseResult } from '../types.js';

/** Messages received but not yet assembled, at most: a consumer elsewhere (or a crash) must not let the cache grow. */
const MAX_KEPT = 64;

const kept = new Map<string, { referenceYear: number; parsed: ParseResult }>();

/** Remembers the parse of a stored message (call before its event can be delivered). */
export function keepParse(messageId: string, referenceYear: number, parsed: ParseResult): void {
  kept.set(messageId, { referenceYear, parsed });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

/** Forgets a message's parse (its transaction failed). */
export function dropParse(messageId: string): void {
  kept.delete(messageId);
}

/** The kept parse of a message, once, when it was made with the same reference year; else null (parse the stored bytes). */
export function takeParse(messageId: string, referenceYear: number): ParseResult | null {
  const k = kept.get(messageId);
  if (!k) return null;
  kept.delete(messageId);
  return k.referenceYear === referenceYear ? k.parsed : null;
}
