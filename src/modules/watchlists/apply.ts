// Applies batches of imported entities to the temporal table: only new and changed rows are written; batches overlap with reading.
import type { ImportedEntity } from './importers/types.js';
import { prepare } from './prepare.js';
import { mergeDuplicate } from './duplicates.js';
import type { WlExecutor } from './tables.js';
import type { BulkWriter, PreparedEntity, RowKey } from './writer.js';

export interface RowCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface Applier {
  /** Starts writing a batch (ids unique within it) once the previous one is written; resolves when it has started. */
  submit(batch: Map<string, ImportedEntity>): Promise<void>;
  /** Waits for the last batch; returns what was written so far. */
  drain(): Promise<RowCounts>;
}

export function createApplier(w: BulkWriter, t: WlExecutor, list: string, version: number, file?: string): Applier {
  const rows: RowCounts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  let inFlight: Promise<void> | undefined;

  async function write(batch: Map<string, ImportedEntity>, prepared: Map<string, PreparedEntity>, previous: Promise<void> | undefined): Promise<void> {
    await previous;
    const { fresh, current } = await w.seen([...batch.keys()]);
    for (const [id, e] of batch) if (!fresh.has(id)) await mergeDuplicate(t, w, list, version, e, file);
    const inserts: PreparedEntity[] = [];
    const closes: RowKey[] = [];
    for (const id of fresh) {
      const row = prepared.get(id)!;
      const cur = current.get(id);
      if (cur?.hash === row.hash) rows.unchanged++;
      else {
        if (cur) {
          closes.push({ id, firstVersion: cur.firstVersion });
          rows.changed++;
        } else rows.added++;
        inserts.push(row);
      }
    }
    await w.write(closes, inserts, version);
  }

  return {
    async submit(batch) {
      // Hashing and name folding happen while the previous batch is still being written.
      const prepared = new Map<string, PreparedEntity>();
      for (const [id, e] of batch) prepared.set(id, prepare(e));
      const previous = inFlight;
      inFlight = write(batch, prepared, previous);
      inFlight.catch(() => {}); // observed by the next submit or by drain
      if (previous) await previous;
    },
    async drain() {
      await inFlight;
      return rows;
    },
  };
}
