// The storage contract: what every module may rely on, run on SQLite and on PostgreSQL alike.
import type { Generated, Kysely, Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { storeBackends } from '../test-support/services.js';
import type { Database } from './index.js';
import { migrate, type MigrationSet } from './migrate.js';

interface Tables {
  things: { id: Generated<number>; name: string; doc: string; at: string; n: Generated<number> };
  parents: { id: string };
  children: { id: string; parent_id: string };
}

const set: MigrationSet = {
  owner: 'contract',
  migrations: [
    {
      name: '001_things',
      async up(trx, ctx) {
        await ctx
          .autoId(trx, 'things', 'id')
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      },
    },
    {
      name: '002_parents',
      async up(trx) {
        await trx.schema
          .createTable('parents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
        await trx.schema
          .createTable('children')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('parent_id', 'text', (c) => c.notNull().references('parents.id'))
          .execute();
      },
    },
  ],
};

for (const backend of storeBackends('storage contract')) {
  describe(`storage contract on ${backend.name}`, () => {
    let db: Database;
    let k: Kysely<Tables>;
    let cleanup: () => Promise<void>;
    const clock = new ManualClock();

    beforeEach(async () => {
      ({ db, cleanup } = await backend.open());
      await migrate(db, [set], clock);
      k = db.kysely as unknown as Kysely<Tables>;
    });
    afterEach(() => cleanup());

    it('applies each migration once', async () => {
      const again = await migrate(db, [set], clock);
      expect(again.applied).toEqual([]);
      const rows = await db.kysely.selectFrom('vigil_migrations').selectAll().where('module', '=', 'contract').execute();
      expect(rows.map((r) => r.name)).toEqual(['001_things', '002_parents']);
    });

    it('rolls back a failed migration whole', async () => {
      const broken: MigrationSet = {
        owner: 'broken',
        migrations: [
          {
            name: '001_half',
            async up(trx) {
              await trx.schema.createTable('half_done').addColumn('id', 'text').execute();
              throw new Error('boom');
            },
          },
        ],
      };
      await expect(migrate(db, [broken], clock)).rejects.toThrow('boom');
      const applied = await db.kysely.selectFrom('vigil_migrations').selectAll().where('module', '=', 'broken').execute();
      expect(applied).toEqual([]);
      await expect(
        migrate(
          db,
          [{ owner: 'broken', migrations: [{ name: '001_half', up: (trx) => trx.schema.createTable('half_done').addColumn('id', 'text').execute() }] }],
          clock,
        ),
      ).resolves.toBeDefined();
    });

    it('commits and rolls back transactions', async () => {
      await db.transaction(async (trx) => {
        await (trx as unknown as Transaction<Tables>).insertInto('things').values({ name: 'kept', doc: '{}', at: '2026-01-01T00:00:00.000Z' }).execute();
      });
      await expect(
        db.transaction(async (trx) => {
          await (trx as unknown as Transaction<Tables>).insertInto('things').values({ name: 'lost', doc: '{}', at: '2026-01-01T00:00:00.000Z' }).execute();
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const names = (await k.selectFrom('things').select('name').execute()).map((r) => r.name);
      expect(names).toEqual(['kept']);
    });

    it('gives increasing ids and numeric counts', async () => {
      for (const name of ['a', 'b', 'c']) await k.insertInto('things').values({ name, doc: '{}', at: '2026-01-01T00:00:00.000Z' }).execute();
      const ids = (await k.selectFrom('things').select('id').orderBy('id').execute()).map((r) => r.id);
      expect(ids[0]).toBeTypeOf('number');
      expect(ids[1]! > ids[0]! && ids[2]! > ids[1]!).toBe(true);
      const { n } = await k
        .selectFrom('things')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBe(3);
    });

    it('enforces unique and foreign keys', async () => {
      await k.insertInto('things').values({ name: 'one', doc: '{}', at: 'x' }).execute();
      await expect(k.insertInto('things').values({ name: 'one', doc: '{}', at: 'x' }).execute()).rejects.toThrow();
      await expect(k.insertInto('children').values({ id: 'c', parent_id: 'missing' }).execute()).rejects.toThrow();
    });

    it('keeps text exactly, in every script', async () => {
      const names = ['Müller', 'Алексей Навальный', 'محمد بن سلمان', '王小明', 'שלום', '🙂 emoji', 'a\u0000b'.replace('\u0000', '')];
      for (const [i, name] of names.entries()) {
        await k
          .insertInto('things')
          .values({ name, doc: JSON.stringify({ name, i }), at: `2026-01-0${(i % 9) + 1}T00:00:00.000Z` })
          .execute();
      }
      const rows = await k.selectFrom('things').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(names);
      expect(rows.map((r) => (JSON.parse(r.doc) as { name: string }).name)).toEqual(names);
    });

    it('orders ISO instants as text', async () => {
      const ats = ['2026-03-01T10:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-03-01T09:59:59.999Z'];
      for (const [i, at] of ats.entries())
        await k
          .insertInto('things')
          .values({ name: `t${i}`, doc: '{}', at })
          .execute();
      const sorted = (await k.selectFrom('things').select('at').orderBy('at').execute()).map((r) => r.at);
      expect(sorted).toEqual([...ats].sort());
    });

    it('serialises concurrent read-modify-write transactions without losing updates', async () => {
      await k.insertInto('things').values({ name: 'counter', doc: '{}', at: 'x', n: 0 }).execute();
      const bump = () =>
        db.transaction(async (trx) => {
          await db.lockInTransaction(trx, 'counter');
          const t = trx as unknown as Transaction<Tables>;
          const row = await t.selectFrom('things').select('n').where('name', '=', 'counter').executeTakeFirstOrThrow();
          await t
            .updateTable('things')
            .set({ n: row.n + 1 })
            .where('name', '=', 'counter')
            .execute();
        });
      await Promise.all(Array.from({ length: 20 }, bump));
      const row = await k.selectFrom('things').select('n').where('name', '=', 'counter').executeTakeFirstOrThrow();
      expect(row.n).toBe(20);
    });

    it('answers a ping', async () => {
      await expect(db.ping()).resolves.toBeUndefined();
    });
  });
}
