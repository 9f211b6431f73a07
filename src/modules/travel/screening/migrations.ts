// The latest screening of each traveller: what was checked against which versions, and what it found.
import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrate.js';

export const screeningMigration: Migration = {
  name: '003_screening',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('travel_screenings')
      .addColumn('traveller_id', 'text', (c) => c.primaryKey())
      .addColumn('flight_id', 'text', (c) => c.notNull())
      .addColumn('screened_at', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('alerts', 'integer', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('travel_screenings_flight').on('travel_screenings').columns(['flight_id']).execute();
  },
};
