// Table of job leases: which process runs a periodic job now, and how its last run went.
import type { MigrationSet } from '../db/migrate.js';

export const jobsMigrations: MigrationSet = {
  owner: 'platform.jobs',
  migrations: [
    {
      name: '001_job_leases',
      async up(trx) {
        await trx.schema
          .createTable('job_leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('owner', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('last_started_at', 'text')
          .addColumn('last_finished_at', 'text')
          .addColumn('last_status', 'text')
          .addColumn('last_error', 'text')
          .execute();
      },
    },
  ],
};
