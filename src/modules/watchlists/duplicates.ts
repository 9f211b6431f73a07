// A record whose id was already stored by the same import: merged into that row, FtM style, keeping the temporal table exact.
import { ImportError, type ImportedEntity } from './importers/types.js';
import { mergeEntities } from './content.js';
import { fromStored, prepare } from './prepare.js';
import type { WlExecutor } from './tables.js';
import type { BulkWriter } from './writer.js';

export function duplicateError(a: ImportedEntity, b: ImportedEntity, file?: string): ImportError {
  return new ImportError(`entity ${b.id} appears twice with unrelated schemata ${a.schema} and ${b.schema}`, {
    ...(file ? { file } : {}),
    record: b.sourceId,
  });
}

async function deleteRow(trx: WlExecutor, list: string, id: string, version: number): Promise<void> {
  const row = (q: any) => q.where('list', '=', list).where('first_version', '=', version);
  await row(trx.deleteFrom('watchlist_names').where('entity_id', '=', id)).execute();
  await row(trx.deleteFrom('watchlist_links').where('entity_id', '=', id)).execute();
  await row(trx.deleteFrom('watchlist_entities').where('id', '=', id)).execute();
}

/** Merges `e` (cleaned) into the row this import already holds for its id, in version `version`. */
export async function mergeDuplicate(trx: WlExecutor, writer: BulkWriter, list: string, version: number, e: ImportedEntity, file?: string): Promise<void> {
  // Every row of the id (one per version it changed in), through the key index.
  const all = await trx.selectFrom('watchlist_entities').selectAll().where('list', '=', list).where('id', '=', e.id).orderBy('first_version', 'desc').execute();
  const written = all.find((r) => r.first_version === version);
  // Seen before but not written: the first record equalled the open row of the previous version.
  const base = written ?? all.find((r) => r.last_version === null);
  if (!base) throw new Error(`entity ${e.id} was seen in this import but has no row`);
  const earlier = fromStored(base);
  const merged = mergeEntities(earlier, e);
  if (!merged) throw duplicateError(earlier, e, file);
  const row = prepare(merged);
  if (row.hash === base.hash) return;
  if (!written) {
    await writer.close([{ id: e.id, firstVersion: base.first_version }], version - 1);
    await writer.insert([row], version);
    return;
  }
  await deleteRow(trx, list, e.id, version);
  // The merged record may equal what the previous version held: reopen that row instead of a new one.
  const closedNow = all.find((r) => r.last_version === version - 1);
  if (closedNow?.hash === row.hash) {
    await trx
      .updateTable('watchlist_entities')
      .set({ last_version: null })
      .where('list', '=', list)
      .where('id', '=', e.id)
      .where('first_version', '=', closedNow.first_version)
      .execute();
    return;
  }
  await writer.insert([row], version);
}
