// Tests of the rules part: stored traffic to test rules against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../../platform/audit/types.js';
import { assembleMessage } from '../../intake/assemble.js';
import { receiveMessage } from '../../intake/receive.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Receives and assembles fixture messages (Austrian's OS89 of 2026-12-01: PAXLST and a PNRGOV push of three PNRs). */
export async function ingestFixtures(ctx: AppContext, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const o = await receiveMessage(ctx, readFileSync(join(FIXTURES, name)), { channel: 'cli', actor: SYSTEM_ACTOR });
    await assembleMessage(ctx, o.id);
  }
}
