// Re-personalisation: masked data shown again only on a request with a reason, approved by another person holding
import { z } from 'zod';
// travel.repersonalise, used by its requester before it expires; every step and every view audited.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import type { Traveller } from '../types.js';
import * as P from '../schemas.js';
import { TravellerSummary } from '../intake/queries.js';
import { policyOf } from './policy.js';
import { rt, type RepersonaliseRow } from './tables.js';
import { loadVaultKey } from './vault.js';

export interface By {
  actor: Actor;
  requestId?: string | undefined;
}

export const RepersonaliseRequest = z.object({
  id: z.string(),
  targetType: z.enum(['traveller', 'flight']),
  targetId: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  expiresAt: z.string().nullable(),
  views: z.number(),
});
export type RepersonaliseRequest = z.infer<typeof RepersonaliseRequest>;

export const RepersonalisedTraveller = TravellerSummary.pick({
  id: true,
  flightId: true,
  surname: true,
  givenNames: true,
  birthDate: true,
  sex: true,
  nationality: true,
  documentNumber: true,
  documentCountry: true,
}).extend({ data: P.Traveller });
export type RepersonalisedTraveller = z.infer<typeof RepersonalisedTraveller>;

/** An approved request and the original values behind it. */
export const RepersonalisedView = z.object({ request: RepersonaliseRequest, travellers: z.array(RepersonalisedTraveller) });

export const MIN_REASON = 10;
export const MAX_TEXT = 2000;

const view = (r: RepersonaliseRow): RepersonaliseRequest => ({
  id: r.id,
  targetType: r.target_type,
  targetId: r.target_id,
  reason: r.reason,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  expiresAt: r.expires_at,
  views: r.views,
});

const who = (a: Actor) => a.id ?? a.type;

async function audit(
  ctx: AppContext,
  exec: Parameters<AppContext['audit']['record']>[0],
  by: By,
  action: string,
  id: string,
  details: Record<string, string | number>,
) {
  await ctx.audit.record(exec, {
    action,
    actor: by.actor,
    target: { type: 'travel-repersonalise-request', id },
    ...(by.requestId ? { requestId: by.requestId } : {}),
    details,
  });
}

/** Asks to see a depersonalised traveller (or the depersonalised travellers of a flight) again; the reason is required. */
export async function requestRepersonalisation(
  ctx: AppContext,
  input: { targetType: 'traveller' | 'flight'; targetId: string; reason: string },
  by: By,
): Promise<RepersonaliseRequest> {
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON || reason.length > MAX_TEXT) throw invalid('reason', `must say why, in ${MIN_REASON} to ${MAX_TEXT} characters`);
  const t = rt(ctx.db.kysely);
  let q = t.selectFrom('travel_travellers').select(['id', 'depersonalised_at']);
  q = input.targetType === 'traveller' ? q.where('id', '=', input.targetId) : q.where('flight_id', '=', input.targetId);
  const rows = await q.limit(1000).execute();
  if (!rows.length) throw notFound(input.targetType, input.targetId);
  if (!rows.some((r) => r.depersonalised_at !== null))
    throw conflict(`${input.targetType} ${input.targetId} is not depersonalised: it can be seen without a request`, 'targetId');
  const now = ctx.clock.now().toISOString();
  const row: RepersonaliseRow = {
    id: randomUUID(),
    target_type: input.targetType,
    target_id: input.targetId,
    reason,
    requested_by: who(by.actor),
    requested_at: now,
    status: 'pending',
    decided_by: null,
    decided_at: null,
    decision_note: null,
    expires_at: null,
    views: 0,
  };
  await ctx.db.transaction(async (trx) => {
    await rt(trx).insertInto('travel_repersonalise_requests').values(row).execute();
    await audit(ctx, trx, by, 'travel.repersonalise-request', row.id, { targetType: input.targetType, targetId: input.targetId });
  });
  return view(row);
}

