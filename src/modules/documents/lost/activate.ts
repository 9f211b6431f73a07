// Activation of a registry version (also rollback to an older one): audited in the same transaction.
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import { lost, STATE_ID } from './tables.js';

/** Makes a registry version active (or rolls back to an older one); audited. */
export async function activateLost(ctx: AppContext, version: number, by: { actor: Actor; requestId?: string | undefined }) {
  const { db } = ctx;
  return db.transaction(async (trx) => {
    await db.lockInTransaction(trx, 'documents-lost');
    const t = lost(trx);
    const found = await t.selectFrom('lost_versions').select('version').where('version', '=', version).executeTakeFirst();
    if (!found) throw new AppError('not-found', `version ${version} of the lost and stolen registry does not exist`);
    const previous = (await t.selectFrom('lost_state').select('active_version').where('id', '=', STATE_ID).executeTakeFirst())?.active_version ?? null;
    if (previous === version) return { changed: false, activeVersion: version, previousVersion: previous };
    await t.updateTable('lost_state').set({ active_version: version, updated_at: ctx.clock.now().toISOString() }).where('id', '=', STATE_ID).execute();
    await ctx.audit.record(trx, {
      action: 'documents.lost.activate',
      actor: by.actor,
      target: { type: 'lost-registry', id: String(version) },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { version, previousVersion: previous, rollback: previous !== null && version < previous },
    });
    return { changed: true, activeVersion: version, previousVersion: previous };
  });
}
