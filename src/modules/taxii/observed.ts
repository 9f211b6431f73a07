// Observables other modules can use: an event names the STIX objects added with observable values; this reads the values.
import type { Executor } from '../../platform/db/index.js';
import type { Outbox } from '../../platform/events/types.js';
import { observablesOf, TLP_LEVELS, type ObservableKind, type TlpLevel } from '../../core/stix/index.js';
import { tx } from './tables.js';

/** Topic of the event emitted when objects carrying observable values (IPs, domains, URLs, e-mail addresses, wallets, hashes) are added. */
export const OBSERVABLES_ADDED = 'taxii.observables-added';
const IDS_PER_EVENT = 500;

export interface ObservableRecord {
  stixId: string;
  kind: ObservableKind;
  value: string;
  tlp: TlpLevel;
}

/** Emits, in the caller's transaction, the ids of added objects that carry observables (only ids in the event). */
export async function emitObservables(outbox: Outbox, trx: Executor, collectionId: string, added: readonly Record<string, unknown>[]): Promise<void> {
  const ids = added.filter((o) => observablesOf(o).length).map((o) => String(o.id));
  for (let i = 0; i < ids.length; i += IDS_PER_EVENT) {
    await outbox.emit(trx, { topic: OBSERVABLES_ADDED, key: collectionId, payload: { collectionId, ids: ids.slice(i, i + IDS_PER_EVENT) } });
  }
}

/** The observable values of these objects (latest stored version of each), with the TLP they are marked with. */
export async function observablesIn(exec: Executor, collectionId: string, ids: readonly string[]): Promise<ObservableRecord[]> {
  const out: ObservableRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx(exec)
      .selectFrom('taxii_objects')
      .select(['id', 'body', 'tlp_rank', 'version_key'])
      .where('collection_id', '=', collectionId)
      .where('id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .orderBy('version_key', 'desc')
      .execute();
    let last = '';
    for (const r of rows) {
      if (r.id === last) continue;
      last = r.id;
      for (const o of observablesOf(JSON.parse(r.body) as Record<string, unknown>)) out.push({ stixId: r.id, ...o, tlp: TLP_LEVELS[r.tlp_rank]! });
    }
  }
  return out;
}
