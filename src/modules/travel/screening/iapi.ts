// Interactive API (ICAO Annex 9 iAPI): one traveller at check-in, answered board / no-board / contact inside the transaction.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import { currentIndex, screenQuery } from '../../screening/index.js';
import { checkLost, lostTables } from '../../documents/index.js';
import type { DocumentKind, Traveller, TravelDocument } from '../types.js';
import { documentProblems } from './documents.js';
import { preparedQuery, travellerQuery } from './screen-traveller.js';

export interface IapiRequest {
  flight: { carrier: string; number: string; origin: string; destination: string; departure: string };
  traveller: {
    surname: string;
    givenNames: string;
    birthDate?: string | undefined;
    sex?: 'M' | 'F' | 'X' | undefined;
    nationality?: string | undefined;
    documents: Array<{ type: 'passport' | 'identity-card' | 'visa' | 'other'; number: string; issuingCountry: string; expiry?: string | undefined }>;
  };
}

export const IapiReason = z.object({
  code: z.enum(['document-expired', 'document-invalid', 'document-reported', 'document-near-reported', 'watchlist', 'not-screened']),
  detail: z.string(),
});
export type IapiReason = z.infer<typeof IapiReason>;

export const IapiAnswer = z.object({ recommendation: z.enum(['board', 'no-board', 'contact']), reasons: z.array(IapiReason) });
export type IapiAnswer = z.infer<typeof IapiAnswer>;

function asTraveller(r: IapiRequest['traveller']): Traveller {
  const documents: TravelDocument[] = r.documents.map((d) => ({
    code: d.type === 'passport' ? 'P' : d.type === 'visa' ? 'V' : 'I',
    kind: d.type as DocumentKind,
    number: d.number.toUpperCase(),
    issuingCountry: d.issuingCountry.toUpperCase(),
    expiry: d.expiry ?? null,
    issued: null,
    source: 'DOC',
  }));
  return {
    ref: 'iapi',
    role: 'passenger',
    inTransit: false,
    passengerType: null,
    surname: r.surname.toUpperCase(),
    givenNames: r.givenNames.toUpperCase(),
    title: null,
    sex: r.sex ?? null,
    birthDate: r.birthDate ?? null,
    birthPlace: null,
    nationality: r.nationality?.toUpperCase() ?? null,
    residence: null,
    embarkation: null,
    debarkation: null,
    clearance: null,
    addresses: [],
    documents,
    booking: null,
    references: [],
  };
}

/**
 * No-board: a document reported lost or stolen as read, or one that is expired or cannot exist. Contact: anything a
 * person must decide (a possible list match, a near match in the registry). Board: nothing found. Audited, not stored.
 */
export async function answerIapi(ctx: AppContext, req: IapiRequest, by: { actor: Actor; requestId?: string | undefined }): Promise<IapiAnswer> {
  const t = asTraveller(req.traveller);
  const reasons: IapiReason[] = [];
  for (const p of documentProblems(t.documents, req.flight.departure)) {
    reasons.push({ code: p.code === 'expired' ? 'document-expired' : 'document-invalid', detail: p.detail });
  }
  for (const d of t.documents) {
    if (!d.number || !d.issuingCountry || d.kind === 'visa') continue;
    const check = await checkLost(lostTables(ctx.db.kysely), d.issuingCountry, d.number).catch((err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    });
    const hit = check?.hits[0];
    if (hit)
      reasons.push({
        code: hit.match === 'exact' ? 'document-reported' : 'document-near-reported',
        detail: `${hit.issuingCountry.icao} ${hit.documentNumber} reported ${hit.status}${hit.detail ? ` (${hit.detail})` : ''}`,
      });
  }
  try {
    const held = await currentIndex(ctx);
    const { q, prepared } = preparedQuery(travellerQuery(t), held.index);
    const run = await screenQuery(ctx, q, { actor: by.actor, requestId: by.requestId, use: 'border', held, prepared });
    for (const m of run.result.matches)
      reasons.push({ code: 'watchlist', detail: `possible match with ${m.caption} (${m.lists.join(', ')}), score ${m.score}` });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    reasons.push({ code: 'not-screened', detail: err.detail });
  }
  const stop = reasons.some((r) => r.code === 'document-reported' || r.code === 'document-expired' || r.code === 'document-invalid');
  const recommendation = stop ? 'no-board' : reasons.length ? 'contact' : 'board';
  await ctx.audit.record(ctx.db.kysely, {
    action: 'travel.iapi',
    actor: by.actor,
    ...(by.requestId ? { requestId: by.requestId } : {}),
    details: { carrier: req.flight.carrier, flight: `${req.flight.carrier}${req.flight.number}`, recommendation, reasons: reasons.map((r) => r.code) },
  });
  return { recommendation, reasons };
}
