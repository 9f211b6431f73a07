// Audit contracts: who did what to which record, never the personal values themselves.
import type { Executor } from '../db/index.js';

export type ActorType = 'user' | 'machine' | 'system' | 'anonymous';

export interface Actor {
  type: ActorType;
  id: string | null;
  orgId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, orgId: null };

export type AuditDetailValue = string | number | boolean | null | readonly string[];

export interface AuditEntry {
  /** `<noun>.<verb>`, e.g. `user.create`, `auth.login`, `entity.view`. */
  action: string;
  actor: Actor;
  target?: { type: string; id: string };
  outcome?: 'success' | 'denied' | 'failure';
  requestId?: string;
  /** Ids, codes and counts only: no names, birth dates or other personal values. */
  details?: Record<string, AuditDetailValue>;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actorType: ActorType;
  actorId: string | null;
  orgId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  details: Record<string, AuditDetailValue>;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  /** Return records with seq below this (newest first paging). */
  beforeSeq?: number;
  limit?: number;
}

export interface VerifyProblem {
  seq: number;
  code: 'hash-mismatch' | 'chain-broken' | 'missing-row' | 'checkpoint-mismatch' | 'bad-signature' | 'unknown-key' | 'truncated';
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  lastSeq: number;
  checkpoints: number;
  lastCheckpointSeq: number | null;
  /** The first problem found, by sequence number. */
  firstProblem: VerifyProblem | null;
}

export interface AuditLog {
  /** Appends in the caller's transaction when `exec` is one, else in a transaction of its own. */
  record(exec: Executor, entry: AuditEntry): Promise<{ seq: number; hash: string }>;
  search(filter: AuditFilter): Promise<AuditRecord[]>;
  /** Streams records in seq order between instants (inclusive from, exclusive to). */
  stream(filter: Pick<AuditFilter, 'from' | 'to'>): AsyncIterable<AuditRecord>;
  /** Signs the head of the chain if it moved since the last checkpoint. */
  checkpoint(): Promise<{ seq: number; hash: string } | null>;
  verify(): Promise<VerifyResult>;
}
