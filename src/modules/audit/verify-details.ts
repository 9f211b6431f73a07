// What an audit.verify record keeps of a verification: its result in ids and codes.
import type { AuditDetailValue, VerifyResult } from '../../platform/audit/index.js';

export const verifyDetails = (r: VerifyResult): Record<string, AuditDetailValue> => ({
  ok: r.ok,
  rows: r.rows,
  lastSeq: r.lastSeq,
  problemSeq: r.firstProblem?.seq ?? null,
  problemCode: r.firstProblem?.code ?? null,
});
