// Deletion after the retention period (art. 12(4)): travellers, PNR versions and raw messages go with their sealed originals,
// except what is linked to a confirmed alert. Flights, per-flight message links and findings hold no personal data and stay.
import type { Transaction } from 'kysely';
import { BATCH, type BatchScope, type Kind } from './depersonalise.js';
import { rt, type RtExecutor } from './tables.js';

/** Travellers that a confirmed travel alert names: kept, with their PNR versions and source messages. */
const confirmed = (t: RtExecutor) =>
  t.selectFrom('alert_alerts').select('subject_id').where('source', '=', 'travel').where('subject_type', '=', 'traveller').where('status', '=', 'confirmed');

async function audit(trx: Transaction<any>, s: BatchScope, kind: Kind, ids: string[]): Promise<void> {
  await s.ctx.audit.record(trx, {
    action: 'travel.retention-delete',
    actor: s.actor,
    target: { type: 'travel-retention-run', id: s.runId },
    ...(s.requestId ? { requestId: s.requestId } : {}),
    details: { kind, count: ids.length, ids },
  });
}

/** Deletes up to one batch of `kind` received before `before`; returns how many (0 when none are left). */
export async function deleteBatch(s: BatchScope, kind: Kind, before: string): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    const ids = kind === 'traveller' ? await oldTravellers(t, before) : kind === 'pnr-version' ? await oldPnrVersions(t, before) : await oldMessages(t, before);
    if (!ids.length) return 0;
    await t.deleteFrom('travel_vault').where('kind', '=', kind).where('ref_id', 'in', ids).execute();
    if (kind === 'traveller') await t.deleteFrom('travel_travellers').where('id', 'in', ids).execute();
    else if (kind === 'pnr-version') await t.deleteFrom('travel_pnr_versions').where('id', 'in', ids).execute();
    else await t.deleteFrom('travel_messages').where('id', 'in', ids).execute();
    await audit(trx as Transaction<any>, s, kind, ids);
    return ids.length;
  });
}

async function oldTravellers(t: RtExecutor, before: string): Promise<string[]> {
  const rows = await t
    .selectFrom('travel_travellers')
    .select('id')
    .where('created_at', '<', before)
    .where('id', 'not in', confirmed(t))
    .orderBy('created_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  return rows.map((r) => r.id);
}

async function oldPnrVersions(t: RtExecutor, before: string): Promise<string[]> {
  const rows = await t
    .selectFrom('travel_pnr_versions as v')
    .select('v.id')
    .where('v.received_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('travel_travellers as k')
            .select('k.id')
            .whereRef('k.record_locator', '=', 'v.record_locator')
            .whereRef('k.flight_id', '=', 'v.flight_id')
            .where('k.id', 'in', confirmed(t)),
        ),
      ),
    )
    .orderBy('v.received_at')
    .orderBy('v.id')
    .limit(BATCH)
    .execute();
  return rows.map((r) => r.id);
}

async function oldMessages(t: RtExecutor, before: string): Promise<string[]> {
  // Messages a remaining traveller was reported in stay (a traveller can only be younger than its first message).
  const keptSources = await t.selectFrom('travel_travellers').select('sources').where('id', 'in', confirmed(t)).execute();
  const kept = new Set(keptSources.flatMap((r) => JSON.parse(r.sources) as string[]));
  const out: string[] = [];
  let at = '';
  let id = '';
  while (out.length < BATCH) {
    const rows = await t
      .selectFrom('travel_messages')
      .select(['id', 'received_at'])
      .where('received_at', '<', before)
      .where((eb) => eb.or([eb('received_at', '>', at), eb.and([eb('received_at', '=', at), eb('id', '>', id)])]))
      .orderBy('received_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const r of rows) if (!kept.has(r.id) && out.length < BATCH) out.push(r.id);
    ({ received_at: at, id } = rows[rows.length - 1]!);
  }
  return out;
}
