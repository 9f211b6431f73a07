// Test access to the backends: SQLite always; PostgreSQL and NATS when their URLs are set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropPostgresSchema, openPostgres, openSqlite, type Database } from '../db/index.js';

export const TEST_DATABASE_URL = process.env.VIGIL_TEST_DATABASE_URL || undefined;
export const TEST_NATS_URL = process.env.VIGIL_TEST_NATS_URL || undefined;
const REQUIRE = process.env.VIGIL_REQUIRE_SERVICES === '1';

/** True when the service is configured; otherwise says visibly that its suite is skipped, or fails under VIGIL_REQUIRE_SERVICES=1. */
export function serviceAvailable(what: 'postgres' | 'nats', suite: string): boolean {
  const url = what === 'postgres' ? TEST_DATABASE_URL : TEST_NATS_URL;
  if (url) return true;
  const variable = what === 'postgres' ? 'VIGIL_TEST_DATABASE_URL' : 'VIGIL_TEST_NATS_URL';
  if (REQUIRE) throw new Error(`${suite}: ${variable} is not set but VIGIL_REQUIRE_SERVICES=1`);
  console.warn(`[skipped] ${suite} on ${what}: set ${variable} to run it`);
  return false;
}

export const uniqueName = (prefix: string): string => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty database of this kind; `cleanup` closes and removes it. */
  open(): Promise<{ db: Database; dataDir: string; cleanup: () => Promise<void> }>;
}

const sqliteBackend: TestBackend = {
  name: 'sqlite',
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
    const db = openSqlite(join(dataDir, 'vigil.sqlite'));
    return {
      db,
      dataDir,
      cleanup: async () => {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgresBackend = (url: string): TestBackend => ({
  name: 'postgres',
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
    const schema = uniqueName('t');
    const db = await openPostgres(url, schema);
    return {
      db,
      dataDir,
      cleanup: async () => {
        await db.close();
        await dropPostgresSchema(url, schema);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

/** The store backends a contract suite runs on: SQLite, and PostgreSQL when available. */
export function storeBackends(suite: string): TestBackend[] {
  const out = [sqliteBackend];
  if (serviceAvailable('postgres', suite)) out.push(postgresBackend(TEST_DATABASE_URL!));
  return out;
}

/** A new, empty schema on the test PostgreSQL and a URL whose connections use it (for child processes). */
export async function freshPostgresSchema(prefix: string): Promise<{ schema: string; url: string }> {
  const schema = uniqueName(prefix);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, url: url.toString() };
}
