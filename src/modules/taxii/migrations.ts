// Tables of the taxii module: API roots (with `default`), collections, partners and their rights, STIX object versions, statuses.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';
import { entitiesMigration } from './entities.js';

const initial: Migration = {
  name: '001_taxii',
  async up(trx: Transaction<any>, ctx) {
    await trx.schema
      .createTable('taxii_api_roots')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('max_content_length', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('taxii_collections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('api_root', 'text', (c) => c.notNull().references('taxii_api_roots.name'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('alias', 'text')
      .addColumn('media_types', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('taxii_collections_alias').on('taxii_collections').columns(['api_root', 'alias']).unique().execute();
    await trx.schema
      .createTable('taxii_partners')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('max_tlp', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('taxii_grants')
      .addColumn('collection_id', 'text', (c) => c.notNull().references('taxii_collections.id'))
      .addColumn('org_id', 'text', (c) => c.notNull().references('taxii_partners.org_id'))
      .addColumn('can_read', 'integer', (c) => c.notNull())
      .addColumn('can_write', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('taxii_grants_pk', ['collection_id', 'org_id'])
      .execute();
    await ctx
      .autoId(trx, 'taxii_objects', 'seq')
      .addColumn('collection_id', 'text', (c) => c.notNull().references('taxii_collections.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version', 'text') // `modified`, else `created`, as written in the object; null when it has neither
      .addColumn('version_key', 'text', (c) => c.notNull()) // sortable nanosecond form of version, '' when none
      .addColumn('spec_version', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('date_added', 'text', (c) => c.notNull()) // six fractional digits, Z: sorts as text
      .addColumn('tlp_rank', 'integer', (c) => c.notNull()) // 0 clear … 4 red
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('taxii_objects_version').on('taxii_objects').columns(['collection_id', 'id', 'version_key']).unique().execute();
    await trx.schema.createIndex('taxii_objects_added').on('taxii_objects').columns(['collection_id', 'date_added', 'seq']).execute();
    await trx.schema.createIndex('taxii_objects_type').on('taxii_objects').columns(['collection_id', 'type', 'date_added', 'seq']).execute();
    await trx.schema
      .createTable('taxii_statuses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('api_root', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('request_timestamp', 'text', (c) => c.notNull())
      .addColumn('total_count', 'integer', (c) => c.notNull())
      .addColumn('success_count', 'integer', (c) => c.notNull())
      .addColumn('failure_count', 'integer', (c) => c.notNull())
      .addColumn('pending_count', 'integer', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull()) // JSON {successes, failures, pendings}
      .addColumn('org_id', 'text')
      .execute();
    await trx.schema
      .createTable('taxii_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull()) // the partner's collection URL, ending in /collections/<id>/
      .addColumn('collection_id', 'text', (c) => c.notNull().references('taxii_collections.id')) // where objects land here
      .addColumn('auth_kind', 'text', (c) => c.notNull()) // none | bearer | basic
      .addColumn('auth_env', 'text') // name of the environment variable holding the secret: never the secret itself
      .addColumn('every_seconds', 'integer', (c) => c.notNull())
      .addColumn('added_after', 'text') // X-TAXII-Date-Added-Last of the last page stored
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_sync_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('last_added', 'integer', (c) => c.notNull())
      .addColumn('last_rejected', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('taxii_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    await trx
      .insertInto('taxii_secrets')
      .values({ name: 'paging', value: randomBytes(32).toString('base64url') })
      .execute();
    await trx
      .insertInto('taxii_api_roots')
      .values({ name: 'default', title: 'Vigil', description: 'The default API root of this Vigil instance', max_content_length: 10_485_760, created_at: now })
      .execute();
  },
};

export const taxiiMigrations: readonly Migration[] = [initial, entitiesMigration];
