// The bookkeeping that ends an import: the version row, the list's active version, the audit row and the activation event.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import type { PlatformTables } from '../../platform/db/index.js';
import type { InputSummary } from './inputs.js';
import type { RowCounts } from './apply.js';
import { countVersion } from './store.js';
import { activationEffects } from './versions.js';
import { wl } from './tables.js';

export interface VersionFacts {
  list: string;
  version: number;
  format: string;
  title?: string | undefined;
  inputs: InputSummary;
  rows: RowCounts;
  /** The active version before this import (null for a new list). */
  previous: number | null;
  activate: boolean;
  actor: Actor;
  requestId?: string | undefined;
  now: string;
}

export async function recordVersion(ctx: AppContext, trx: Transaction<PlatformTables>, f: VersionFacts) {
  const t = wl(trx);
  const { counts, total, auxiliaries } = await countVersion(t, f.list);
  await t
    .insertInto('watchlist_versions')
    .values({
      list: f.list,
      version: f.version,
      format: f.format,
      imported_at: f.now,
      sha256: f.inputs.sha256,
      files: JSON.stringify(f.inputs.files.map((file) => file.name)),
      counts: JSON.stringify(counts),
      total,
      auxiliaries,
      imported_by: f.actor.id,
    })
    .execute();
  await t
    .updateTable('watchlist_lists')
    .set({ format: f.format, updated_at: f.now, ...(f.activate ? { active_version: f.version } : {}), ...(f.title ? { title: f.title } : {}) })
    .where('name', '=', f.list)
    .execute();
  await ctx.audit.record(trx, {
    action: 'watchlist.import',
    actor: f.actor,
    target: { type: 'watchlist', id: f.list },
    ...(f.requestId ? { requestId: f.requestId } : {}),
    details: {
      list: f.list,
      version: f.version,
      format: f.format,
      sha256: f.inputs.sha256,
      total,
      auxiliaries,
      counts: Object.entries(counts).map(([schema, n]) => `${schema}:${n}`),
      activated: f.activate,
      added: f.rows.added,
      changed: f.rows.changed,
      removed: f.rows.removed,
    },
  });
  if (f.activate) await activationEffects(ctx, trx, { list: f.list, version: f.version, previousVersion: f.previous });
  return { counts, total, auxiliaries };
}
