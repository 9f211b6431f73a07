// One batch of depersonalisation: originals sealed in the vault, values masked (with their alerts, decision notes and
// screenings), travellers tallied; in one transaction.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import type { Executor } from '../../../platform/db/index.js';
import type { Traveller } from '../types.js';
import { maskDecisionNotes, maskSubjects } from '../../alerts/index.js';
import { MASK, maskPnrData, maskScreening, maskTraveller } from './mask.js';
import { maskInterchange } from './mask-raw.js';
import { rt, type RtExecutor, type VaultRow } from './tables.js';
import type { VaultKey } from './vault.js';

/** At most this many rows per transaction (and ids per audit row: the audit log takes lists of up to 100). */
export const BATCH = 100;
const MESSAGE_BATCH = 20;

export type Kind = 'traveller' | 'pnr-version' | 'message';

export interface BatchScope {
  ctx: AppContext;
  key: VaultKey;
  runId: string;
  actor: Actor;
  requestId?: string | undefined;
  now: string;
  /** What the run did beside the batches' own rows, added up over its batches. */
  derived: DerivedCounts;
}

export interface DerivedCounts {
  /** Decision notes on travel alerts masked (their originals sealed). */
  notesMasked: number;
  /** Closed re-personalisation requests whose reason and decision note were masked (their originals sealed). */
  requestTextsMasked: number;
  /** Rows deleted with the travellers they were derived from. */
  screeningsDeleted: number;
  ruleHitsDeleted: number;
  alertsDeleted: number;
  decisionsDeleted: number;
}

export const noDerived = (): DerivedCounts => ({
  notesMasked: 0,
  requestTextsMasked: 0,
  screeningsDeleted: 0,
  ruleHitsDeleted: 0,
  alertsDeleted: 0,
  decisionsDeleted: 0,
});

async function seal(t: RtExecutor, s: BatchScope, kind: VaultRow['kind'], refId: string, plain: Buffer): Promise<void> {
  const { iv, sealed } = s.key.seal(plain);
  await t
    .insertInto('travel_vault')
    .values({ kind, ref_id: refId, key_id: s.key.keyId, iv, sealed, created_at: s.now })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
    .execute();
}

async function audit(
  trx: Transaction<any>,
  s: BatchScope,
  action: string,
  kind: Kind | 'alert-note',
  ids: string[],
  extra: Record<string, number> = {},
): Promise<void> {
  await s.ctx.audit.record(trx, {
    action,
    actor: s.actor,
    target: { type: 'travel-retention-run', id: s.runId },
    ...(s.requestId ? { requestId: s.requestId } : {}),
    details: { kind, count: ids.length, ids, ...extra },
  });
}

/** Masks a batch of decision notes on alerts about these travellers, sealing each original by decision id. */
const maskNotes = (t: RtExecutor, s: BatchScope, travellerIds: readonly string[]): Promise<number> =>
  maskDecisionNotes(t as unknown as Executor, 'travel', 'traveller', travellerIds, MASK, (id, note) => seal(t, s, 'alert-note', id, Buffer.from(note, 'utf8')));

/** Depersonalises up to one batch of `kind` received before `before`; returns how many (0 when none are left). */
export async function depersonaliseBatch(s: BatchScope, kind: Kind, before: string): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    let ids: string[];
    if (kind === 'traveller') ids = await travellers(t, s, before);
    else if (kind === 'pnr-version') ids = await pnrVersions(t, s, before);
    else ids = await messages(t, s, before);
    const notes = kind === 'traveller' && ids.length ? await maskNotes(t, s, ids) : 0;
    s.derived.notesMasked += notes;
    if (ids.length) await audit(trx as Transaction<any>, s, 'travel.retention-depersonalise', kind, ids, kind === 'traveller' ? { notes } : {});
    return ids.length;
  });
}

/**
 * Masks notes written on alerts of travellers already depersonalised (a decision taken after the traveller's data was
 * masked): up to one batch of travellers per call, in one audited transaction; returns how many notes (0: none left).
 */
export async function maskLateNotesBatch(s: BatchScope): Promise<number> {
  return s.ctx.db.transaction(async (trx) => {
    await s.ctx.db.lockInTransaction(trx, 'travel-retention');
    const t = rt(trx);
    const rows = await t
      .selectFrom('alert_decisions as d')
      .innerJoin('alert_alerts as a', 'a.id', 'd.alert_id')
      .innerJoin('travel_travellers as k', 'k.id', 'd.subject_id')
      .select('d.subject_id')
      .distinct()
      .where('a.source', '=', 'travel')
      .where('d.subject_type', '=', 'traveller')
      .where('k.depersonalised_at', 'is not', null)
      .where('d.note', 'is not', null)
      .where('d.note', '!=', MASK)
      .orderBy('d.subject_id')
      .limit(BATCH)
      .execute();
    const ids = rows.map((r) => r.subject_id);
    if (!ids.length) return 0;
    const notes = await maskNotes(t, s, ids);
    s.derived.notesMasked += notes;
    await audit(trx as Transaction<any>, s, 'travel.retention-depersonalise', 'alert-note', ids, { notes });
    return notes;
  });
}

