// Re-personalisation requests once closed: the reason and the decision note are free text staff wrote about a traveller
// (they can name the person), so they are sealed and masked like decision notes on alerts, after the DPO's review window.
import type { Transaction } from 'kysely';
import { MASK } from './mask.js';
import { BATCH, type BatchScope } from './depersonalise.js';
import { rt, type RtExecutor } from './tables.js';

/** What a request's sealed original holds. */
export interface SealedRequestText {
  reason: string;
  decisionNote: string | null;
}

/**
 * Masks the texts of up to one batch of requests closed before `closedBefore` (refused then, or approved and expired
 * then): a pending request or a usable approval keeps them for its decider and requester, and the DPO's ex post review
 * (art. 12(3)) has the depersonalisation period after closure. The originals are sealed in the vault by request id;
 * returns how many requests (0: none left).
 */
export async function maskRequestTextsBatch(s: BatchScope, closedBefore: string): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    const rows = await t
      .selectFrom('travel_repersonalise_requests')
      .select(['id', 'reason', 'decision_note'])
      .where('reason', '!=', MASK)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'refused'), eb('decided_at', '<', closedBefore)]),
          eb.and([eb('status', '=', 'approved'), eb('expires_at', '<', closedBefore)]),
        ]),
      )
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const original: SealedRequestText = { reason: r.reason, decisionNote: r.decision_note };
      const { iv, sealed } = s.key.seal(Buffer.from(JSON.stringify(original), 'utf8'));
      await t
        .insertInto('travel_vault')
        .values({ kind: 'repersonalise-request', ref_id: r.id, key_id: s.key.keyId, iv, sealed, created_at: s.now })
        .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
        .execute();
      await t
        .updateTable('travel_repersonalise_requests')
        .set({ reason: MASK, decision_note: r.decision_note === null ? null : MASK })
        .where('id', '=', r.id)
        .execute();
    }
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      s.derived.requestTextsMasked += ids.length;
      await s.ctx.audit.record(trx as Transaction<any>, {
        action: 'travel.retention-depersonalise',
        actor: s.actor,
        target: { type: 'travel-retention-run', id: s.runId },
        ...(s.requestId ? { requestId: s.requestId } : {}),
        details: { kind: 'repersonalise-request', count: ids.length, ids },
      });
    }
    return ids.length;
  });
}

/**
 * Sealed request texts go with the data they were about: those of requests on these deleted travellers, and on their
 * flights once no traveller of the flight is left. Call in the deleting transaction, before the travellers are deleted.
 */
export async function deleteRequestSeals(t: RtExecutor, travellerIds: readonly string[]): Promise<number> {
  if (!travellerIds.length) return 0;
  const flights = [
    ...new Set(
      (
        await t
          .selectFrom('travel_travellers')
          .select('flight_id')
          .where('id', 'in', [...travellerIds])
          .execute()
      ).map((r) => r.flight_id),
    ),
  ];
  const left = flights.length
    ? new Set(
        (
          await t
            .selectFrom('travel_travellers')
            .select('flight_id')
            .distinct()
            .where('flight_id', 'in', flights)
            .where('id', 'not in', [...travellerIds])
            .execute()
        ).map((r) => r.flight_id),
      )
    : new Set<string>();
  const emptied = flights.filter((f) => !left.has(f));
  const requests = await t
    .selectFrom('travel_repersonalise_requests')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'traveller'), eb('target_id', 'in', [...travellerIds])]),
        ...(emptied.length ? [eb.and([eb('target_type', '=', 'flight'), eb('target_id', 'in', emptied)])] : []),
      ]),
    )
    .execute();
  if (!requests.length) return 0;
  const r = await t
    .deleteFrom('travel_vault')
    .where('kind', '=', 'repersonalise-request')
    .where(
      'ref_id',
      'in',
      requests.map((x) => x.id),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
