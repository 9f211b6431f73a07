// Tables of passenger-data intake: raw messages (kept before they are acknowledged), flights, travellers, PNR versions, findings.
import type { Transaction } from 'kysely';
import type { Migration, MigrationContext } from '../../../platform/db/migrate.js';
import { complianceMigration } from '../compliance/migrations.js';
import { screeningMigration } from '../screening/migrations.js';

const intake: Migration = {
  name: '001_intake',
  async up(trx: Transaction<any>, ctx: MigrationContext) {
    await trx.schema
      .createTable('travel_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('sender', 'text')
      .addColumn('interchange_ref', 'text')
      .addColumn('type', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_by', 'text')
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('raw', ctx.dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('assembled_at', 'text')
      .execute();
    await trx.schema.createIndex('travel_messages_received').on('travel_messages').columns(['received_at']).execute();
    await trx.schema.createIndex('travel_messages_sender').on('travel_messages').columns(['sender', 'received_at']).execute();

    await trx.schema
      .createTable('travel_flights')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('flight_date', 'text', (c) => c.notNull())
      .addColumn('origin', 'text')
      .addColumn('destination', 'text')
      .addColumn('departure_local', 'text')
      .addColumn('departure_utc', 'text')
      .addColumn('arrival_local', 'text')
      .addColumn('arrival_utc', 'text')
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('legs', 'text', (c) => c.notNull())
      .addColumn('passengers', 'integer', (c) => c.notNull())
      .addColumn('crew', 'integer', (c) => c.notNull())
      .addColumn('pnrs', 'integer', (c) => c.notNull())
      .addColumn('messages', 'integer', (c) => c.notNull())
      .addColumn('first_message_at', 'text', (c) => c.notNull())
      .addColumn('last_message_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('travel_flights_date').on('travel_flights').columns(['flight_date', 'departure_utc']).execute();

    await trx.schema
      .createTable('travel_travellers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('flight_id', 'text', (c) => c.notNull().references('travel_flights.id'))
      .addColumn('match_key', 'text', (c) => c.notNull())
      .addColumn('person_key', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('surname', 'text', (c) => c.notNull())
      .addColumn('given_names', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('sex', 'text')
      .addColumn('nationality', 'text')
      .addColumn('document_number', 'text')
      .addColumn('document_country', 'text')
      .addColumn('record_locator', 'text')
      .addColumn('has_api', 'integer', (c) => c.notNull())
      .addColumn('has_pnr', 'integer', (c) => c.notNull())
      .addColumn('cancelled', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('travel_travellers_flight_key').on('travel_travellers').columns(['flight_id', 'match_key']).unique().execute();
    await trx.schema.createIndex('travel_travellers_person').on('travel_travellers').columns(['person_key']).execute();

    await trx.schema
      .createTable('travel_pnr_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_locator', 'text', (c) => c.notNull())
      .addColumn('flight_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('travel_pnr_versions_key').on('travel_pnr_versions').columns(['record_locator', 'flight_id', 'version']).unique().execute();

    await trx.schema
      .createTable('travel_findings')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_findings_pk', ['message_id', 'code'])
      .execute();
    await trx.schema.createIndex('travel_findings_sender').on('travel_findings').columns(['sender', 'day']).execute();
  },
};

export const travelMigrations: readonly Migration[] = [intake, complianceMigration, screeningMigration];
