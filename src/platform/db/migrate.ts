// Migrations: each owner (a platform part or a module) lists its steps in order; applied once, each in a transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, DialectName } from './index.js';

export interface MigrationContext {
  dialect: DialectName;
  /** Column type and constraints of an auto-increment integer primary key. */
  autoId: (db: Transaction<any>, table: string, column: string) => ReturnType<Transaction<any>['schema']['createTable']>;
}

export interface Migration {
  /** Sortable and unique within its owner, e.g. `001_users`. */
  name: string;
  up(trx: Transaction<any>, ctx: MigrationContext): Promise<void>;
}

export interface MigrationSet {
  owner: string;
  migrations: readonly Migration[];
}

export interface MigrationResult {
  applied: { owner: string; name: string }[];
}

export async function migrate(db: Database, sets: readonly MigrationSet[], clock: Clock): Promise<MigrationResult> {
  const k = db.kysely as Kysely<any>;
  await k.schema
    .createTable('vigil_migrations')
    .ifNotExists()
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vigil_migrations_pk', ['module', 'name'])
    .execute();
  const ctx: MigrationContext = {
    dialect: db.dialect,
    autoId: (trx, table, column) =>
      db.dialect === 'sqlite'
        ? trx.schema.createTable(table).addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement())
        : trx.schema.createTable(table).addColumn(column, 'bigserial', (c) => c.primaryKey()),
  };
  const applied: MigrationResult['applied'] = [];
  for (const set of sets) {
    const names = set.migrations.map((m) => m.name);
    if (new Set(names).size !== names.length) throw new Error(`duplicate migration name in ${set.owner}`);
    for (const m of set.migrations) {
      await db.transaction(async (trx) => {
        await db.lockInTransaction(trx, 'migrations');
        const done = await (trx as Transaction<any>)
          .selectFrom('vigil_migrations')
          .select('name')
          .where('module', '=', set.owner)
          .where('name', '=', m.name)
          .executeTakeFirst();
        if (done) return;
        await m.up(trx as Transaction<any>, ctx);
        await (trx as Transaction<any>)
          .insertInto('vigil_migrations')
          .values({ module: set.owner, name: m.name, applied_at: clock.now().toISOString() })
          .execute();
        applied.push({ owner: set.owner, name: m.name });
      });
    }
  }
  return { applied };
}

/** Raw SQL that differs per backend, for migrations that need it (triggers, partial indexes). */
export async function execFor(trx: Transaction<any>, dialect: DialectName, statements: { sqlite: string[]; postgres: string[] }): Promise<void> {
  for (const s of statements[dialect]) await sql.raw(s).execute(trx);
}
