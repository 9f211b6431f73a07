// Tests of the rules part: the application's modules with the rules part wired into travel (until the module's index does it), and traffic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleDescriptor } from '../../../../platform/module.js';
import { MODULES } from '../../../../modules.js';
import type { AppContext } from '../../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../../platform/audit/types.js';
import { assembleMessage } from '../../intake/assemble.js';
import { receiveMessage } from '../../intake/receive.js';
import { rulesPart } from '../index.js';

/** MODULES, with travel carrying the rules part once (the lead wires it into travel's index; then this changes nothing). */
export function modulesWithRules(): ModuleDescriptor[] {
  return MODULES.map((m) => {
    if (m.name !== 'travel' || m.migrations?.some((x) => x.name === 'rules_001_rules')) return m;
    return {
      ...m,
      migrations: [...(m.migrations ?? []), ...(rulesPart.migrations ?? [])],
      routes: async (app, ctx) => {
        await m.routes?.(app, ctx);
        await rulesPart.routes?.(app, ctx);
      },
      commands: (program, cli) => {
        m.commands?.(program, cli);
        rulesPart.commands?.(program, cli);
      },
    };
  });
}

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Receives and assembles fixture messages (Austrian's OS89 of 2026-12-01: PAXLST and a PNRGOV push of three PNRs). */
export async function ingestFixtures(ctx: AppContext, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const o = await receiveMessage(ctx, readFileSync(join(FIXTURES, name)), { channel: 'cli', actor: SYSTEM_ACTOR });
    await assembleMessage(ctx, o.id);
  }
}
