// Activation of a list version (also rollback to an older one): audited, and announced as an event in the same transaction.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import type { PlatformTables } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { getList, type ListSummary } from './store.js';
import { wl } from './tables.js';

export const VERSION_ACTIVATED = 'watchlists.version-activated';

export interface VersionActivated {
  list: string;
  version: number;
  previousVersion: number | null;
}

/** The event screening consumes; written in the caller's transaction. */
export async function activationEffects(ctx: AppContext, trx: Transaction<PlatformTables>, payload: VersionActivated): Promise<void> {
  await ctx.outbox.emit(trx, { topic: VERSION_ACTIVATED, key: payload.list, payload });
}

export interface ActivateResult {
  list: ListSummary;
  /** False when the version was active already (nothing written). */
  changed: boolean;
  previousVersion: number | null;
}

export async function activate(ctx: AppContext, name: string, version: number, by: { actor: Actor; requestId?: string | undefined }): Promise<ActivateResult> {
  const { db } = ctx;
  const outcome = await db.transaction(async (trx) => {
    await db.lockInTransaction(trx, `watchlists:${name}`);
    const t = wl(trx);
    const list = await t.selectFrom('watchlist_lists').selectAll().where('name', '=', name).executeTakeFirst();
    if (!list) throw notFound('list', name);
    const exists = await t.selectFrom('watchlist_versions').select('version').where('list', '=', name).where('version', '=', version).executeTakeFirst();
    if (!exists) throw notFound(`version ${version} of list`, name);
    const previousVersion = list.active_version;
    if (previousVersion === version) return { changed: false, previousVersion };
    await t.updateTable('watchlist_lists').set({ active_version: version, updated_at: ctx.clock.now().toISOString() }).where('name', '=', name).execute();
    await ctx.audit.record(trx, {
      action: 'watchlist.activate',
      actor: by.actor,
      target: { type: 'watchlist', id: name },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { list: name, version, previousVersion, rollback: previousVersion !== null && version < previousVersion },
    });
    await activationEffects(ctx, trx, { list: name, version, previousVersion });
    return { changed: true, previousVersion };
  });
  if (outcome.changed) ctx.events.kick();
  return { ...outcome, list: await getList(wl(db.kysely), name) };
}
