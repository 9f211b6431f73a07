// Tables of the screening module: subjects registered for ongoing screening.
import type { Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';

const subjects: Migration = {
  name: '001_subjects',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('screening_subjects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reference', 'text') // the caller's own id of the subject, if given
      .addColumn('query', 'text', (c) => c.notNull()) // JSON: the validated query
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('last_screened_at', 'text')
      .execute();
    await trx.schema.createIndex('screening_subjects_reference').on('screening_subjects').columns(['reference']).execute();
  },
};

export const screeningMigrations: readonly Migration[] = [subjects];