async function travellers(t: RtExecutor, s: BatchScope, before: string): Promise<string[]> {
  const rows = await t
    .selectFrom('travel_travellers')
    .innerJoin('travel_flights', 'travel_flights.id', 'travel_travellers.flight_id')
    .selectAll('travel_travellers')
    .select(['travel_flights.carrier as carrier', 'travel_flights.flight_date as flight_date'])
    .where('travel_travellers.depersonalised_at', 'is', null)
    .where('travel_travellers.created_at', '<', before)
    .orderBy('travel_travellers.created_at')
    .orderBy('travel_travellers.id')
    .limit(BATCH)
    .execute();
  const tallies = new Map<string, { day: string; carrier: string; role: string; sex: string; travellers: number }>();
  for (const r of rows) {
    const original = {
      surname: r.surname,
      given_names: r.given_names,
      birth_date: r.birth_date,
      sex: r.sex,
      nationality: r.nationality,
      document_number: r.document_number,
      document_country: r.document_country,
      match_key: r.match_key,
      person_key: r.person_key,
      data: r.data,
    };
    await seal(t, s, 'traveller', r.id, Buffer.from(JSON.stringify(original), 'utf8'));
    const sex = r.sex === 'M' || r.sex === 'F' || r.sex === 'X' ? r.sex : 'unknown';
    const k = `${r.flight_date}|${r.carrier}|${r.role}|${sex}`;
    const tally = tallies.get(k) ?? { day: r.flight_date, carrier: r.carrier, role: r.role, sex, travellers: 0 };
    tally.travellers++;
    tallies.set(k, tally);
    await t
      .updateTable('travel_travellers')
      .set({
        surname: MASK,
        given_names: MASK,
        birth_date: null,
        sex: null,
        nationality: null,
        document_number: null,
        document_country: null,
        match_key: `masked:${r.id}`,
        person_key: null,
        data: JSON.stringify(maskTraveller(JSON.parse(r.data) as Traveller)),
        depersonalised_at: s.now,
      })
      .where('id', '=', r.id)
      .execute();
  }
  const ids = rows.map((r) => r.id);
  // What screening kept of them: the alerts' subject side (through the alerts module) and the stored screening results.
  if (ids.length) await maskSubjects(t as unknown as Executor, 'travel', 'traveller', ids, MASK);
  const screenings = ids.length ? await t.selectFrom('travel_screenings').select(['traveller_id', 'result']).where('traveller_id', 'in', ids).execute() : [];
  for (const sc of screenings)
    await t
      .updateTable('travel_screenings')
      .set({ result: JSON.stringify(maskScreening(JSON.parse(sc.result))) })
      .where('traveller_id', '=', sc.traveller_id)
      .execute();
  for (const tally of tallies.values())
    await t
      .insertInto('travel_stats_tallies')
      .values(tally)
      .onConflict((oc) =>
        oc
          .columns(['day', 'carrier', 'role', 'sex'])
          .doUpdateSet((eb) => ({ travellers: eb('travel_stats_tallies.travellers', '+', eb.ref('excluded.travellers')) })),
      )
      .execute();
  return ids;
}

async function pnrVersions(t: RtExecutor, s: BatchScope, before: string): Promise<string[]> {
  const rows = await t
    .selectFrom('travel_pnr_versions')
    .select(['id', 'data'])
    .where('depersonalised_at', 'is', null)
    .where('received_at', '<', before)
    .orderBy('received_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  for (const r of rows) {
    await seal(t, s, 'pnr-version', r.id, Buffer.from(r.data, 'utf8'));
    const masked = JSON.stringify(maskPnrData(JSON.parse(r.data)));
    await t
      .updateTable('travel_pnr_versions')
      .set({ data: masked, digest: createHash('sha256').update(masked).digest('hex'), depersonalised_at: s.now })
      .where('id', '=', r.id)
      .execute();
  }
  return rows.map((r) => r.id);
}

/** Findings and errors quote values in their `detail` ("651301" is not a date): quoted parts are masked. */
export function maskDetails(json: string): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'detail' && typeof x === 'string' ? x.replace(/"[^"]*"/g, '"XXX"') : walk(x)]));
    return v;
  };
  try {
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return json;
  }
}

async function messages(t: RtExecutor, s: BatchScope, before: string): Promise<string[]> {
  const rows = await t
    .selectFrom('travel_messages')
    .select(['id', 'raw', 'findings', 'summary', 'error'])
    .where('depersonalised_at', 'is', null)
    .where('received_at', '<', before)
    .orderBy('received_at')
    .orderBy('id')
    .limit(MESSAGE_BATCH)
    .execute();
  for (const r of rows) {
    const raw = Buffer.from(r.raw);
    await seal(t, s, 'message', r.id, raw);
    const masked = maskInterchange(raw).raw;
    await t
      .updateTable('travel_messages')
      .set({
        raw: masked,
        size: masked.length,
        sha256: createHash('sha256').update(masked).digest('hex'),
        findings: maskDetails(r.findings),
        summary: maskDetails(r.summary),
        error: r.error === null ? null : maskDetails(r.error),
        depersonalised_at: s.now,
      })
      .where('id', '=', r.id)
      .execute();
  }
  return rows.map((r) => r.id);
}
