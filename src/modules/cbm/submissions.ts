// National submissions under CBMs 1, 6, 7, 9 and 16: each filing a new version; a matrix of who reported what, and when.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { actsFor, requireState, type Caller } from './access.js';
import { knownStates } from './states.js';
import { cb, SUBMISSION_CBMS, type SubmissionRow } from './tables.js';

export const VISIBILITIES = ['network', 'secretariat'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const Submission = z.object({
  id: z.string(),
  state: z.string(),
  cbm: z.number(),
  version: z.number(),
  title: z.string(),
  language: z.string(),
  visibility: z.enum(VISIBILITIES),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
});
export type Submission = z.infer<typeof Submission>;

export const SubmissionDetail = Submission.extend({ body: z.string() });
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

const toSubmission = (r: SubmissionRow): Submission => ({
  id: r.id,
  state: r.state,
  cbm: r.cbm,
  version: r.version,
  title: r.title,
  language: r.language,
  visibility: r.visibility as Visibility,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
});

/** Shared with the network, or the caller's own State's, or anything for the secretariat. */
const visible = (r: Pick<SubmissionRow, 'state' | 'visibility'>, by: Caller) => r.visibility === 'network' || actsFor(by, r.state);

export async function submit(
  ctx: AppContext,
  input: { cbm: number; title: string; body: string; language: string; visibility: Visibility; state?: string | undefined },
  by: Caller,
): Promise<SubmissionDetail> {
  const state = input.state ?? requireState(by);
  if (!actsFor(by, state)) throw new AppError('forbidden', `You may file submissions only for your own State (${by.state ?? 'none'}).`);
  if (!(SUBMISSION_CBMS as readonly number[]).includes(input.cbm)) throw invalid('cbm', `must be one of ${SUBMISSION_CBMS.join(', ')}`);
  const title = input.title.trim();
  if (!title || title.length > 300) throw invalid('title', 'must be 1 to 300 characters');
  const body = input.body.replace(/\r\n/g, '\n').trim();
  if (!body || body.length > 200_000) throw invalid('body', 'must be 1 to 200000 characters');
  if (!/^[a-z]{2,3}$/.test(input.language)) throw invalid('language', 'must be a language code such as "en" or "ru"');
  const now = ctx.clock.now();
  const id = newId('sub', now);
  await ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `cbm-submission-${state}-${input.cbm}`);
    const db = cb(trx);
    const last = await db
      .selectFrom('cbm_submissions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('state', '=', state)
      .where('cbm', '=', input.cbm)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await db
      .insertInto('cbm_submissions')
      .values({
        id,
        state,
        cbm: input.cbm,
        version,
        title,
        body,
        language: input.language,
        visibility: input.visibility,
        submitted_by: by.actor.id,
        submitted_at: now.toISOString(),
      })
      .execute();
    await ctx.audit.record(trx, {
      action: 'cbm.submission.create',
      actor: by.actor,
      target: { type: 'cbm-submission', id },
      requestId: by.requestId,
      details: { cbm: input.cbm, version, visibility: input.visibility },
    });
  });
  return getSubmission(ctx, id, by);
}

export async function listSubmissions(ctx: AppContext, by: Caller, q: { state?: string | undefined; cbm?: number | undefined } = {}): Promise<Submission[]> {
  let query = cb(ctx.db.kysely).selectFrom('cbm_submissions').selectAll();
  if (q.state) query = query.where('state', '=', q.state);
  if (q.cbm) query = query.where('cbm', '=', q.cbm);
  if (!by.secretariat) query = query.where((eb) => eb.or([eb('visibility', '=', 'network'), eb('state', '=', by.state ?? '')]));
  const rows = await query.orderBy('state').orderBy('cbm').orderBy('version', 'desc').execute();
  return rows.map(toSubmission);
}

export async function getSubmission(ctx: AppContext, id: string, by: Caller): Promise<SubmissionDetail> {
  const r = await cb(ctx.db.kysely).selectFrom('cbm_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || !visible(r, by)) throw notFound('Submission', id);
  return { ...toSubmission(r), body: r.body };
}

export const MatrixCell = z.object({ cbm: z.number(), versions: z.number(), latestVersion: z.number(), latestId: z.string(), latestAt: z.string() });
export type MatrixCell = z.infer<typeof MatrixCell>;
/** For each State of the network, a cell per CBM (null: never reported). */
export const Matrix = z.object({ cbms: z.array(z.number()), rows: z.array(z.object({ state: z.string(), cells: z.array(MatrixCell.nullable()) })) });
export type Matrix = z.infer<typeof Matrix>;

/** For each State of the network and each CBM: the latest visible version and when it was filed. */
export async function submissionMatrix(ctx: AppContext, by: Caller): Promise<Matrix> {
  const subs = await listSubmissions(ctx, by);
  const states = [...new Set([...(await knownStates(ctx)), ...subs.map((s) => s.state)])].sort();
  return {
    cbms: [...SUBMISSION_CBMS],
    rows: states.map((state) => ({
      state,
      cells: SUBMISSION_CBMS.map((cbm) => {
        const mine = subs.filter((s) => s.state === state && s.cbm === cbm);
        const latest = mine[0];
        return latest ? { cbm, versions: mine.length, latestVersion: latest.version, latestId: latest.id, latestAt: latest.submittedAt } : null;
      }),
    })),
  };
}
