// The audit log on the database: serialised hash-chained appends, search, export streaming and signed checkpoints.
import type { Selectable, SelectQueryBuilder, Transaction } from 'kysely';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database, Executor, PlatformTables } from '../db/index.js';
import type { AuditRow } from '../db/schema.js';
import { invalid } from '../errors.js';
import type { Logger } from '../log.js';
import { GENESIS_HASH, checkpointMessage, rowHash, validateEntry, type ChainFields } from './chain.js';
import { checkSegment, lastCheckpoint, verifyChain } from './verify.js';
import { loadAuditKey, verifyKeyFromPem, type AuditSigningKey, type AuditVerifyKey } from './keys.js';
import type { ActorType, AuditDetailValue, AuditEntry, AuditFilter, AuditLog, AuditRecord, VerifyProblem } from './types.js';

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
      return verifyChain(db, keys().verifyKeys);
    },
  };
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
