// Tables of the alerts module: alerts with their provenance, and every decision taken on them.
import type { Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';

const alerts: Migration = {
  name: '001_alerts',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('alert_alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_fp', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('entity_list', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('entity_fp', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('provenance', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('pending_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('alert_alerts_pair').on('alert_alerts').columns(['subject_type', 'subject_id', 'entity_id']).execute();
    await trx.schema.createIndex('alert_alerts_entity').on('alert_alerts').columns(['entity_id']).execute();
    await trx.schema.createIndex('alert_alerts_status').on('alert_alerts').columns(['status', 'created_at']).execute();
    await trx.schema
      .createTable('alert_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alert_alerts.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('subject_fp', 'text', (c) => c.notNull())
      .addColumn('entity_fp', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('alert_decisions_pair').on('alert_decisions').columns(['subject_type', 'subject_id', 'entity_id']).execute();
    await trx.schema.createIndex('alert_decisions_alert').on('alert_decisions').columns(['alert_id']).execute();
  },
};

export const alertsMigrations: readonly Migration[] = [alerts];
