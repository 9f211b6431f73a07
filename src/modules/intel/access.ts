// Need-to-know: only members of a case see it or anything in it; every view and every refusal is audited.
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import type { Executor } from '../../platform/db/index.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { AuditDetailValue } from '../../platform/audit/types.js';
import { it, type CaseRow } from './tables.js';
import type { CaseRole } from './permissions.js';

/** Who acts: a user (checked against membership) or the local CLI operator, who holds every right. */
export interface Caller {
  actor: Actor;
  /** True for the local operator of the CLI (database access already implies everything). */
  operator: boolean;
  requestId?: string | undefined;
  /** Whether the caller holds a permission of another module (to add its records by reference). */
  can(permission: string): boolean;
}

export const RANK: Readonly<Record<CaseRole, number>> = { viewer: 1, analyst: 2, owner: 3 };

export interface OpenCase {
  row: CaseRow;
  /** The caller's role in the case (`owner` for the operator). */
  role: CaseRole;
}

/** Finds a case by id or, failing that, by name (the CLI names cases). */
export async function findCase(exec: Executor, ref: string): Promise<CaseRow | undefined> {
  const t = it(exec);
  return (
    (await t.selectFrom('intel_cases').selectAll().where('id', '=', ref).executeTakeFirst()) ??
    (await t.selectFrom('intel_cases').selectAll().where('name', '=', ref).executeTakeFirst())
  );
}

/**
 * Opens a case for a caller who needs at least `need`. A non-member gets 404 (the same answer as for a case
 * that does not exist, so nothing is learnt), a member with too low a role 403; both refusals are audited.
 */
export async function openCase(ctx: AppContext, exec: Executor, ref: string, caller: Caller, need: CaseRole): Promise<OpenCase> {
  const row = await findCase(exec, ref);
  let role: CaseRole | undefined;
  if (row && caller.operator) role = 'owner';
  else if (row && caller.actor.id) {
    const m = await it(exec).selectFrom('intel_members').select('role').where('case_id', '=', row.id).where('user_id', '=', caller.actor.id).executeTakeFirst();
    role = m?.role;
  }
  if (!row || !role) {
    if (row) await deny(ctx, caller, row.id, 'not-member');
    throw notFound('case', ref.slice(0, 100));
  }
  if (RANK[role] < RANK[need]) {
    await deny(ctx, caller, row.id, `needs-${need}`);
    throw forbidden(`This needs the case role ${need}; yours is ${role}`);
  }
  return { row, role };
}

async function deny(ctx: AppContext, caller: Caller, caseId: string, reason: string): Promise<void> {
  // Outside any transaction the request may be in: the refusal is recorded even when that one rolls back.
  await ctx.audit.record(ctx.db.kysely, {
    action: 'intel.case.access',
    actor: caller.actor,
    target: { type: 'intel-case', id: caseId },
    outcome: 'denied',
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details: { reason },
  });
}

/** Records that a caller saw something of a case (ids and counts only). */
export async function auditView(
  ctx: AppContext,
  exec: Executor,
  caller: Caller,
  caseId: string,
  what: string,
  details: Record<string, AuditDetailValue> = {},
): Promise<void> {
  await ctx.audit.record(exec, {
    action: `intel.${what}.view`,
    actor: caller.actor,
    target: { type: 'intel-case', id: caseId },
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details,
  });
}

/** Records a change to a case. */
export async function auditChange(
  ctx: AppContext,
  exec: Executor,
  caller: Caller,
  caseId: string,
  action: string,
  details: Record<string, AuditDetailValue> = {},
): Promise<void> {
  await ctx.audit.record(exec, {
    action: `intel.${action}`,
    actor: caller.actor,
    target: { type: 'intel-case', id: caseId },
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details,
  });
}

export const NAME_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;
export function checkCaseName(name: string): void {
  if (!NAME_RE.test(name))
    throw new AppError('validation-failed', 'name: letters, digits, space . _ - (at most 100), starting with a letter or digit', { field: 'name' });
}
