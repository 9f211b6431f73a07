// Tables of the lost and stolen registry: numbered versions, the active one, and reports as a temporal table keyed by skeleton.
import { sql } from 'kysely';
import type { Migration } from '../../../platform/db/migrate.js';

const registry: Migration = {
  name: 'lost_001_registry',
  async up(trx) {
    await trx.schema
      .createTable('lost_versions')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull()) // replace | add
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull()) // JSON: reports by status
      .addColumn('changes', 'text', (c) => c.notNull()) // JSON: added, changed, removed, unchanged, duplicates
      .addColumn('imported_by', 'text')
      .execute();
    await trx.schema
      .createTable('lost_state')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('active_version', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // One row per (id, first_version); valid in version V when first_version <= V and (last_version is null or last_version >= V).
    await trx.schema
      .createTable('lost_documents')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('last_version', 'integer')
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('icao', 'text', (c) => c.notNull())
      .addColumn('alpha2', 'text')
      .addColumn('document_type', 'text')
      .addColumn('document_number', 'text', (c) => c.notNull())
      .addColumn('skeleton', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text')
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('lost_documents_key').unique().on('lost_documents').columns(['id', 'first_version']).execute();
    // A check is one lookup of this index: country and OCR-tolerant skeleton of the number.
    await trx.schema.createIndex('lost_documents_skeleton').on('lost_documents').columns(['skeleton', 'country']).execute();
    await trx.schema.createIndex('lost_documents_open').on('lost_documents').column('id').where(sql.ref('last_version'), 'is', null).execute();
    await trx.schema.createIndex('lost_documents_first').on('lost_documents').columns(['first_version', 'id']).execute();
  },
};

export const lostMigrations: readonly Migration[] = [registry];
