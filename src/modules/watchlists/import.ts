// The import pipeline: streams an importer into a new version of a list in ONE transaction, writing only what changed.
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import { AppError } from '../../platform/errors.js';
import { importerFor, availableFormats } from './importers/index.js';
import type { ImportContext, Importer, ImportFormat, ImportProgress } from './importers/types.js';
import { summariseInputs } from './inputs.js';
import { createApplier } from './apply.js';
import { streamInto } from './stream.js';
import { recordVersion } from './version-record.js';
import { createWriter, type BulkWriter } from './writer.js';
import { adoptOrphans, assertListName } from './store.js';
import { wl } from './tables.js';
import { BUILTIN_SOURCES } from './sources.js';

export interface ImportOptions {
  list: string;
  format: ImportFormat;
  paths: readonly string[];
  mapping?: string | undefined;
  title?: string | undefined;
  /** Make the new version active (default true; the first version of a list always becomes active). */
  activate?: boolean | undefined;
  actor: Actor;
  requestId?: string | undefined;
  /** Use this importer instead of the registry's (tests). */
  importer?: Importer | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Notices of the importer that are not errors (e.g. extra OFAC aliases without an entry). */
  onNotice?: ((message: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface ImportResult {
  status: 'imported' | 'unchanged';
  list: string;
  /** The new version, or for `unchanged` the latest version holding the same inputs. */
  version: number;
  sha256: string;
  activated: boolean;
  activeVersion: number | null;
  counts: Record<string, number>;
  total: number;
  auxiliaries: number;
  /** Rows (listed and auxiliary) new, changed, removed and kept against the previous version. */
  rows: { added: number; changed: number; removed: number; unchanged: number };
  records: number;
}

export async function importList(ctx: AppContext, opts: ImportOptions): Promise<ImportResult> {
  assertListName(opts.list);
  const importer = opts.importer ?? importerFor(opts.format);
  if (!importer) {
    throw new AppError('validation-failed', `format ${opts.format} cannot be imported by this build; available: ${availableFormats().join(', ') || 'none'}`, {
      field: 'format',
    });
  }
  const inputs = await summariseInputs(opts.paths, opts.mapping);
  const file = opts.paths.length === 1 ? opts.paths[0] : undefined;
  const now = ctx.clock.now().toISOString();
  const { db } = ctx;

  let writer: BulkWriter | undefined;
  const result = await db
    .transaction(async (trx) => {
      await db.lockInTransaction(trx, `watchlists:${opts.list}`);
      const t = wl(trx);
      const list = await t.selectFrom('watchlist_lists').selectAll().where('name', '=', opts.list).executeTakeFirst();
      const latest = await t.selectFrom('watchlist_versions').selectAll().where('list', '=', opts.list).orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (latest && latest.sha256 === inputs.sha256) {
        return {
          status: 'unchanged',
          list: opts.list,
          version: latest.version,
          sha256: latest.sha256,
          activated: false,
          activeVersion: list?.active_version ?? null,
          counts: JSON.parse(latest.counts) as Record<string, number>,
          total: latest.total,
          auxiliaries: latest.auxiliaries,
          rows: { added: 0, changed: 0, removed: 0, unchanged: 0 },
          records: 0,
        } satisfies ImportResult;
      }
      const version = (latest?.version ?? 0) + 1;
      if (!list) {
        await t
          .insertInto('watchlist_lists')
          .values({
            name: opts.list,
            title: opts.title ?? BUILTIN_SOURCES[opts.list]?.title ?? opts.list,
            format: opts.format,
            active_version: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }

      const w = createWriter(db, trx, opts.list, latest === undefined);
      writer = w;
      await w.begin();
      const applier = createApplier(w, t, opts.list, version, file);
      const onProgress = opts.onProgress;
      const readCtx: ImportContext & { onNotice?: (message: string) => void } = {
        ...(onProgress ? { onProgress: (p: ImportProgress) => onProgress({ ...p, totalBytes: p.totalBytes ?? inputs.totalBytes }) } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
      };
      const source = { paths: opts.paths, listName: opts.list, ...(opts.mapping ? { mapping: opts.mapping } : {}) };
      const records = await streamInto(importer, source, readCtx, applier, file);
      const rows = await applier.drain();
      rows.removed = await w.closeUnseen(version);
      await w.end();
      await adoptOrphans(t, opts.list, version);
      const previous = list?.active_version ?? null;
      const activate = opts.activate !== false || previous === null;
      const facts = { list: opts.list, version, format: opts.format, title: opts.title, inputs, rows, previous, activate, now };
      const { counts, total, auxiliaries } = await recordVersion(ctx, trx, { ...facts, actor: opts.actor, requestId: opts.requestId });
      return {
        status: 'imported',
        list: opts.list,
        version,
        sha256: inputs.sha256,
        activated: activate,
        activeVersion: activate ? version : previous,
        counts,
        total,
        auxiliaries,
        rows,
        records,
      } satisfies ImportResult;
    })
    .finally(() => writer?.dispose());
  if (result.activated) ctx.events.kick();
  return result as ImportResult;
}
