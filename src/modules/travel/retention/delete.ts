// Deletion after the retention period (art. 12(4)): travellers, PNR versions and raw messages go with their sealed originals,
// and with a traveller everything derived from it (screening result, rule hits, alerts with their decisions and sealed
// notes), except what is linked to a confirmed alert. Flights, per-flight message links, findings (codes and counts),
// compliance alerts and statistics tallies hold no personal data and stay.
import type { Transaction } from 'kysely';
import type { Executor } from '../../../platform/db/index.js';
import { deleteSubjects } from '../../alerts/index.js';
import { BATCH, type BatchScope, type Kind } from './depersonalise.js';
import { deleteRequestSeals } from './requests.js';
import { rt, type RtExecutor } from './tables.js';

/** Travellers that a confirmed travel alert names: kept, with their PNR versions and source messages. */
const confirmed = (t: RtExecutor) =>
  t.selectFrom('alert_alerts').select('subject_id').where('source', '=', 'travel').where('subject_type', '=', 'traveller').where('status', '=', 'confirmed');

async function audit(trx: Transaction<any>, s: BatchScope, kind: Kind, ids: string[], extra: Record<string, number>): Promise<void> {
  await s.ctx.audit.record(trx, {
    action: 'travel.retention-delete',
    actor: s.actor,
    target: { type: 'travel-retention-run', id: s.runId },
    ...(s.requestId ? { requestId: s.requestId } : {}),
    details: { kind, count: ids.length, ids, ...extra },
  });
}

/** What screening derived from these travellers: the stored result, rule hits, and alerts with decisions and sealed notes. */
async function deleteDerived(t: RtExecutor, s: BatchScope, ids: string[]): Promise<Record<string, number>> {
  const screenings = Number((await t.deleteFrom('travel_screenings').where('traveller_id', 'in', ids).executeTakeFirst()).numDeletedRows);
  const ruleHits = Number((await t.deleteFrom('travel_rule_hits').where('traveller_id', 'in', ids).executeTakeFirst()).numDeletedRows);
  const gone = await deleteSubjects(t as unknown as Executor, 'travel', 'traveller', ids);
  for (let i = 0; i < gone.decisions.length; i += BATCH)
    await t
      .deleteFrom('travel_vault')
      .where('kind', '=', 'alert-note')
      .where('ref_id', 'in', gone.decisions.slice(i, i + BATCH))
      .execute();
  s.derived.screeningsDeleted += screenings;
  s.derived.ruleHitsDeleted += ruleHits;
  s.derived.alertsDeleted += gone.alerts;
  s.derived.decisionsDeleted += gone.decisions.length;
  return { screenings, ruleHits, alerts: gone.alerts, decisions: gone.decisions.length };
}

/** Deletes up to one batch of `kind` received before `before`; returns how many (0 when none are left). */
export async function deleteBatch(s: BatchScope, kind: Kind, before: string): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    const ids = kind === 'traveller' ? await oldTravellers(t, before) : kind === 'pnr-version' ? await oldPnrVersions(t, before) : await oldMessages(t, before);
    if (!ids.length) return 0;
    await t.deleteFrom('travel_vault').where('kind', '=', kind).where('ref_id', 'in', ids).execute();
    let derived: Record<string, number> = {};
    if (kind === 'traveller') {
      derived = await deleteDerived(t, s, ids);
      derived.requestSeals = await deleteRequestSeals(t, ids);
      await t.deleteFrom('travel_travellers').where('id', 'in', ids).execute();
    } else if (kind === 'pnr-version') await t.deleteFrom('travel_pnr_versions').where('id', 'in', ids).execute();
    else await t.deleteFrom('travel_messages').where('id', 'in', ids).execute();
    await audit(trx as Transaction<any>, s, kind, ids, derived);
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

/**
 * Screening results and rule hits whose traveller is gone (deleted by a run from before they were deleted with it): up to
 * one batch of travellers per call, in one audited transaction; returns how many travellers (0: none left).
 */
export async function deleteOrphansBatch(s: BatchScope): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    const live = t.selectFrom('travel_travellers').select('id');
    const rows = await t
      .selectFrom('travel_screenings')
      .select('traveller_id as id')
      .where('traveller_id', 'not in', live)
      .union(t.selectFrom('travel_rule_hits').select('traveller_id as id').where('traveller_id', 'not in', live))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const ids = rows.map((r) => r.id);
    if (!ids.length) return 0;
    const screenings = Number((await t.deleteFrom('travel_screenings').where('traveller_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    const ruleHits = Number((await t.deleteFrom('travel_rule_hits').where('traveller_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    s.derived.screeningsDeleted += screenings;
    s.derived.ruleHitsDeleted += ruleHits;
    await audit(trx as Transaction<any>, s, 'traveller', ids, { orphans: 1, screenings, ruleHits });
    return ids.length;
  });
}
