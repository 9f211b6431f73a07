// Carrier compliance, pure: which pushes a flight should have had, and whether each came on time, late, or not at all.
import { z } from 'zod';

export interface ExpectedPush {
  type: 'PAXLST' | 'PNRGOV';
  hoursBefore: number;
}

export interface ReceivedPush {
  type: string;
  receivedAt: string;
  messageId: string;
}

export const PUSH_STATUSES = ['on-time', 'late', 'missing', 'pending'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export const PushCheck = z.object({
  /** `PNRGOV-48`, `PAXLST-0` … */
  push: z.string(),
  type: z.enum(['PAXLST', 'PNRGOV']),
  due: z.string(),
  status: z.enum(PUSH_STATUSES),
  receivedAt: z.string().nullable(),
  messageId: z.string().nullable(),
});
export type PushCheck = z.infer<typeof PushCheck>;

/** A push may come this early before it is due and still count as that push. */
export const EARLY_MS = 6 * 3600_000;
/** A push is late once this much past due (a closure push once the flight has left). */
export const GRACE_MS = 3600_000;

/**
 * Matches each expected push, earliest first, with the earliest unmatched message of its type received no earlier than
 * EARLY_MS before it is due. Without one: `pending` until due + GRACE_MS, then `missing`.
 */
export function checkPushes(departureUtc: string, expected: readonly ExpectedPush[], received: readonly ReceivedPush[], now: Date): PushCheck[] {
  const dep = Date.parse(departureUtc);
  const used = new Set<string>();
  const sorted = [...received].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return [...expected]
    .sort((a, b) => b.hoursBefore - a.hoursBefore)
    .map((e) => {
      const due = dep - e.hoursBefore * 3600_000;
      const hit = sorted.find((r) => r.type === e.type && !used.has(r.messageId) && Date.parse(r.receivedAt) >= due - EARLY_MS);
      const base = { push: `${e.type}-${e.hoursBefore}`, type: e.type, due: new Date(due).toISOString() };
      if (hit) {
        used.add(hit.messageId);
        return { ...base, status: Date.parse(hit.receivedAt) <= due + GRACE_MS ? 'on-time' : 'late', receivedAt: hit.receivedAt, messageId: hit.messageId };
      }
      return { ...base, status: now.getTime() > due + GRACE_MS ? 'missing' : 'pending', receivedAt: null, messageId: null };
    });
}
