// Managing the TAXII store from the workbench: collections changed or removed, partners' TLP and rights, subscriptions removed.
import type { Database, Executor } from '../../platform/db/index.js';
import type { ActingAs } from '../../platform/auth/index.js';
import type { AuditLog } from '../../platform/audit/types.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { parseTlpLevel, type TlpLevel } from '../../core/stix/index.js';
import { toCollection, type Collection } from './collections.js';
import { tx, type SubscriptionRow } from './tables.js';

const ALIAS = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export interface CollectionStats extends Collection {
  objects: number;
  lastAdded: string | null;
  partners: number;
  subscriptions: number;
}

/** Collections with how many object versions they hold, when the last was added, and how many partners and subscriptions use them. */
export async function collectionsWithStats(exec: Executor): Promise<CollectionStats[]> {
  const k = tx(exec);
  const [rows, objects, grants, subs] = await Promise.all([
    k.selectFrom('taxii_collections').selectAll().orderBy('created_at').orderBy('id').execute(),
    k
      .selectFrom('taxii_objects')
      .select(['collection_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('date_added').as('last')])
      .groupBy('collection_id')
      .execute(),
    k
      .selectFrom('taxii_grants')
      .select(['collection_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('collection_id')
      .execute(),
    k
      .selectFrom('taxii_subscriptions')
      .select(['collection_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('collection_id')
      .execute(),
  ]);
  const by = <T extends { collection_id: string }>(list: T[]) => new Map(list.map((r) => [r.collection_id, r]));
  const o = by(objects);
  const g = by(grants);
  const s = by(subs);
  return rows.map((r) => ({
    ...toCollection(r),
    objects: Number(o.get(r.id)?.n ?? 0),
    lastAdded: (o.get(r.id)?.last as string | null | undefined) ?? null,
    partners: Number(g.get(r.id)?.n ?? 0),
    subscriptions: Number(s.get(r.id)?.n ?? 0),
  }));
}

export async function updateCollection(
  db: Database,
  audit: AuditLog,
  id: string,
  changes: { title?: string | undefined; description?: string | null | undefined; alias?: string | null | undefined },
  by: ActingAs,
): Promise<Collection> {
  const set: { title?: string; description?: string | null; alias?: string | null } = {};
  if (changes.title !== undefined) {
    const title = changes.title.trim();
    if (!title || title.length > 200) throw invalid('title', 'must be 1-200 characters');
    set.title = title;
  }
  if (changes.description !== undefined) set.description = changes.description?.trim() || null;
  if (changes.alias !== undefined) {
    if (changes.alias !== null && changes.alias !== '' && !ALIAS.test(changes.alias))
      throw invalid('alias', 'must be 1-100 lower-case letters, digits, . _ or -');
    set.alias = changes.alias || null;
  }
  return db.transaction(async (trx) => {
    const t = tx(trx);
    const row = await t.selectFrom('taxii_collections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Collection', id);
    if (set.alias && set.alias !== row.alias) {
      const taken = await t.selectFrom('taxii_collections').select('id').where('api_root', '=', row.api_root).where('alias', '=', set.alias).executeTakeFirst();
      if (taken) throw conflict(`alias ${set.alias} is taken in ${row.api_root}`, 'alias');
    }
    if (Object.keys(set).length) await t.updateTable('taxii_collections').set(set).where('id', '=', id).execute();
    await audit.record(trx, {
      action: 'taxii.collection.update',
      actor: by.actor,
      target: { type: 'taxii-collection', id },
      requestId: by.requestId,
      details: { fields: Object.keys(set) },
    });
    return toCollection({ ...row, ...set });
  });
}

/** Removes an empty collection with its partner rights; one holding objects or receiving a subscription is refused. */
export async function deleteCollection(db: Database, audit: AuditLog, id: string, by: ActingAs): Promise<void> {
  await db.transaction(async (trx) => {
    const t = tx(trx);
    if (!(await t.selectFrom('taxii_collections').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('Collection', id);
    const objects = await t.selectFrom('taxii_objects').select('seq').where('collection_id', '=', id).limit(1).executeTakeFirst();
    if (objects) throw conflict(`collection ${id} holds STIX objects: only an empty collection can be deleted`);
    const sub = await t.selectFrom('taxii_subscriptions').select('id').where('collection_id', '=', id).limit(1).executeTakeFirst();
    if (sub) throw conflict(`subscription ${sub.id} stores into collection ${id}: remove it first`);
    const grants = await t.deleteFrom('taxii_grants').where('collection_id', '=', id).executeTakeFirst();
    await t.deleteFrom('taxii_collections').where('id', '=', id).execute();
    await audit.record(trx, {
      action: 'taxii.collection.delete',
      actor: by.actor,
      target: { type: 'taxii-collection', id },
      requestId: by.requestId,
      details: { grantsRemoved: Number(grants.numDeletedRows) },
    });
  });
}

export interface PartnerView {
  orgId: string;
  orgName: string;
  orgKind: string;
  maxTlp: TlpLevel;
  updatedAt: string;
  grants: { collectionId: string; collectionTitle: string; canRead: boolean; canWrite: boolean }[];
}

/** Partner organisations with their highest TLP and their rights per collection (a partner without rights sees nothing). */
export async function listPartners(exec: Executor): Promise<PartnerView[]> {
  const k = tx(exec);
  const partners = await k
    .selectFrom('taxii_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'o.name', 'o.kind', 'p.max_tlp', 'p.updated_at'])
    .orderBy('o.name')
    .execute();
  const grants = await k
    .selectFrom('taxii_grants as g')
    .innerJoin('taxii_collections as c', 'c.id', 'g.collection_id')
    .select(['g.org_id', 'g.collection_id', 'c.title', 'g.can_read', 'g.can_write'])
    .orderBy('c.title')
    .execute();
  return partners.map((p) => ({
    orgId: p.org_id,
    orgName: p.name,
    orgKind: p.kind,
    maxTlp: p.max_tlp as TlpLevel,
    updatedAt: p.updated_at,
    grants: grants
      .filter((g) => g.org_id === p.org_id)
      .map((g) => ({ collectionId: g.collection_id, collectionTitle: g.title, canRead: g.can_read === 1, canWrite: g.can_write === 1 })),
  }));
}

export async function setPartnerTlp(db: Database, audit: AuditLog, orgId: string, maxTlp: string, by: ActingAs, now: string): Promise<void> {
  const level = parseTlpLevel(maxTlp);
  if (!level) throw invalid('maxTlp', 'must be one of clear (white), green, amber, amber+strict, red');
  await db.transaction(async (trx) => {
    const r = await tx(trx).updateTable('taxii_partners').set({ max_tlp: level, updated_at: now }).where('org_id', '=', orgId).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw notFound('TAXII partner', orgId);
    await audit.record(trx, {
      action: 'taxii.partner.update',
      actor: by.actor,
      target: { type: 'organisation', id: orgId },
      requestId: by.requestId,
      details: { maxTlp: level },
    });
  });
}

/** Takes a partner's rights on one collection away; the organisation stays a partner (and so sees nothing there). */
export async function revokeGrant(db: Database, audit: AuditLog, orgId: string, collectionId: string, by: ActingAs): Promise<void> {
  await db.transaction(async (trx) => {
    const r = await tx(trx).deleteFrom('taxii_grants').where('org_id', '=', orgId).where('collection_id', '=', collectionId).executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw notFound('Right', `of ${orgId} on collection ${collectionId}`);
    await audit.record(trx, {
      action: 'taxii.partner.revoke',
      actor: by.actor,
      target: { type: 'organisation', id: orgId },
      requestId: by.requestId,
      details: { collectionId },
    });
  });
}

export async function getSubscription(exec: Executor, id: string): Promise<SubscriptionRow> {
  const row = await tx(exec).selectFrom('taxii_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Subscription', id);
  return row;
}

export async function removeSubscription(db: Database, audit: AuditLog, id: string, by: ActingAs): Promise<void> {
  await db.transaction(async (trx) => {
    await getSubscription(trx, id);
    await tx(trx).deleteFrom('taxii_subscriptions').where('id', '=', id).execute();
    await audit.record(trx, { action: 'taxii.subscription.remove', actor: by.actor, target: { type: 'taxii-subscription', id }, requestId: by.requestId });
  });
}

export interface SubscriptionView {
  id: string;
  url: string;
  collectionId: string;
  authKind: string;
  authEnv: string | null;
  everySeconds: number;
  createdAt: string;
  addedAfter: string | null;
  nextAttemptAt: string;
  /** `never` before the first sync; `failing` when the last attempt failed; else `ok`. */
  status: 'never' | 'ok' | 'failing';
  lastSyncAt: string | null;
  lastAdded: number;
  lastRejected: number;
  lastError: string | null;
  failures: number;
}

export const subscriptionView = (s: SubscriptionRow): SubscriptionView => ({
  id: s.id,
  url: s.url,
  collectionId: s.collection_id,
  authKind: s.auth_kind,
  authEnv: s.auth_env,
  everySeconds: s.every_seconds,
  createdAt: s.created_at,
  addedAfter: s.added_after,
  nextAttemptAt: s.next_attempt_at,
  status: s.failures > 0 ? 'failing' : s.last_sync_at ? 'ok' : 'never',
  lastSyncAt: s.last_sync_at,
  lastAdded: s.last_added,
  lastRejected: s.last_rejected,
  lastError: s.last_error,
  failures: s.failures,
});
