// API roots, collections and partners with their rights: the administrative side of the TAXII store.
import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '../../platform/db/index.js';
import type { ActingAs } from '../../platform/auth/index.js';
import type { AuditLog } from '../../platform/audit/types.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { parseTlpLevel, type TlpLevel } from '../../core/stix/index.js';
import type { Access } from './access.js';
import { rightsOn } from './access.js';
import { tx, type ApiRootRow, type CollectionRow } from './tables.js';

export const STIX_21 = 'application/stix+json;version=2.1';
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ALIAS = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export interface Collection {
  id: string;
  apiRoot: string;
  title: string;
  description: string | null;
  alias: string | null;
  mediaTypes: string[];
  createdAt: string;
}

export const toCollection = (r: CollectionRow): Collection => ({
  id: r.id,
  apiRoot: r.api_root,
  title: r.title,
  description: r.description,
  alias: r.alias,
  mediaTypes: JSON.parse(r.media_types) as string[],
  createdAt: r.created_at,
});

export async function listApiRoots(exec: Executor): Promise<ApiRootRow[]> {
  return tx(exec).selectFrom('taxii_api_roots').selectAll().orderBy('name').execute();
}

export async function getApiRoot(exec: Executor, name: string): Promise<ApiRootRow | undefined> {
  return tx(exec).selectFrom('taxii_api_roots').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function ensureApiRoot(
  exec: Executor,
  input: { name: string; title: string; description?: string | null; maxContentLength?: number },
  now: string,
): Promise<void> {
  if (!NAME.test(input.name)) throw invalid('apiRoot', 'must be 1-63 lower-case letters, digits, _ or -');
  if (await getApiRoot(exec, input.name)) return;
  await tx(exec)
    .insertInto('taxii_api_roots')
    .values({
      name: input.name,
      title: input.title,
      description: input.description ?? null,
      max_content_length: input.maxContentLength ?? 10_485_760,
      created_at: now,
    })
    .execute();
}

export async function addCollection(
  db: Database,
  audit: AuditLog,
  input: {
    title: string;
    apiRoot?: string | undefined;
    alias?: string | undefined;
    description?: string | undefined;
    id?: string | undefined;
    mediaTypes?: string[];
  },
  by: ActingAs,
  now: string,
): Promise<Collection> {
  const title = input.title.trim();
  if (!title || title.length > 200) throw invalid('title', 'must be 1-200 characters');
  const apiRoot = input.apiRoot ?? 'default';
  if (input.alias !== undefined && !ALIAS.test(input.alias)) throw invalid('alias', 'must be 1-100 lower-case letters, digits, . _ or -');
  const id = input.id ?? randomUUID();
  return db.transaction(async (trx) => {
    if (!(await getApiRoot(trx, apiRoot))) throw notFound('API root', apiRoot);
    const t = tx(trx);
    if (await t.selectFrom('taxii_collections').select('id').where('id', '=', id).executeTakeFirst()) throw conflict(`collection ${id} exists`, 'id');
    if (
      input.alias &&
      (await t.selectFrom('taxii_collections').select('id').where('api_root', '=', apiRoot).where('alias', '=', input.alias).executeTakeFirst())
    )
      throw conflict(`alias ${input.alias} is taken in ${apiRoot}`, 'alias');
    const row: CollectionRow = {
      id,
      api_root: apiRoot,
      title,
      description: input.description ?? null,
      alias: input.alias ?? null,
      media_types: JSON.stringify(input.mediaTypes ?? [STIX_21]),
      created_at: now,
    };
    await t.insertInto('taxii_collections').values(row).execute();
    await audit.record(trx, {
      action: 'taxii.collection.add',
      actor: by.actor,
      target: { type: 'taxii-collection', id },
      requestId: by.requestId,
      details: { apiRoot },
    });
    return toCollection(row);
  });
}

export async function listCollections(exec: Executor, apiRoot?: string): Promise<Collection[]> {
  let q = tx(exec).selectFrom('taxii_collections').selectAll();
  if (apiRoot) q = q.where('api_root', '=', apiRoot);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toCollection);
}

