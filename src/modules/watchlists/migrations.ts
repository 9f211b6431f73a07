// Tables of the watchlists module: lists, their versions, entities as a temporal table, name and link indexes, sources.
import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../platform/db/migrate.js';

const lists: Migration = {
  name: '001_lists_versions',
  async up(trx) {
    await trx.schema
      .createTable('watchlist_lists')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('active_version', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('watchlist_versions')
      .addColumn('list', 'text', (c) => c.notNull().references('watchlist_lists.name'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('files', 'text', (c) => c.notNull()) // JSON array of input file names
      .addColumn('counts', 'text', (c) => c.notNull()) // JSON object: listed entities by schema
      .addColumn('total', 'integer', (c) => c.notNull()) // listed entities
      .addColumn('auxiliaries', 'integer', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .addPrimaryKeyConstraint('watchlist_versions_pk', ['list', 'version'])
      .execute();
  },
};

const entities: Migration = {
  name: '002_entities',
  async up(trx: Transaction<any>) {
    // One row per (list, id, first_version): valid in version V when first_version <= V and (last_version is null or >= V).
    await trx.schema
      .createTable('watchlist_entities')
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('last_version', 'integer')
      .addColumn('listed', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'text')
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('properties', 'text', (c) => c.notNull()) // JSON object of string arrays
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // Lookups by id go through this index with the list given (the entity page asks each list), and exports page by id.
    await trx.schema.createIndex('watchlist_entities_key').unique().on('watchlist_entities').columns(['list', 'id', 'first_version']).execute();
    await trx.schema.createIndex('watchlist_entities_first').on('watchlist_entities').columns(['list', 'first_version']).execute();
    // Partial indexes (SQLite and PostgreSQL both have them): only closed rows and auxiliaries, so an import of
    // new listed entities does not grow them; a comparison on the column (last_version >= V, owner_id = X) implies the condition.
    await trx.schema
      .createIndex('watchlist_entities_last')
      .on('watchlist_entities')
      .columns(['list', 'last_version'])
      .where(sql.ref('last_version'), 'is not', null)
      .execute();
    await trx.schema
      .createIndex('watchlist_entities_owner')
      .on('watchlist_entities')
      .columns(['list', 'owner_id'])
      .where(sql.ref('owner_id'), 'is not', null)
      .execute();

    // Normalised name forms of listed rows, for `q` search (substring match on accent-folded lower case).
    await trx.schema
      .createTable('watchlist_names')
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('watchlist_names_row').on('watchlist_names').columns(['list', 'entity_id', 'first_version']).execute();

    // Entity-typed property values of every row (e.g. Family.relative), so links are found in both directions.
    await trx.schema
      .createTable('watchlist_links')
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('property', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('watchlist_links_row').on('watchlist_links').columns(['list', 'entity_id', 'first_version']).execute();
    await trx.schema.createIndex('watchlist_links_target').on('watchlist_links').columns(['list', 'target_id']).execute();
  },
};

const sources: Migration = {
  name: '003_sources',
  async up(trx) {
    await trx.schema
      .createTable('watchlist_sources')
      .addColumn('list', 'text', (c) => c.primaryKey())
      .addColumn('urls', 'text', (c) => c.notNull()) // JSON array
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('every_hours', 'integer')
      .addColumn('validators', 'text', (c) => c.notNull()) // JSON: url → {etag, lastModified, file}
      .addColumn('last_checked_at', 'text')
      .addColumn('last_status', 'text')
      .addColumn('last_changed_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

export const watchlistsMigrations: readonly Migration[] = [lists, entities, sources];
