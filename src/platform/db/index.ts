// Storage: one Kysely API over SQLite (embedded default) and PostgreSQL (scale-out).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Transaction } from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type { PlatformTables } from './schema.js';

/** A query runner: the database itself or an open transaction. */
export type Executor<T = PlatformTables> = Kysely<T> | Transaction<T>;

export interface Database {
  readonly kysely: Kysely<PlatformTables>;
  readonly dialect: DialectName;
  /** The raw SQLite handle for bulk work (only with the SQLite backend). */
  readonly sqlite: BetterSqlite3.Database | undefined;
  /** Human description without secrets, for logs and `/ready`. */
  readonly description: string;
  /** Runs `fn` in a transaction that holds the write lock from its first statement (SQLite: BEGIN IMMEDIATE). */
  transaction<R>(fn: (trx: Transaction<PlatformTables>) => Promise<R>): Promise<R>;
  /** Serialises writers of one kind across processes until the transaction ends (PostgreSQL advisory lock; SQLite is serial already). */
  lockInTransaction(trx: Transaction<PlatformTables>, name: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL int8 (counts, bigserial) as JS numbers: Vigil's counters stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** SQLite driver whose transactions take the write lock at once, so read-then-write never fails with SQLITE_BUSY. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (tests give each file its own); created if missing. */
  schema?: string | undefined;
  /** SQLite file name inside dataDir. */
  fileName?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.schema) : openSqlite(join(opts.dataDir, opts.fileName ?? 'vigil.sqlite'));
}

export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 10000');
  handle.pragma('synchronous = FULL');
  const kysely = new Kysely<PlatformTables>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite: handle,
    description: `sqlite:${file}`,
    transaction: (fn) => kysely.transaction().execute(fn),
    lockInTransaction: async () => {},
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

export async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  if (safe.password) safe.password = '***';
  return {
    kysely,
    dialect: 'postgres',
    sqlite: undefined,
    description: `${safe.toString()}${schema ? ` (schema ${schema})` : ''}`,
    transaction: (fn) => kysely.transaction().execute(fn),
    lockInTransaction: async (trx, name) => {
      await sql`select pg_advisory_xact_lock(hashtext(${'vigil:' + name}))`.execute(trx);
    },
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

/** Drops a PostgreSQL schema (tests). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
