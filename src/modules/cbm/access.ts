// Who is asking: the State a principal acts for (its organisation's country) and whether it acts as the secretariat.
import type { Actor } from '../../platform/audit/types.js';
import { actorOf, type Principal } from '../../platform/auth/principal.js';
import type { Executor } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { CBM_SECRETARIAT } from './permissions.js';

export interface Caller {
  actor: Actor;
  /** ISO alpha-2 code of the caller's State; null when its organisation names no country. */
  state: string | null;
  /** The secretariat sees the whole network. */
  secretariat: boolean;
  requestId?: string | undefined;
}

export async function callerOf(exec: Executor, p: Principal, requestId?: string): Promise<Caller> {
  const org = await exec.selectFrom('organisations').select('country').where('id', '=', p.orgId).executeTakeFirst();
  return { actor: actorOf(p), state: org?.country ?? null, secretariat: p.permissions.has(CBM_SECRETARIAT), requestId };
}

/** The local operator of the CLI acts as the secretariat. */
export const cliCaller = (actor: Actor): Caller => ({ actor, state: null, secretariat: true });

export function requireState(c: Caller): string {
  if (!c.state) throw new AppError('forbidden', 'Your organisation is not a State: ask an administrator to set its country.');
  return c.state;
}

/** May the caller act for this State (its own, or any as the secretariat)? */
export const actsFor = (c: Caller, state: string): boolean => c.secretariat || c.state === state;

export const STATE = /^[a-z]{2}$/;
