// The audit log of the platform: contracts, the database implementation, checkpoint keys, migrations and job.
export * from './types.js';
export { createAuditLog, AuditIntegrityError, SEARCH_LIMIT, type AuditLogDeps } from './audit-log.js';
export {
  GENESIS_HASH,
  InvalidAuditEntryError,
  DETAIL_LIMITS,
  rowHash,
  checkpointMessage,
  validateEntry,
  type ChainFields,
  type CheckpointStatement,
} from './chain.js';
export { loadAuditKey, verifyKeyFromPem, keyIdOf, generatedKeyPath, AuditKeyError, type AuditSigningKey, type AuditVerifyKey } from './keys.js';
export { auditMigrations } from './migrations.js';
export { auditCheckpointJob, AUDIT_CHECKPOINT_JOB } from './job.js';
