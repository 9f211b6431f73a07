// Gives committed outbox rows their delivery order (`seq`) for the embedded transport.
//
// Ids are taken when a row is inserted, not when it commits: on PostgreSQL a transaction holding id 5 can
// commit after one holding id 6, so a reader that moved its position past 6 would never see 5. Consumers
// therefore follow `seq`, which one sequencer at a time (lock) hands out to rows already committed, always
// above every `seq` handed out before. SQLite has one writer at a time, so there ids come in commit order
// and `seq` is the id, given by one statement that holds the write lock only while it runs.
import type { Database } from '../db/index.js';

const BATCH = 1000;

/** Sequences committed rows that have no `seq` yet; returns how many it sequenced. */
export async function sequenceOutbox(db: Database): Promise<number> {
  // Read first: a poll that finds nothing to do writes nothing (and never waits for SQLite's write lock).
  const waiting = await db.kysely.selectFrom('outbox').select('id').where('seq', 'is', null).limit(1).executeTakeFirst();
  if (!waiting) return 0;
  if (db.dialect === 'sqlite') {
    const result = await db.kysely
      .updateTable('outbox')
      .set((eb) => ({ seq: eb.ref('id') }))
      .where('seq', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
  return db.transaction(async (trx) => {
    await db.lockInTransaction(trx, 'outbox-sequencer');
    const rows = await trx.selectFrom('outbox').select('id').where('seq', 'is', null).orderBy('id').limit(BATCH).execute();
    const first = rows[0]?.id;
    const last = rows.at(-1)?.id;
    if (first === undefined || last === undefined) return 0;
    const { top } = await trx
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('top'))
      .executeTakeFirstOrThrow();
    // seq = id + shift keeps id order inside the batch and puts the whole batch above every earlier seq.
    const shift = Math.max(0, Number(top ?? 0) - first + 1);
    const result = await trx
      .updateTable('outbox')
      .set((eb) => ({ seq: eb('id', '+', shift) }))
      .where('seq', 'is', null)
      .where('id', '>=', first)
      .where('id', '<=', last)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

/** The highest `seq` given so far (0 when none): every event up to it is committed and visible. */
export async function maxSeq(db: Database): Promise<number> {
  const { top } = await db.kysely
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('seq').as('top'))
    .executeTakeFirstOrThrow();
  return Number(top ?? 0);
}
