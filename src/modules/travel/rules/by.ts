// Who acts on rules (for created_by and the audit row), and the event telling screening that rules or lists changed.
import type { Actor } from '../../../platform/audit/types.js';

export interface By {
  actor: Actor;
  requestId?: string | undefined;
}

/** Emitted in the transaction of every rule or list change; screening re-screens flights not yet arrived. */
export const RULES_CHANGED = 'travel.rules-changed';

/** The name a version is recorded under: the user's id, or the CLI's `cli:<os user>`. */
export const actorName = (a: Actor): string => a.id ?? a.type;