/** Approves or refuses a pending request; the requester cannot decide their own (four eyes). */
export async function decideRepersonalisation(
  ctx: AppContext,
  id: string,
  input: { decision: 'approve' | 'refuse'; note?: string | undefined },
  by: By,
): Promise<RepersonaliseRequest> {
  if (input.note !== undefined && input.note.length > MAX_TEXT) throw invalid('note', `must be at most ${MAX_TEXT} characters`);
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `travel-repersonalise:${id}`);
    const t = rt(trx);
    const r = await t.selectFrom('travel_repersonalise_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('re-personalisation request', id);
    if (r.status !== 'pending') throw conflict(`request ${id} is already ${r.status}`, 'decision');
    if (r.requested_by === who(by.actor)) throw forbidden('A re-personalisation request must be decided by another person than the one who asked');
    const now = ctx.clock.now();
    const approved = input.decision === 'approve';
    const changes = {
      status: approved ? ('approved' as const) : ('refused' as const),
      decided_by: who(by.actor),
      decided_at: now.toISOString(),
      decision_note: input.note?.trim() || null,
      expires_at: approved ? new Date(now.getTime() + policyOf(ctx.config).approvalHours * 3600_000).toISOString() : null,
    };
    await t.updateTable('travel_repersonalise_requests').set(changes).where('id', '=', id).execute();
    await audit(ctx, trx, by, approved ? 'travel.repersonalise-approve' : 'travel.repersonalise-refuse', id, {
      targetType: r.target_type,
      targetId: r.target_id,
    });
    return view({ ...r, ...changes });
  });
}

/** The original values behind an approved request, for its requester until it expires; each view is audited. */
export async function viewRepersonalised(ctx: AppContext, id: string, by: By): Promise<z.infer<typeof RepersonalisedView>> {
  const t = rt(ctx.db.kysely);
  const r = await t.selectFrom('travel_repersonalise_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('re-personalisation request', id);
  const refuse = async (detail: string) => {
    await ctx.audit.record(ctx.db.kysely, {
      action: 'travel.repersonalised-view',
      actor: by.actor,
      target: { type: 'travel-repersonalise-request', id },
      outcome: 'denied',
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { status: r.status },
    });
    return forbidden(detail);
  };
  if (r.requested_by !== who(by.actor)) throw await refuse('Only the person who asked may use an approved re-personalisation');
  if (r.status !== 'approved')
    throw await refuse(`Request ${id} is ${r.status}: re-personalisation needs an approval by a person holding travel.repersonalise`);
  if (r.expires_at !== null && r.expires_at <= ctx.clock.now().toISOString()) throw await refuse(`The approval of request ${id} expired at ${r.expires_at}`);
  let q = t
    .selectFrom('travel_vault')
    .innerJoin('travel_travellers', 'travel_travellers.id', 'travel_vault.ref_id')
    .where('travel_vault.kind', '=', 'traveller');
  q = r.target_type === 'traveller' ? q.where('travel_travellers.id', '=', r.target_id) : q.where('travel_travellers.flight_id', '=', r.target_id);
  const rows = await q
    .select(['travel_travellers.id as id', 'travel_travellers.flight_id as flight_id', 'travel_vault.key_id', 'travel_vault.iv', 'travel_vault.sealed'])
    .orderBy('travel_travellers.id')
    .limit(1000)
    .execute();
  if (!rows.length)
    throw new AppError('not-found', `${r.target_type} ${r.target_id}: the data was deleted after the retention period and cannot be re-personalised`);
  const key = loadVaultKey(ctx.config.dataDir);
  const travellers = rows.map((row) => {
    const o = JSON.parse(key.open(row).toString('utf8')) as {
      surname: string;
      given_names: string;
      birth_date: string | null;
      sex: string | null;
      nationality: string | null;
      document_number: string | null;
      document_country: string | null;
      data: string;
    };
    return {
      id: row.id,
      flightId: row.flight_id,
      surname: o.surname,
      givenNames: o.given_names,
      birthDate: o.birth_date,
      sex: o.sex,
      nationality: o.nationality,
      documentNumber: o.document_number,
      documentCountry: o.document_country,
      data: JSON.parse(o.data) as Traveller,
    };
  });
  await ctx.db.transaction(async (trx) => {
    await rt(trx)
      .updateTable('travel_repersonalise_requests')
      .set((eb) => ({ views: eb('views', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, {
      action: 'travel.repersonalised-view',
      actor: by.actor,
      target: { type: 'travel-repersonalise-request', id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { targetType: r.target_type, targetId: r.target_id, count: travellers.length, ids: travellers.slice(0, 100).map((x) => x.id) },
    });
  });
  return { request: view({ ...r, views: r.views + 1 }), travellers };
}

/** Requests, newest first: all of them, or one person's own. */
export async function listRepersonalisations(
  ctx: AppContext,
  q: { status?: RepersonaliseRow['status'] | undefined; requestedBy?: string | undefined; limit: number },
): Promise<RepersonaliseRequest[]> {
  let s = rt(ctx.db.kysely).selectFrom('travel_repersonalise_requests').selectAll();
  if (q.status) s = s.where('status', '=', q.status);
  if (q.requestedBy) s = s.where('requested_by', '=', q.requestedBy);
  const rows = await s.orderBy('requested_at', 'desc').orderBy('id').limit(q.limit).execute();
  return rows.map(view);
}
