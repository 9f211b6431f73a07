// Verification of the audit log: walks the chain and the signed checkpoints in seq order, in batches, naming the first problem.
import { sql, type Selectable } from 'kysely';
import type { Database, Executor } from '../db/index.js';
import type { AuditCheckpointRow, AuditRow } from '../db/schema.js';
import { GENESIS_HASH, checkpointMessage, rowHash } from './chain.js';
import type { AuditVerifyKey } from './keys.js';
import type { VerifyProblem, VerifyResult } from './types.js';

const BATCH = 1000;

type Row = Selectable<AuditRow>;
type CheckpointRow = Selectable<AuditCheckpointRow>;

/**
 * Recomputes every row's hash and link, checks every checkpoint's signature with the `known` keys and its hash against
 * the row it names, and looks for rows missing in the middle or at the end. Memory stays bounded: rows and checkpoints
 * are read a batch at a time and merged by seq, and the walk stops at the first problem.
 */
export async function verifyChain(db: Database, known: ReadonlyMap<string, AuditVerifyKey>): Promise<VerifyResult> {
  const k = db.kysely;
  // Read in this order so appends and checkpoints made during the walk never look like tampering:
  // every checkpoint up to cpMaxId and the high-water mark refer to seqs at or below the head read after them.
  const cpMaxId =
    (
      await k
        .selectFrom('audit_checkpoints')
        .select((e) => e.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0;
  const highWater = await highestSeqEverStored(db);
  const headSeq =
    (
      await k
        .selectFrom('audit_log')
        .select((e) => e.fn.max('seq').as('m'))
        .executeTakeFirst()
    )?.m ?? 0;
  const rowCount = await k
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll().as('n'))
    .where('seq', '<=', Number(headSeq))
    .executeTakeFirstOrThrow();
  const cpStats = await k
    .selectFrom('audit_checkpoints')
    .select((e) => [e.fn.countAll().as('n'), e.fn.max('seq').as('m')])
    .where('id', '<=', Number(cpMaxId))
    .executeTakeFirstOrThrow();
  const result = (firstProblem: VerifyProblem | null): VerifyResult => ({
    ok: firstProblem === null,
    rows: Number(rowCount.n),
    lastSeq: Number(headSeq),
    checkpoints: Number(cpStats.n),
    lastCheckpointSeq: cpStats.m === null ? null : Number(cpStats.m),
    firstProblem,
  });

  const checkpoints = checkpointsUpTo(k, Number(cpMaxId))[Symbol.asyncIterator]();
  let cp = (await checkpoints.next()).value as CheckpointRow | undefined;
  const checkSignature = (c: CheckpointRow): VerifyProblem | null => {
    const key = known.get(c.key_id);
    if (!key) return { seq: c.seq, code: 'unknown-key', detail: `checkpoint at seq ${c.seq} names key ${c.key_id}, which is not a trusted audit key` };
    const message = checkpointMessage({ seq: c.seq, hash: c.hash, at: c.at, keyId: c.key_id });
    if (!key.verify(message, c.signature))
      return { seq: c.seq, code: 'bad-signature', detail: `checkpoint at seq ${c.seq} has a signature that does not verify with key ${c.key_id}` };
    return null;
  };

  let state = { seq: 0, hash: GENESIS_HASH };
  let lastGoodCheckpoint = 0;
  for await (const row of rowsBetween(k, 0, Number(headSeq))) {
    const problem = checkRow(state, row);
    if (problem) return result(problem);
    // Checkpoints naming a seq below this row fell into a gap, which checkRow has reported; those at it are checked.
    while (cp && cp.seq <= row.seq) {
      const bad = checkSignature(cp);
      if (bad) return result(bad);
      if (cp.seq === row.seq && cp.hash !== row.hash) {
        return result({
          seq: row.seq,
          code: 'checkpoint-mismatch',
          detail: `row ${row.seq} differs from the signed checkpoint: rows after seq ${lastGoodCheckpoint} up to ${row.seq} were altered and re-chained`,
        });
      }
      lastGoodCheckpoint = cp.seq;
      cp = (await checkpoints.next()).value as CheckpointRow | undefined;
    }
    state = { seq: row.seq, hash: row.hash };
  }
  // Checkpoints beyond the last row: validly signed ones prove rows were removed from the end.
  let firstBad: VerifyProblem | null = null;
  for (; cp; cp = (await checkpoints.next()).value as CheckpointRow | undefined) {
    const bad = checkSignature(cp);
    if (!bad) return result(truncated(state.seq, `a signed checkpoint names seq ${cp.seq}, beyond the last row ${state.seq}`));
    firstBad ??= bad;
  }
  if (firstBad) return result(firstBad);
  if (highWater !== null && highWater > state.seq) {
    return result(truncated(state.seq, `seq ${highWater} was stored once, beyond the last row ${state.seq}`));
  }
  return result(null);
}

const truncated = (lastSeq: number, why: string): VerifyProblem => ({
  seq: lastSeq + 1,
  code: 'truncated',
  detail: `rows from seq ${lastSeq + 1} on are missing: ${why}`,
});

/** The problem with `row` given the last row before it, if any. */
function checkRow(prev: { seq: number; hash: string }, row: Row): VerifyProblem | null {
  if (row.seq !== prev.seq + 1) {
    const range = row.seq - 1 === prev.seq + 1 ? `row ${prev.seq + 1} is` : `rows ${prev.seq + 1} to ${row.seq - 1} are`;
    return { seq: prev.seq + 1, code: 'missing-row', detail: `${range} missing` };
  }
  if (row.prev_hash !== prev.hash) return { seq: row.seq, code: 'chain-broken', detail: `row ${row.seq} does not link to row ${prev.seq}` };
  let computed: string | null;
  try {
    computed = rowHash(row.prev_hash, { ...row, details: JSON.parse(row.details) as Record<string, unknown> });
  } catch {
    computed = null;
  }
  if (computed !== row.hash) return { seq: row.seq, code: 'hash-mismatch', detail: `row ${row.seq} was changed after it was written` };
  return null;
}

/** Checks the rows after a checkpoint up to `toSeq` link to it and to each other. */
export async function checkSegment(exec: Executor, since: CheckpointRow | undefined, toSeq: number): Promise<VerifyProblem | null> {
  let state = { seq: 0, hash: GENESIS_HASH };
  if (since) {
    const at = await exec.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', since.seq).executeTakeFirst();
    if (!at) return { seq: since.seq, code: 'missing-row', detail: `row ${since.seq}, which the last checkpoint signed, is missing` };
    if (at.hash !== since.hash) return { seq: since.seq, code: 'checkpoint-mismatch', detail: `row ${since.seq} differs from the last signed checkpoint` };
    state = { seq: since.seq, hash: since.hash };
  }
  for await (const row of rowsBetween(exec, state.seq, toSeq)) {
    const problem = checkRow(state, row);
    if (problem) return problem;
    state = { seq: row.seq, hash: row.hash };
  }
  return state.seq === toSeq ? null : truncated(state.seq, `row ${toSeq} was the head a moment ago`);
}

/** Rows with afterSeq < seq <= toSeq in seq order, a batch at a time. */
async function* rowsBetween(exec: Executor, afterSeq: number, toSeq: number): AsyncGenerator<Row> {
  let after = afterSeq;
  for (;;) {
    const rows = await exec.selectFrom('audit_log').selectAll().where('seq', '>', after).where('seq', '<=', toSeq).orderBy('seq').limit(BATCH).execute();
    yield* rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Checkpoints with id <= maxId in (seq, id) order, a batch at a time. */
async function* checkpointsUpTo(exec: Executor, maxId: number): AsyncGenerator<CheckpointRow> {
  let after: { seq: number; id: number } | null = null;
  for (;;) {
    let q = exec.selectFrom('audit_checkpoints').selectAll().where('id', '<=', maxId);
    if (after) {
      const { seq, id } = after;
      q = q.where((e) => e.or([e('seq', '>', seq), e.and([e('seq', '=', seq), e('id', '>', id)])]));
    }
    const rows = await q.orderBy('seq').orderBy('id').limit(BATCH).execute();
    yield* rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { seq: last.seq, id: last.id };
  }
}

/** The checkpoint with the highest seq. */
export const lastCheckpoint = (exec: Executor) =>
  exec.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();

/** SQLite remembers the highest AUTOINCREMENT key ever stored, even after its row is deleted; PostgreSQL offers nothing as cheap and transactional. */
async function highestSeqEverStored(db: Database): Promise<number | null> {
  if (db.dialect !== 'sqlite') return null;
  const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db.kysely);
  return rows[0] ? Number(rows[0].seq) : null;
}
