// Tables of the event outbox: events written in producers' transactions, consumers' positions, and failed deliveries.
import { sql } from 'kysely';
import type { MigrationSet } from '../db/migrate.js';

export const eventsMigrations: MigrationSet = {
  owner: 'platform.events',
  migrations: [
    {
      name: '001_outbox',
      async up(trx, ctx) {
        await ctx
          .autoId(trx, 'outbox', 'id')
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('key', 'text')
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .addColumn('seq', 'bigint')
          .execute();
        // Partial indexes keep the relay's and the sequencer's scans small however long the outbox grows.
        await trx.schema.createIndex('outbox_unpublished').on('outbox').column('id').where(sql.ref('published_at'), 'is', null).execute();
        await trx.schema.createIndex('outbox_unsequenced').on('outbox').column('id').where(sql.ref('seq'), 'is', null).execute();
        await trx.schema.createIndex('outbox_seq').on('outbox').column('seq').unique().execute();
        await trx.schema.createIndex('outbox_created_at').on('outbox').column('created_at').execute();
      },
    },
    {
      name: '002_event_offsets',
      async up(trx) {
        await trx.schema
          .createTable('event_offsets')
          .addColumn('consumer', 'text', (c) => c.primaryKey())
          .addColumn('position', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    {
      name: '003_event_failures',
      async up(trx) {
        await trx.schema
          .createTable('event_failures')
          .addColumn('consumer', 'text', (c) => c.notNull())
          .addColumn('event_id', 'bigint', (c) => c.notNull())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('last_error', 'text', (c) => c.notNull())
          .addColumn('first_failed_at', 'text', (c) => c.notNull())
          .addColumn('last_failed_at', 'text', (c) => c.notNull())
          .addColumn('parked', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('event_failures_pk', ['consumer', 'event_id'])
          .execute();
      },
    },
  ],
};
