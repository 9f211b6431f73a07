// The periodic job that signs the head of the audit chain when it has moved.
import type { JobDef } from '../jobs/types.js';
import type { AuditLog } from './types.js';

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/** Signs a checkpoint every `everySeconds` (config.auditCheckpointSeconds); writes nothing when no row was added since. */
export function auditCheckpointJob(audit: AuditLog, everySeconds: number): JobDef {
  if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new Error(`audit checkpoint period must be a whole number of seconds, got ${everySeconds}`);
  return {
    name: AUDIT_CHECKPOINT_JOB,
    everySeconds,
    async run(signal) {
      if (signal.aborted) return;
      await audit.checkpoint();
    },
  };
}
