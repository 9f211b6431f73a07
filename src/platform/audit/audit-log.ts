// The audit log on the database: serialised hash-chained appends, search, export streaming, signed checkpoints, verify.
import { sql, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database, Executor, PlatformTables } from '../db/index.js';
import type { AuditCheckpointRow, AuditRow } from '../db/schema.js';
import { invalid } from '../errors.js';
import type { Logger } from '../log.js';
import { GENESIS_HASH, checkpointMessage, rowHash, validateEntry, type ChainFields } from './chain.js';
import { loadAuditKey, verifyKeyFromPem, type AuditSigningKey, type AuditVerifyKey } from './keys.js';
import type { ActorType, AuditDetailValue, AuditEntry, AuditFilter, AuditLog, AuditRecord, VerifyProblem, VerifyResult } from './types.js';

export interface AuditLogDeps {
  db: Database;
  clock: Clock;
  config: Pick<Config, 'auditKey' | 'dataDir'>;
  log?: Logger;
  /** PEM public keys of retired signing keys, so checkpoints they signed still verify. */
  trustedPublicKeys?: readonly string[];
}

/** The chain does not hold together where a checkpoint was about to be signed; nothing was signed. */
export class AuditIntegrityError extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(`audit chain broken at seq ${problem.seq} (${problem.code}): ${problem.detail}`);
    this.name = 'AuditIntegrityError';
  }
}

export const SEARCH_LIMIT = { default: 100, max: 1000 } as const;
const BATCH = 1000;

type Row = Selectable<AuditRow>;
type CheckpointRow = Selectable<AuditCheckpointRow>;

