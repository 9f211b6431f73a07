// Test support of retention and statistics: fixture traffic and travel alerts decided as a test needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/audit/types.js';
import type { TestApp } from '../../../test-support/app.js';
import { decideAlert, raiseAlert } from '../../alerts/index.js';
import { assembleMessage } from '../intake/assemble.js';
import { receiveMessage } from '../intake/receive.js';

export const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures', name));

/** Every row of every table of the store, as text (binary columns as Latin-1), to look for a value anywhere. */
export async function everyTableText(t: TestApp): Promise<Map<string, string>> {
  const k = t.ctx.db.kysely as unknown as Kysely<any>;
  const schema = t.ctx.db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(k)).rows[0]!.s : undefined;
  const out = new Map<string, string>();
  for (const table of await k.introspection.getTables()) {
    if (schema !== undefined && table.schema !== schema) continue;
    const rows = await k.selectFrom(table.name).selectAll().execute();
    out.set(
      table.name,
      JSON.stringify(rows, (_, v: unknown) =>
        v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('latin1') : v,
      ),
    );
  }
  return out;
}

/** Receives and assembles a fixture message; returns its id. */
export async function ingest(t: TestApp, name: string): Promise<string> {
  const r = await receiveMessage(t.ctx, fixture(name), { channel: 'cli', actor: SYSTEM_ACTOR });
  await assembleMessage(t.ctx, r.id);
  return r.id;
}

/** Raises a travel alert on a traveller; `confirm` has two people confirm it, `false-positive` dismisses it; each decision carries `note`. */
export async function alertOn(t: TestApp, travellerId: string, outcome: 'confirm' | 'false-positive' | 'open', list = 'un-sc-consolidated', note?: string) {
  const raised = await t.ctx.db.transaction((trx) =>
    raiseAlert(t.ctx, trx, {
      source: 'travel',
      subjectType: 'traveller',
      subjectId: travellerId,
      subject: { name: [travellerId] },
      entityId: `entity-${travellerId}`,
      entity: { name: ['Testperson Alpha'] },
      entitySchema: 'Person',
      entityCaption: 'Testperson Alpha',
      lists: [list],
      score: 0.93,
      explanation: [],
      provenance: { lists: { [list]: 3 }, threshold: 0.8 },
    }),
  );
  if (raised.status !== 'created') throw new Error('alert not raised');
  const a: Actor = { type: 'user', id: 'analyst-1', orgId: null };
  const b: Actor = { type: 'user', id: 'supervisor-1', orgId: null };
  if (outcome === 'confirm') {
    await decideAlert(t.ctx, raised.id, { decision: 'confirmed', reason: 'match', note }, { actor: a, canConfirm: true });
    await decideAlert(t.ctx, raised.id, { decision: 'confirmed', reason: 'match', note }, { actor: b, canConfirm: true });
  } else if (outcome === 'false-positive')
    await decideAlert(t.ctx, raised.id, { decision: 'false-positive', reason: 'other-person', note }, { actor: a, canConfirm: true });
  return raised.id;
}
