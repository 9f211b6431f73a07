// Tables of the cbm module: points of contact with their versions, check rounds, consultations with replies and attachments, submissions.
import type { Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';

const contacts: Migration = {
  name: '001_contacts',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('cbm_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('last_verified_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('cbm_contacts_state').on('cbm_contacts').columns(['state', 'kind']).execute();
    await trx.schema
      .createTable('cbm_contact_versions')
      .addColumn('contact_id', 'text', (c) => c.notNull().references('cbm_contacts.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('cbm_contact_versions_pk', ['contact_id', 'version'])
      .execute();
  },
};

const checks: Migration = {
  name: '002_checks',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('cbm_rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('states', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('deadline_at', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text')
      .addColumn('schedule_id', 'text')
      .execute();
    await trx.schema
      .createTable('cbm_round_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('cbm_rounds.id'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('cbm_contacts.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('delivery_error', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('answered_via', 'text')
      .execute();
    await trx.schema.createIndex('cbm_round_messages_round').on('cbm_round_messages').columns(['round_id', 'state']).execute();
    await trx.schema
      .createTable('cbm_schedules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('every_days', 'integer', (c) => c.notNull())
      .addColumn('next_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

const consultations: Migration = {
  name: '003_consultations',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('cbm_consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('tlp', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('deadline_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('cbm_parties')
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('cbm_consultations.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('read_at', 'text')
      .addPrimaryKeyConstraint('cbm_parties_pk', ['consultation_id', 'state'])
      .execute();
    await trx.schema.createIndex('cbm_parties_state').on('cbm_parties').columns(['state']).execute();
    await trx.schema
      .createTable('cbm_replies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('cbm_consultations.id'))
      .addColumn('parent_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('cbm_replies_consultation').on('cbm_replies').columns(['consultation_id', 'created_at']).execute();
    await trx.schema
      .createTable('cbm_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('cbm_consultations.id'))
      .addColumn('reply_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('cbm_attachments_consultation').on('cbm_attachments').columns(['consultation_id']).execute();
  },
};

const submissions: Migration = {
  name: '004_submissions',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('cbm_submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('cbm', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('cbm_submissions_version', ['state', 'cbm', 'version'])
      .execute();
  },
};

export const cbmMigrations: readonly Migration[] = [contacts, checks, consultations, submissions];