export function createAuditLog(deps: AuditLogDeps): AuditLog {
  const { db, clock, log } = deps;
  const k = db.kysely;
  let signingKey: AuditSigningKey | undefined;
  let verifyKeys: Map<string, AuditVerifyKey> | undefined;

  /** Loaded on first use, so a key is generated only by a process that signs or verifies. */
  const keys = () => {
    if (!signingKey || !verifyKeys) {
      signingKey = loadAuditKey(deps.config);
      verifyKeys = new Map([[signingKey.keyId, signingKey as AuditVerifyKey]]);
      for (const pem of deps.trustedPublicKeys ?? []) {
        const key = verifyKeyFromPem(pem);
        verifyKeys.set(key.keyId, key);
      }
    }
    return { signingKey, verifyKeys };
  };

  async function append(trx: Transaction<PlatformTables>, entry: AuditEntry) {
    await db.lockInTransaction(trx, 'audit');
    const last = await trx.selectFrom('audit_log').select(['seq', 'at', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const now = clock.now().toISOString();
    const fields: ChainFields = {
      seq: (last?.seq ?? 0) + 1,
      // Never earlier than the row before, so seq order and time order agree even when clocks disagree.
      at: last && last.at > now ? last.at : now,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      org_id: entry.actor.orgId,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      outcome: entry.outcome ?? 'success',
      request_id: entry.requestId ?? null,
      details: entry.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = rowHash(prevHash, fields);
    await trx
      .insertInto('audit_log')
      .values({ ...fields, details: canonicalJson(fields.details), prev_hash: prevHash, hash })
      .execute();
    return { seq: fields.seq, hash };
  }

  return {
    async record(exec: Executor, entry: AuditEntry) {
      validateEntry(entry);
      if (exec.isTransaction) return append(exec as Transaction<PlatformTables>, entry);
      return db.transaction((trx) => append(trx, entry));
    },

    async search(filter: AuditFilter) {
      const limit = searchLimit(filter.limit);
      let q = withTimeRange(k.selectFrom('audit_log').selectAll(), filter);
      if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
      if (filter.action !== undefined) q = q.where('action', '=', filter.action);
      if (filter.targetType !== undefined) q = q.where('target_type', '=', filter.targetType);
      if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
      if (filter.outcome !== undefined) q = q.where('outcome', '=', filter.outcome);
      if (filter.beforeSeq !== undefined) {
        if (!Number.isSafeInteger(filter.beforeSeq)) throw invalid('beforeSeq', 'must be a whole number');
        q = q.where('seq', '<', filter.beforeSeq);
      }
      const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },

    stream(filter: Pick<AuditFilter, 'from' | 'to'>) {
      const base = withTimeRange(k.selectFrom('audit_log').selectAll(), filter);
      return (async function* () {
        let after = 0;
        for (;;) {
          const rows = await base.where('seq', '>', after).orderBy('seq').limit(BATCH).execute();
          for (const row of rows) yield toRecord(row);
          if (rows.length < BATCH) return;
          after = rows[rows.length - 1]!.seq;
        }
      })();
    },

    async checkpoint() {
      const { signingKey: key } = keys();
      const head = await k.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      if (!head) return null;
      const since = await lastCheckpoint(k);
      if (since && since.seq >= head.seq) return null;
      // Never sign over a chain that does not hold together since the last checkpoint.
      const problem = await checkSegment(k, since, head.seq);
      if (problem) {
        log?.error({ auditProblem: problem }, 'audit chain broken: checkpoint not signed');
        throw new AuditIntegrityError(problem);
      }
      const statement = { seq: head.seq, hash: head.hash, at: clock.now().toISOString(), keyId: key.keyId };
      const signature = key.sign(checkpointMessage(statement));
      const written = await db.transaction(async (trx) => {
        await db.lockInTransaction(trx, 'audit.checkpoint');
        const latest = await lastCheckpoint(trx);
        if (latest && latest.seq >= head.seq) return false;
        await trx
          .insertInto('audit_checkpoints')
          .values({ seq: statement.seq, hash: statement.hash, at: statement.at, key_id: statement.keyId, signature })
          .execute();
        return true;
      });
      if (!written) return null;
      // Logged in full so a copy of every signed head also lives outside the database.
      log?.info({ auditCheckpoint: { ...statement, signature } }, 'audit checkpoint signed');
      return { seq: head.seq, hash: head.hash };
    },

    async verify() {
      const { verifyKeys: known } = keys();
      // Read in this order so appends and checkpoints made during the walk never look like tampering:
      // every checkpoint up to cpMaxId and the high-water mark refer to seqs at or below the head read after them.
      const cpMaxId = (await k.selectFrom('audit_checkpoints').select((e) => e.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0;
      const highWater = await highestSeqEverStored(db);
      const headSeq = (await k.selectFrom('audit_log').select((e) => e.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0;
      const rowCount = await k.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).where('seq', '<=', Number(headSeq)).executeTakeFirstOrThrow();
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
        if (!key.verify(message, c.signature)) return { seq: c.seq, code: 'bad-signature', detail: `checkpoint at seq ${c.seq} has a signature that does not verify with key ${c.key_id}` };
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
    },
  };
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
async function checkSegment(exec: Executor, since: CheckpointRow | undefined, toSeq: number): Promise<VerifyProblem | null> {
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

const lastCheckpoint = (exec: Executor) =>
  exec.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();

/** SQLite remembers the highest AUTOINCREMENT key ever stored, even after its row is deleted; PostgreSQL offers nothing as cheap and transactional. */
async function highestSeqEverStored(db: Database): Promise<number | null> {
  if (db.dialect !== 'sqlite') return null;
  const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db.kysely);
  return rows[0] ? Number(rows[0].seq) : null;
}

function searchLimit(limit: number | undefined): number {
  if (limit === undefined) return SEARCH_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('limit', 'must be a whole number from 1');
  return Math.min(limit, SEARCH_LIMIT.max);
}

/** An instant in the stored form (ISO 8601 UTC with milliseconds), from a date or a date-time with any offset. */
function instant(field: string, value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid(field, 'must be an ISO 8601 date or date-time');
  return new Date(ms).toISOString();
}

function withTimeRange<O>(q: SelectQueryBuilder<PlatformTables, 'audit_log', O>, filter: Pick<AuditFilter, 'from' | 'to'>) {
  let out = q;
  if (filter.from !== undefined) out = out.where('at', '>=', instant('from', filter.from));
  if (filter.to !== undefined) out = out.where('at', '<', instant('to', filter.to));
  return out;
}

function toRecord(row: Row): AuditRecord {
  let details: Record<string, AuditDetailValue>;
  try {
    details = JSON.parse(row.details) as Record<string, AuditDetailValue>;
  } catch {
    // Only a tampered row has unreadable details; verify() names it, and the row stays visible.
    details = { unreadable: true };
  }
  return {
    seq: row.seq,
    at: row.at,
    actorType: row.actor_type as ActorType,
    actorId: row.actor_id,
    orgId: row.org_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    requestId: row.request_id,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
