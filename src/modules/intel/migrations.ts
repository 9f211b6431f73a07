// Tables of the intel module: cases and members, reports, entities with their support, imports, mappings, schemes, xref pairs.
import type { Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';

const intel: Migration = {
  name: '001_intel',
  async up(trx: Transaction<any>) {
    const s = trx.schema;
    await s
      .createTable('intel_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await s
      .createTable('intel_members')
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text')
      .addPrimaryKeyConstraint('intel_members_pk', ['case_id', 'user_id'])
      .execute();
    await s.createIndex('intel_members_user').on('intel_members').columns(['user_id']).execute();
    await s
      .createTable('intel_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('source_grade', 'text', (c) => c.notNull())
      .addColumn('info_grade', 'text', (c) => c.notNull())
      .addColumn('handling', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await s.createIndex('intel_reports_case').on('intel_reports').columns(['case_id', 'created_at']).execute();
    await s
      .createTable('intel_entities')
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('properties', 'text', (c) => c.notNull())
      .addColumn('canonical_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('intel_entities_pk', ['case_id', 'id'])
      .execute();
    await s.createIndex('intel_entities_canonical').on('intel_entities').columns(['case_id', 'canonical_id']).execute();
    await s
      .createTable('intel_support')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('intel_support_pk', ['case_id', 'entity_id', 'kind', 'ref_id'])
      .execute();
    await s.createIndex('intel_support_ref').on('intel_support').columns(['case_id', 'kind', 'ref_id']).execute();
    await s
      .createTable('intel_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('mapping_id', 'text')
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('entities', 'integer', (c) => c.notNull())
      .addColumn('errors', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await s
      .createTable('intel_mappings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('yaml', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await s
      .createTable('intel_schemes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('intel_pairs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('left_id', 'text', (c) => c.notNull())
      .addColumn('right_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('right_entity', 'text')
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('intel_pairs_case').on('intel_pairs').columns(['case_id', 'status', 'score']).execute();
    await s.createIndex('intel_pairs_pair').on('intel_pairs').columns(['case_id', 'left_id', 'right_id']).unique().execute();
  },
};

const charts: Migration = {
  name: '002_intel_charts',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('intel_charts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('intel_cases.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('intel_charts_name').on('intel_charts').columns(['case_id', 'name']).unique().execute();
  },
};

export const intelMigrations: readonly Migration[] = [intel, charts];
