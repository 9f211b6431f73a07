// The audit hash chain: what a row's hash covers, how a checkpoint is worded, and which entries are acceptable.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json.js';
import type { ActorType, AuditDetailValue, AuditEntry } from './types.js';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers (everything but prev_hash and hash, which are chained around them). */
export interface ChainFields {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  org_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  details: Record<string, unknown>;
}

/** SHA-256 (hex) over the previous row's hash followed by the canonical JSON of this row's fields. */
export function rowHash(prevHash: string, fields: ChainFields): string {
  const covered: ChainFields = {
    seq: fields.seq,
    at: fields.at,
    actor_type: fields.actor_type,
    actor_id: fields.actor_id,
    org_id: fields.org_id,
    action: fields.action,
    target_type: fields.target_type,
    target_id: fields.target_id,
    outcome: fields.outcome,
    request_id: fields.request_id,
    details: fields.details,
  };
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(covered), 'utf8').digest('hex');
}

/** What a checkpoint signs. */
export interface CheckpointStatement {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
}

export const checkpointMessage = (s: CheckpointStatement): string => canonicalJson({ seq: s.seq, hash: s.hash, at: s.at, keyId: s.keyId });

/** An audit entry that may not be stored: it would carry personal values or is malformed. Always a programming error. */
export class InvalidAuditEntryError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`audit entry ${field}: ${reason}`);
    this.name = 'InvalidAuditEntryError';
  }
}

export const DETAIL_LIMITS = { keys: 32, keyLength: 64, stringLength: 200, arrayLength: 100 } as const;
const ACTOR_TYPES: readonly ActorType[] = ['user', 'machine', 'system', 'anonymous'];
const OUTCOMES = ['success', 'denied', 'failure'] as const;
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkText(field: string, value: unknown, max: number, nullable: boolean): void {
  if (value === null || value === undefined) {
    if (nullable) return;
    throw new InvalidAuditEntryError(field, 'is required');
  }
  if (typeof value !== 'string' || value.length === 0) throw new InvalidAuditEntryError(field, 'must be a non-empty string');
  if (value.length > max) throw new InvalidAuditEntryError(field, `is longer than ${max} characters`);
  if (CONTROL.test(value)) throw new InvalidAuditEntryError(field, 'contains control characters');
}

function checkDetail(key: string, value: AuditDetailValue | undefined): void {
  const field = `details.${key}`;
  // undefined members are dropped when stored, as in JSON
  if (value === undefined || value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAuditEntryError(field, 'must be a finite number');
    return;
  }
  if (typeof value === 'string') return checkText(field, value, DETAIL_LIMITS.stringLength, false);
  if (Array.isArray(value)) {
    if (value.length > DETAIL_LIMITS.arrayLength) throw new InvalidAuditEntryError(field, `has more than ${DETAIL_LIMITS.arrayLength} items`);
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string') throw new InvalidAuditEntryError(`${field}[${i}]`, 'must be a string (an id or a code)');
      checkText(`${field}[${i}]`, item, DETAIL_LIMITS.stringLength, false);
    });
    return;
  }
  throw new InvalidAuditEntryError(field, 'must be an id, a code, a count, a boolean, null or a list of ids (no nested objects)');
}

/**
 * Refuses entries that could carry personal values or break the log's shape: details hold only short ids and codes,
 * counts, booleans, null and lists of ids; no nested objects, no long or multi-line text.
 */
export function validateEntry(entry: AuditEntry): void {
  checkText('action', entry.action, 100, false);
  if (!ACTION.test(entry.action)) throw new InvalidAuditEntryError('action', 'must look like <noun>.<verb> in lower case');
  if (!ACTOR_TYPES.includes(entry.actor?.type)) throw new InvalidAuditEntryError('actor.type', `must be one of ${ACTOR_TYPES.join(', ')}`);
  checkText('actor.id', entry.actor.id, 200, true);
  checkText('actor.orgId', entry.actor.orgId, 200, true);
  if (entry.target !== undefined) {
    checkText('target.type', entry.target.type, 100, false);
    checkText('target.id', entry.target.id, 200, false);
  }
  if (entry.outcome !== undefined && !OUTCOMES.includes(entry.outcome)) throw new InvalidAuditEntryError('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  checkText('requestId', entry.requestId, 200, true);
  const details: unknown = entry.details ?? {};
  if (typeof details !== 'object' || details === null || Array.isArray(details) || Object.getPrototypeOf(details) !== Object.prototype) {
    throw new InvalidAuditEntryError('details', 'must be a plain object');
  }
  const keys = Object.keys(details);
  if (keys.length > DETAIL_LIMITS.keys) throw new InvalidAuditEntryError('details', `has more than ${DETAIL_LIMITS.keys} keys`);
  for (const key of keys) {
    if (key.length > DETAIL_LIMITS.keyLength || !DETAIL_KEY.test(key))
      throw new InvalidAuditEntryError(`details.${key.slice(0, DETAIL_LIMITS.keyLength)}`, 'is not a valid key');
    checkDetail(key, (details as Record<string, AuditDetailValue | undefined>)[key]);
  }
}
