// Threat observables as FtM-like entities: IPs, domains, URLs, e-mail addresses, wallets and hashes imported over TAXII, with TLP and source.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { Migration } from '../../platform/db/migrate.js';
import type { ConsumerDef } from '../../platform/events/types.js';
import { observablesOf, OBSERVABLE_KINDS, TLP_LEVELS, type ObservableKind, type TlpLevel } from '../../core/stix/index.js';
import { OBSERVABLES_ADDED } from './observed.js';
import { tx } from './tables.js';

/** FollowTheMoney has schemata for wallets (CryptoWallet.publicKey) and accounts (UserAccount.email); the rest are Things with a kind. */
const SCHEMA: Readonly<Record<ObservableKind, { schema: string; property?: string }>> = {
  wallet: { schema: 'CryptoWallet', property: 'publicKey' },
  email: { schema: 'UserAccount', property: 'email' },
  ip: { schema: 'Thing' },
  domain: { schema: 'Thing' },
  url: { schema: 'Thing' },
  'file-hash': { schema: 'Thing' },
};

export const entitiesMigration: Migration = {
  name: '002_taxii_entities',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('taxii_entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('value_key', 'text', (c) => c.notNull()) // the value as compared: lower case except case-sensitive wallet addresses
      .addColumn('stix_id', 'text', (c) => c.notNull())
      .addColumn('collection_id', 'text', (c) => c.notNull())
      .addColumn('tlp_rank', 'integer', (c) => c.notNull())
      .addColumn('first_seen', 'text', (c) => c.notNull()) // date_added of the first stored version carrying the value
      .addColumn('last_seen', 'text', (c) => c.notNull()) // date_added of the latest one
      .addColumn('properties', 'text', (c) => c.notNull()) // FtM-style {property: [values]}
      .execute();
    await trx.schema.createIndex('taxii_entities_value').on('taxii_entities').columns(['value_key', 'kind']).execute();
    await trx.schema.createIndex('taxii_entities_stix').on('taxii_entities').columns(['stix_id']).execute();
  },
};

export interface ThreatObservable {
  id: string;
  schema: string;
  kind: ObservableKind;
  value: string;
  stixId: string;
  collectionId: string;
  tlp: TlpLevel;
  firstSeen: string;
  lastSeen: string;
  properties: Record<string, string[]>;
}

/** How values are compared: Bitcoin-style base58/bech32 wallet addresses keep their case, everything else is folded. */
export const valueKey = (kind: ObservableKind, value: string): string => {
  const v = value.trim();
  return kind === 'wallet' && !/^0x/i.test(v) ? v : v.toLowerCase();
};

/** Entity id: derived from the STIX id and the value it carries (an indicator's pattern can carry several). */
export const entityId = (stixId: string, kind: ObservableKind, value: string): string =>
  `taxii-${createHash('sha256')
    .update(`${stixId}\n${kind}\n${valueKey(kind, value)}`)
    .digest('hex')
    .slice(0, 32)}`;

