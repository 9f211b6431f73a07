// Subscriptions to partners' TAXII collections: stored, synced on a schedule into a local collection, with backoff after failures.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { ActingAs } from '../../platform/auth/index.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import type { JobDef } from '../../platform/jobs/types.js';
import { invalid, notFound } from '../../platform/errors.js';
import { readPage, type ClientOptions } from './client.js';
import { ingest } from './ingest.js';
import { tx, type SubscriptionRow } from './tables.js';

export interface NewSubscription {
  url: string;
  collectionId: string;
  authKind?: 'none' | 'bearer' | 'basic';
  /** Environment variable holding the token (bearer) or `user:password` (basic). */
  authEnv?: string | undefined;
  everySeconds?: number;
}

export interface SyncResult {
  id: string;
  pages: number;
  added: number;
  present: number;
  rejected: number;
  addedAfter: string | null;
}

const COLLECTION_URL = /^https?:\/\/[^/\s]+\/(?:[^\s?#]*\/)?collections\/[^/\s?#]+\/?$/;

export async function addSubscription(ctx: AppContext, input: NewSubscription, by: ActingAs): Promise<SubscriptionRow> {
  if (!COLLECTION_URL.test(input.url)) throw invalid('url', 'must be an http(s) TAXII collection URL ending in /collections/<id>/');
  const kind = input.authKind ?? (input.authEnv ? 'bearer' : 'none');
  if (kind !== 'none' && !/^[A-Z_][A-Z0-9_]{0,100}$/.test(input.authEnv ?? '')) throw invalid('authEnv', 'must name an environment variable (A-Z, 0-9, _)');
  const every = input.everySeconds ?? 3600;
  if (!Number.isInteger(every) || every < 60 || every > 7 * 86400) throw invalid('everySeconds', 'must be 60 to 604800 seconds');
  const now = ctx.clock.now().toISOString();
  const row: SubscriptionRow = {
    id: randomUUID(),
    url: input.url.endsWith('/') ? input.url : input.url + '/',
    collection_id: input.collectionId,
    auth_kind: kind,
    auth_env: kind === 'none' ? null : input.authEnv!,
    every_seconds: every,
    added_after: null,
    next_attempt_at: now,
    failures: 0,
    last_sync_at: null,
    last_error: null,
    last_added: 0,
    last_rejected: 0,
    created_at: now,
  };
  await ctx.db.transaction(async (trx) => {
    if (!(await tx(trx).selectFrom('taxii_collections').select('id').where('id', '=', input.collectionId).executeTakeFirst()))
      throw notFound('Collection', input.collectionId);
    await tx(trx).insertInto('taxii_subscriptions').values(row).execute();
    await ctx.audit.record(trx, {
      action: 'taxii.subscription.add',
      actor: by.actor,
      target: { type: 'taxii-subscription', id: row.id },
      details: { collectionId: input.collectionId },
    });
  });
  return row;
}

export const listSubscriptions = (ctx: AppContext): Promise<SubscriptionRow[]> =>
  tx(ctx.db.kysely).selectFrom('taxii_subscriptions').selectAll().orderBy('created_at').execute();

function authorizationOf(sub: SubscriptionRow, env: NodeJS.ProcessEnv): string | undefined {
  if (sub.auth_kind === 'none') return undefined;
  const secret = env[sub.auth_env ?? ''];
  if (!secret) throw new Error(`the environment variable ${sub.auth_env} holding the credentials is not set`);
  return sub.auth_kind === 'basic' ? `Basic ${Buffer.from(secret).toString('base64')}` : `Bearer ${secret}`;
}

/** Reads every page added since the last sync and stores the valid objects; the cursor advances after each stored page. */
export async function syncSubscription(ctx: AppContext, sub: SubscriptionRow, opts: ClientOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<SyncResult> {
  const client: ClientOptions = { ...opts, authorization: authorizationOf(sub, opts.env ?? process.env) };
  const result: SyncResult = { id: sub.id, pages: 0, added: 0, present: 0, rejected: 0, addedAfter: sub.added_after };
  let next: string | undefined;
  do {
    const page = await readPage(sub.url, { addedAfter: sub.added_after, next }, client);
    result.pages++;
    if (page.objects.length) {
      const r = await ingest(ctx, sub.collection_id, { objects: page.objects }, { actor: SYSTEM_ACTOR });
      result.added += r.added;
      result.present += r.present;
      result.rejected += r.rejected;
    }
    if (page.lastAdded && (!result.addedAfter || page.lastAdded > result.addedAfter)) result.addedAfter = page.lastAdded;
    next = page.more ? page.next : undefined;
  } while (next);
  const now = ctx.clock.now();
  await tx(ctx.db.kysely)
    .updateTable('taxii_subscriptions')
    .set({
      added_after: result.addedAfter,
      last_sync_at: now.toISOString(),
      last_error: null,
      failures: 0,
      last_added: result.added,
      last_rejected: result.rejected,
      next_attempt_at: new Date(now.getTime() + sub.every_seconds * 1000).toISOString(),
    })
    .where('id', '=', sub.id)
    .execute();
  return result;
}

/** Syncs the subscriptions that are due; a failure is recorded and retried later with a growing delay. */
export async function syncDue(
  ctx: AppContext,
  opts: ClientOptions & { env?: NodeJS.ProcessEnv; all?: boolean } = {},
): Promise<(SyncResult | { id: string; error: string })[]> {
  const now = ctx.clock.now();
  const due = (await listSubscriptions(ctx)).filter((s) => opts.all || s.next_attempt_at <= now.toISOString());
  const out: (SyncResult | { id: string; error: string })[] = [];
  for (const sub of due) {
    if (opts.signal?.aborted) break;
    out.push(await syncRecorded(ctx, sub, opts));
  }
  return out;
}

/** Syncs one subscription; a failure is recorded on it (error, failures, a growing delay before the next attempt) and returned. */
export async function syncRecorded(
  ctx: AppContext,
  sub: SubscriptionRow,
  opts: ClientOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<SyncResult | { id: string; error: string }> {
  try {
    return await syncSubscription(ctx, sub, opts);
  } catch (err) {
    const failures = sub.failures + 1;
    const error = (err as Error).message.slice(0, 500);
    const delay = Math.min(sub.every_seconds, 60 * 2 ** Math.min(failures, 10)) * 1000;
    await tx(ctx.db.kysely)
      .updateTable('taxii_subscriptions')
      .set({ failures, last_error: error, next_attempt_at: new Date(ctx.clock.now().getTime() + delay).toISOString() })
      .where('id', '=', sub.id)
      .execute();
    ctx.log.warn({ subscription: sub.id, failures }, `TAXII sync failed: ${error}`);
    return { id: sub.id, error };
  }
}

export const syncJob = (ctx: AppContext): JobDef => ({ name: 'taxii.sync', everySeconds: 60, run: async (signal) => void (await syncDue(ctx, { signal })) });
