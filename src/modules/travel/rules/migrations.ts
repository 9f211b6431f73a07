// Tables of targeting rules: rules and their versions, named value lists and their versions, and the hits screening records.
import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrate.js';

const rules: Migration = {
  name: 'rules_001_rules',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('travel_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().unique())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('travel_rule_versions')
      .addColumn('rule_id', 'text', (c) => c.notNull().references('travel_rules.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('expression', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_rule_versions_pk', ['rule_id', 'version'])
      .execute();
    await trx.schema
      .createTable('travel_rule_lists')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('entries', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_rule_lists_pk', ['name', 'version'])
      .execute();
    await trx.schema
      .createTable('travel_rule_hits')
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('traveller_id', 'text', (c) => c.notNull())
      .addColumn('flight_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_rule_hits_pk', ['rule_id', 'version', 'traveller_id'])
      .execute();
    await trx.schema.createIndex('travel_rule_hits_traveller').on('travel_rule_hits').columns(['traveller_id']).execute();
    await trx.schema.createIndex('travel_rule_hits_flight').on('travel_rule_hits').columns(['flight_id']).execute();
  },
};

export const rulesMigrations: readonly Migration[] = [rules];