/** Records the observables of these objects of a collection; idempotent (the same rows for the same stored versions). */
export async function recordObservables(ctx: AppContext, collectionId: string, ids: readonly string[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    await ctx.db.transaction(async (trx) => {
      const t = tx(trx);
      const rows = await t
        .selectFrom('taxii_objects')
        .select(['id', 'body', 'tlp_rank', 'date_added', 'version_key'])
        .where('collection_id', '=', collectionId)
        .where('id', 'in', chunk)
        .orderBy('id')
        .orderBy('version_key')
        .execute();
      // Per value: the earliest and latest date_added of the versions carrying it; TLP and values of the latest version.
      const found = new Map<string, ThreatObservable>();
      for (const r of rows) {
        for (const o of observablesOf(JSON.parse(r.body) as Record<string, unknown>)) {
          const id = entityId(r.id, o.kind, o.value);
          const prev = found.get(id);
          const s = SCHEMA[o.kind];
          const properties: Record<string, string[]> = { name: [o.value], keywords: [o.kind], ...(s.property ? { [s.property]: [o.value] } : {}) };
          found.set(id, {
            id,
            schema: s.schema,
            kind: o.kind,
            value: o.value,
            stixId: r.id,
            collectionId,
            tlp: TLP_LEVELS[r.tlp_rank]!,
            firstSeen: prev && prev.firstSeen < r.date_added ? prev.firstSeen : r.date_added,
            lastSeen: prev && prev.lastSeen > r.date_added ? prev.lastSeen : r.date_added,
            properties,
          });
        }
      }
      for (const e of found.values()) {
        const row = {
          id: e.id,
          schema: e.schema,
          kind: e.kind,
          value: e.value,
          value_key: valueKey(e.kind, e.value),
          stix_id: e.stixId,
          collection_id: e.collectionId,
          tlp_rank: TLP_LEVELS.indexOf(e.tlp),
          first_seen: e.firstSeen,
          last_seen: e.lastSeen,
          properties: JSON.stringify(e.properties),
        };
        await t
          .insertInto('taxii_entities')
          .values(row)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({ tlp_rank: row.tlp_rank, first_seen: row.first_seen, last_seen: row.last_seen, properties: row.properties }),
          )
          .execute();
        written++;
      }
    });
  }
  return written;
}

/** Consumer of `taxii.observables-added`: keeps the entity table in step with what the store received. */
export function observableEntitiesConsumer(ctx: AppContext): ConsumerDef {
  return {
    name: 'taxii.observable-entities',
    topics: [OBSERVABLES_ADDED],
    async handle(event) {
      const p = event.payload as { collectionId?: unknown; ids?: unknown } | null;
      if (typeof p?.collectionId !== 'string' || !Array.isArray(p.ids)) return;
      await recordObservables(
        ctx,
        p.collectionId,
        p.ids.filter((x): x is string => typeof x === 'string'),
      );
    },
  };
}

export interface ObservableQuery {
  kind?: ObservableKind | undefined;
  /** Exact value (compared as `valueKey` does). */
  value?: string | undefined;
  /** Text within the value. */
  q?: string | undefined;
  collectionId?: string | undefined;
  limit?: number;
  offset?: number;
}

const toView = (r: {
  id: string;
  schema: string;
  kind: string;
  value: string;
  stix_id: string;
  collection_id: string;
  tlp_rank: number;
  first_seen: string;
  last_seen: string;
  properties: string;
}): ThreatObservable => ({
  id: r.id,
  schema: r.schema,
  kind: r.kind as ObservableKind,
  value: r.value,
  stixId: r.stix_id,
  collectionId: r.collection_id,
  tlp: TLP_LEVELS[r.tlp_rank]!,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  properties: JSON.parse(r.properties) as Record<string, string[]>,
});

/** Threat observables by kind and value, last seen first, with their TLP (the caller decides who may see them). */
export async function searchThreatObservables(exec: Executor, f: ObservableQuery): Promise<{ items: ThreatObservable[]; total: number }> {
  const base = () => {
    let q = tx(exec).selectFrom('taxii_entities');
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.value !== undefined)
      q = q.where('value_key', 'in', [...new Set(f.kind ? [valueKey(f.kind, f.value)] : OBSERVABLE_KINDS.map((k) => valueKey(k, f.value!)))]);
    const text = f.q?.trim().toLowerCase();
    if (text) q = q.where(sql<boolean>`lower(value_key) like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
    if (f.collectionId) q = q.where('collection_id', '=', f.collectionId);
    return q;
  };
  const [rows, count] = await Promise.all([
    base()
      .selectAll()
      .orderBy('last_seen', 'desc')
      .orderBy('id')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0)
      .execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { items: rows.map(toView), total: Number(count?.n ?? 0) };
}

/** For other modules (screening of wallets, intel cases): the threat observables with this kind and/or value. */
export async function threatObservables(ctx: Pick<AppContext, 'db'>, f: { kind?: ObservableKind; value?: string }): Promise<ThreatObservable[]> {
  return (await searchThreatObservables(ctx.db.kysely, { ...f, limit: 1000 })).items;
}
