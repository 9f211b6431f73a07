// Tables of PNR/API data retention: depersonalisation markers, the encrypted originals, re-personalisation requests, runs and tallies.
import type { Transaction } from 'kysely';
import type { Migration, MigrationContext } from '../../../platform/db/migrate.js';

const retention: Migration = {
  name: 'retention_001_depersonalise',
  async up(trx: Transaction<any>, ctx: MigrationContext) {
    for (const table of ['travel_travellers', 'travel_messages', 'travel_pnr_versions'])
      await trx.schema.alterTable(table).addColumn('depersonalised_at', 'text').execute();
    await trx.schema.createIndex('travel_travellers_created').on('travel_travellers').columns(['created_at']).execute();
    await trx.schema.createIndex('travel_pnr_versions_received').on('travel_pnr_versions').columns(['received_at']).execute();

    // The original values of what was masked, AES-256-GCM under a key kept outside the database; gone with the data at deletion.
    await trx.schema
      .createTable('travel_vault')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('iv', 'text', (c) => c.notNull())
      .addColumn('sealed', ctx.dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_vault_pk', ['kind', 'ref_id'])
      .execute();

    await trx.schema
      .createTable('travel_repersonalise_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_note', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await trx.schema.createIndex('travel_repersonalise_status').on('travel_repersonalise_requests').columns(['status', 'requested_at']).execute();

    await trx.schema
      .createTable('travel_retention_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('depersonalise_before', 'text', (c) => c.notNull())
      .addColumn('delete_before', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('travel_retention_runs_started').on('travel_retention_runs').columns(['started_at']).execute();

    // Non-personal counts of travellers taken when they are depersonalised, so statistics by sex outlive the masking.
    await trx.schema
      .createTable('travel_stats_tallies')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull())
      .addColumn('travellers', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('travel_stats_tallies_pk', ['day', 'carrier', 'role', 'sex'])
      .execute();
  },
};

/** Append after the intake migrations in the travel descriptor: `migrations: [...travelMigrations, ...retentionMigrations]`. */
export const retentionMigrations: readonly Migration[] = [retention];