/** A collection of an API root by id or alias, if the caller may know it exists. */
export async function findCollection(exec: Executor, apiRoot: string, idOrAlias: string, access: Access): Promise<Collection | undefined> {
  const row = await tx(exec)
    .selectFrom('taxii_collections')
    .selectAll()
    .where('api_root', '=', apiRoot)
    .where((eb) => eb.or([eb('id', '=', idOrAlias), eb('alias', '=', idOrAlias)]))
    .executeTakeFirst();
  if (!row || !rightsOn(access, row.id).visible) return undefined;
  return toCollection(row);
}

export interface PartnerGrant {
  orgId: string;
  orgName: string;
  maxTlp: TlpLevel;
  collectionId: string;
  canRead: boolean;
  canWrite: boolean;
}

/** Makes an organisation a partner with a highest TLP, and sets its rights on one collection. */
export async function setPartnerGrant(
  db: Database,
  audit: AuditLog,
  input: { orgId: string; collectionId: string; read: boolean; write: boolean; maxTlp: string },
  by: ActingAs,
  now: string,
): Promise<PartnerGrant> {
  const level = parseTlpLevel(input.maxTlp);
  if (!level) throw invalid('maxTlp', 'must be one of clear (white), green, amber, amber+strict, red');
  return db.transaction(async (trx) => {
    const t = tx(trx);
    const org = await t.selectFrom('organisations').select(['id', 'name']).where('id', '=', input.orgId).executeTakeFirst();
    if (!org) throw notFound('Organisation', input.orgId);
    if (!(await t.selectFrom('taxii_collections').select('id').where('id', '=', input.collectionId).executeTakeFirst()))
      throw notFound('Collection', input.collectionId);
    const existing = await t.selectFrom('taxii_partners').select('org_id').where('org_id', '=', org.id).executeTakeFirst();
    if (existing) await t.updateTable('taxii_partners').set({ max_tlp: level, updated_at: now }).where('org_id', '=', org.id).execute();
    else await t.insertInto('taxii_partners').values({ org_id: org.id, max_tlp: level, created_at: now, updated_at: now }).execute();
    const rights = { can_read: input.read ? 1 : 0, can_write: input.write ? 1 : 0 };
    const grant = await t
      .selectFrom('taxii_grants')
      .select('org_id')
      .where('org_id', '=', org.id)
      .where('collection_id', '=', input.collectionId)
      .executeTakeFirst();
    if (grant) await t.updateTable('taxii_grants').set(rights).where('org_id', '=', org.id).where('collection_id', '=', input.collectionId).execute();
    else
      await t
        .insertInto('taxii_grants')
        .values({ org_id: org.id, collection_id: input.collectionId, ...rights })
        .execute();
    await audit.record(trx, {
      action: 'taxii.partner.grant',
      actor: by.actor,
      target: { type: 'organisation', id: org.id },
      requestId: by.requestId,
      details: { collectionId: input.collectionId, read: input.read, write: input.write, maxTlp: level },
    });
    return { orgId: org.id, orgName: org.name, maxTlp: level, collectionId: input.collectionId, canRead: input.read, canWrite: input.write };
  });
}

export async function listPartnerGrants(exec: Executor): Promise<PartnerGrant[]> {
  const rows = await tx(exec)
    .selectFrom('taxii_grants as g')
    .innerJoin('taxii_partners as p', 'p.org_id', 'g.org_id')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select(['g.org_id', 'o.name', 'p.max_tlp', 'g.collection_id', 'g.can_read', 'g.can_write'])
    .orderBy('o.name')
    .orderBy('g.collection_id')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.name,
    maxTlp: r.max_tlp as TlpLevel,
    collectionId: r.collection_id,
    canRead: r.can_read === 1,
    canWrite: r.can_write === 1,
  }));
}
