// Tables of the passive-authentication trust store: CSCA certificates and CRLs imported by the operator (DER kept as base64 text).
import type { Migration } from '../../../platform/db/migrate.js';

const trustStore: Migration = {
  name: 'pa_001_trust_store',
  async up(trx) {
    await trx.schema
      .createTable('pa_cscas')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey()) // SHA-256 of the DER, hex
      .addColumn('der', 'text', (c) => c.notNull()) // base64
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('country', 'text') // upper-case C of the subject
      .addColumn('serial', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text') // subject key identifier, hex
      .addColumn('not_before', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull()) // e.g. `ECDSA brainpoolP256r1`
      .addColumn('source', 'text', (c) => c.notNull()) // certificate | master-list
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .execute();
    await trx.schema.createIndex('pa_cscas_country').on('pa_cscas').columns(['country', 'subject']).execute();
    await trx.schema
      .createTable('pa_crls')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey())
      .addColumn('der', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('this_update', 'text', (c) => c.notNull())
      .addColumn('next_update', 'text')
      .addColumn('revoked', 'integer', (c) => c.notNull()) // number of revoked serials
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .execute();
    await trx.schema.createIndex('pa_crls_country').on('pa_crls').columns(['country', 'this_update']).execute();
  },
};

export const paMigrations: readonly Migration[] = [trustStore];
