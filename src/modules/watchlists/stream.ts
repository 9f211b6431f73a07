// Reads an importer into batches of unique ids (merging repeats within a batch) and hands them to the applier.
import type { ImportContext, ImportedEntity, Importer, ImportSource } from './importers/types.js';
import { cleanImported } from './prepare.js';
import { mergeEntities } from './content.js';
import { duplicateError } from './duplicates.js';
import type { Applier } from './apply.js';

const BATCH = 1000;

/** Streams every record into the applier; returns how many records the importer yielded. */
export async function streamInto(importer: Importer, source: ImportSource, readCtx: ImportContext, applier: Applier, file?: string): Promise<number> {
  let records = 0;
  let batch = new Map<string, ImportedEntity>();
  try {
    for await (const raw of importer.read(source, readCtx)) {
      records++;
      const e = cleanImported(raw, file);
      const earlier = batch.get(e.id);
      if (earlier) {
        const merged = mergeEntities(earlier, e);
        if (!merged) throw duplicateError(earlier, e, file);
        batch.set(e.id, merged);
      } else batch.set(e.id, e);
      if (batch.size >= BATCH) {
        await applier.submit(batch);
        batch = new Map();
      }
    }
    readCtx.signal?.throwIfAborted();
    await applier.submit(batch);
  } catch (err) {
    // Nothing may still be writing when the transaction rolls back.
    await applier.drain().catch(() => undefined);
    throw err;
  }
  return records;
}
