// Tables of carrier compliance: which messages reported on which flight, and the compliance alerts raised.
import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrate.js';

export const complianceMigration: Migration = {
  name: '002_compliance',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('travel_flight_messages')
      .addColumn('flight_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('sender', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_flight_messages_pk', ['flight_id', 'message_id'])
      .execute();
    await trx.schema
      .createTable('travel_compliance')
      .addColumn('flight_id', 'text', (c) => c.notNull())
      .addColumn('push', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_compliance_pk', ['flight_id', 'push'])
      .execute();
    await trx.schema.createIndex('travel_compliance_carrier').on('travel_compliance').columns(['carrier', 'detected_at']).execute();
  },
};
