// Ongoing screening: registered subjects, screened when registered and re-screened against the entities a new list version changed.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/types.js';
import type { DeliveredEvent } from '../../platform/events/types.js';
import { notFound } from '../../platform/errors.js';
import { changedEntities, hasVersion, VERSION_ACTIVATED, type VersionActivated } from '../watchlists/index.js';
import { currentIndex } from './index-state.js';
import type { ValidQuery } from './query.js';
import { screenQuery, type ContractResult } from './service.js';
import { sc, type SubjectRow } from './tables.js';

export interface SubjectView {
  id: string;
  reference: string | null;
  query: ValidQuery;
  active: boolean;
  createdAt: string;
  lastScreenedAt: string | null;
}

const view = (r: SubjectRow): SubjectView => ({
  id: r.id,
  reference: r.reference,
  query: JSON.parse(r.query) as ValidQuery,
  active: r.active === 1,
  createdAt: r.created_at,
  lastScreenedAt: r.last_screened_at,
});

export async function getSubject(ctx: AppContext, id: string): Promise<SubjectView> {
  const r = await sc(ctx.db.kysely).selectFrom('screening_subjects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('screening subject', id);
  return view(r);
}

export async function listSubjects(ctx: AppContext, opts: { limit: number; offset: number }): Promise<{ items: SubjectView[]; total: number }> {
  const t = sc(ctx.db.kysely);
  const total = await t
    .selectFrom('screening_subjects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await t.selectFrom('screening_subjects').selectAll().orderBy('created_at').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
  return { items: rows.map(view), total: Number(total?.n ?? 0) };
}

/** Registers a subject (audited without its name) and screens it at once; matches raise alerts. */
export async function registerSubject(
  ctx: AppContext,
  q: ValidQuery,
  by: { actor: Actor; requestId?: string | undefined },
): Promise<{ subject: SubjectView; result: ContractResult; alerts: string[] }> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  const { subjectId: _ignored, ...query } = q;
  await ctx.db.transaction(async (trx) => {
    await sc(trx)
      .insertInto('screening_subjects')
      .values({ id, reference: q.id ?? null, query: JSON.stringify(query), active: 1, created_at: now, created_by: by.actor.id, last_screened_at: null })
      .execute();
    await ctx.audit.record(trx, {
      action: 'screening.subject-register',
      actor: by.actor,
      target: { type: 'screening-subject', id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { schema: query.schema ?? 'Person' },
    });
  });
  const run = await screenQuery(ctx, query, { ...by, subjectId: id });
  await sc(ctx.db.kysely).updateTable('screening_subjects').set({ last_screened_at: now }).where('id', '=', id).execute();
  return { subject: await getSubject(ctx, id), result: run.result, alerts: run.alerts.created };
}

/** Re-screens every active subject against the entities of `list` that changed between two versions. Idempotent. */
export async function rescreenChanged(ctx: AppContext, payload: VersionActivated): Promise<{ changed: number; subjects: number; alerts: number }> {
  const ids = new Set(await changedEntities(ctx.db.kysely, payload.list, payload.previousVersion, payload.version));
  await currentIndex(ctx);
  let subjects = 0;
  let alerts = 0;
  if (!ids.size) return { changed: 0, subjects, alerts };
  const now = ctx.clock.now().toISOString();
  for (let offset = 0; ; offset += 500) {
    const rows = await sc(ctx.db.kysely).selectFrom('screening_subjects').selectAll().where('active', '=', 1).orderBy('id').limit(500).offset(offset).execute();
    for (const r of rows) {
      const run = await screenQuery(ctx, JSON.parse(r.query) as ValidQuery, { actor: SYSTEM_ACTOR, subjectId: r.id, onlyEntities: ids });
      subjects++;
      alerts += run.alerts.created.length;
      await sc(ctx.db.kysely).updateTable('screening_subjects').set({ last_screened_at: now }).where('id', '=', r.id).execute();
    }
    if (rows.length < 500) break;
  }
  ctx.log.info({ list: payload.list, version: payload.version, changed: ids.size, subjects, alerts }, 'ongoing screening after a list version change');
  return { changed: ids.size, subjects, alerts };
}

/**
 * The context of this process's background work, which the consumer works in: consumers receive no context, so the
 * module's jobs function (called once when background work starts) binds it.
 */
let bound: AppContext | null = null;
export const bindContext = (ctx: AppContext): void => {
  bound = ctx;
};

function isActivation(p: unknown): p is VersionActivated {
  const o = p as Partial<VersionActivated> | null;
  return !!o && typeof o.list === 'string' && typeof o.version === 'number' && (o.previousVersion === null || typeof o.previousVersion === 'number');
}

export const versionConsumer = {
  name: 'screening.ongoing',
  topics: [VERSION_ACTIVATED],
  async handle(event: DeliveredEvent): Promise<void> {
    if (!isActivation(event.payload)) return;
    // Delivered before this process bound its context: fail, so the event is delivered again.
    const ctx = bound;
    if (!ctx) throw new Error('screening: the background context is not bound yet');
    const { list, version } = event.payload;
    // Re-screening is idempotent (alerts carry fingerprints); an event of a version this database lacks is not ours.
    const known = await hasVersion(ctx.db.kysely, list, version);
    if (!known) return;
    await rescreenChanged(ctx, event.payload);
  },
};
