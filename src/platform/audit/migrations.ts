// Tables of the audit log and its checkpoints, with triggers that refuse every UPDATE and DELETE on both.
import { execFor, type MigrationSet } from '../db/migrate.js';

const APPEND_ONLY = ['audit_log', 'audit_checkpoints'] as const;

export const auditMigrations: MigrationSet = {
  owner: 'platform.audit',
  migrations: [
    {
      name: '001_audit_log',
      async up(trx, ctx) {
        // SQLite: AUTOINCREMENT so sqlite_sequence remembers the highest seq ever stored, which verify() compares
        // with the head to notice a truncated tail. seq is always given explicitly (last seq + 1, under the lock).
        const table =
          ctx.dialect === 'sqlite'
            ? ctx.autoId(trx, 'audit_log', 'seq')
            : trx.schema.createTable('audit_log').addColumn('seq', 'bigint', (c) => c.primaryKey());
        await table
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_type', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('org_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target_type', 'text')
          .addColumn('target_id', 'text')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text')
          .addColumn('details', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
        await trx.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
        await trx.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
        await trx.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id', 'seq']).execute();

        await ctx
          .autoId(trx, 'audit_checkpoints', 'id')
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('signature', 'text', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('audit_checkpoints_seq').on('audit_checkpoints').columns(['seq', 'id']).execute();

        await execFor(trx, ctx.dialect, {
          sqlite: APPEND_ONLY.flatMap((t) =>
            (['update', 'delete'] as const).map(
              (op) => `create trigger ${t}_no_${op} before ${op} on ${t} begin select raise(abort, '${t} is append-only'); end`,
            ),
          ),
          postgres: [
            `create or replace function vigil_audit_append_only() returns trigger language plpgsql as $$
             begin
               raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
             end $$`,
            ...APPEND_ONLY.flatMap((t) => [
              `create trigger ${t}_no_change before update or delete on ${t} for each row execute function vigil_audit_append_only()`,
              `create trigger ${t}_no_truncate before truncate on ${t} for each statement execute function vigil_audit_append_only()`,
            ]),
          ],
        });
      },
    },
  ],
};
