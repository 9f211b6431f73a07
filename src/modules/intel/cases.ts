// Cases (investigations): creating them, listing what a caller may see, members and their roles.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { auditChange, auditView, checkCaseName, openCase, type Caller } from './access.js';
import { CASE_ROLES, type CaseRole } from './permissions.js';
import { it } from './tables.js';

export interface CaseSummary {
  id: string;
  name: string;
  description: string;
  role: CaseRole;
  createdAt: string;
  members: number;
  entities: number;
  reports: number;
}

/** What a case manager who is not a member sees: that the case exists. */
export interface CaseExistence {
  id: string;
  createdAt: string;
  members: number;
}

export interface Member {
  userId: string;
  username: string | null;
  displayName: string | null;
  role: CaseRole;
  addedAt: string;
}

export async function createCase(ctx: AppContext, input: { name: string; description?: string | undefined }, caller: Caller): Promise<CaseSummary> {
  checkCaseName(input.name);
  const description = (input.description ?? '').slice(0, 2000);
  return ctx.db.transaction(async (trx) => {
    const t = it(trx);
    await ctx.db.lockInTransaction(trx, 'intel:cases');
    if (await t.selectFrom('intel_cases').select('id').where('name', '=', input.name).executeTakeFirst())
      throw conflict(`a case named ${input.name} exists already`, 'name');
    const id = randomUUID();
    const now = ctx.clock.now().toISOString();
    await t.insertInto('intel_cases').values({ id, name: input.name, description, created_at: now, created_by: caller.actor.id }).execute();
    let members = 0;
    if (caller.actor.id && !caller.operator) {
      await t.insertInto('intel_members').values({ case_id: id, user_id: caller.actor.id, role: 'owner', added_at: now, added_by: caller.actor.id }).execute();
      members = 1;
    }
    await auditChange(ctx, trx, caller, id, 'case.create');
    return { id, name: input.name, description, role: 'owner', createdAt: now, members, entities: 0, reports: 0 };
  });
}

async function counts(ctx: AppContext, ids: string[]) {
  const t = it(ctx.db.kysely);
  const out = new Map<string, { members: number; entities: number; reports: number }>(ids.map((id) => [id, { members: 0, entities: 0, reports: 0 }]));
  if (!ids.length) return out;
  for (const [table, key] of [
    ['intel_members', 'members'],
    ['intel_entities', 'entities'],
    ['intel_reports', 'reports'],
  ] as const) {
    const rows = await t
      .selectFrom(table)
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', ids)
      .$if(table === 'intel_entities', (q) => q.whereRef('id' as never, '=', 'canonical_id' as never))
      .groupBy('case_id')
      .execute();
    for (const r of rows) out.get(r.case_id)![key] = Number(r.n);
  }
  return out;
}

/** The cases the caller is a member of (the operator: all), newest first. Listing is audited. */
export async function listCases(ctx: AppContext, caller: Caller): Promise<CaseSummary[]> {
  const t = it(ctx.db.kysely);
  const rows = caller.operator
    ? (await t.selectFrom('intel_cases').selectAll().orderBy('created_at', 'desc').execute()).map((r) => ({ ...r, role: 'owner' as CaseRole }))
    : await t
        .selectFrom('intel_cases')
        .innerJoin('intel_members', 'intel_members.case_id', 'intel_cases.id')
        .selectAll('intel_cases')
        .select('intel_members.role')
        .where('intel_members.user_id', '=', caller.actor.id ?? '')
        .orderBy('intel_cases.created_at', 'desc')
        .execute();
  const n = await counts(
    ctx,
    rows.map((r) => r.id),
  );
  await ctx.audit.record(ctx.db.kysely, {
    action: 'intel.cases.list',
    actor: caller.actor,
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details: { cases: rows.map((r) => r.id) },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, role: r.role, createdAt: r.created_at, ...n.get(r.id)! }));
}

/** Every case's existence, for those who manage cases: no name, no content. */
export async function caseRegister(ctx: AppContext, caller: Caller): Promise<CaseExistence[]> {
  const rows = await it(ctx.db.kysely).selectFrom('intel_cases').select(['id', 'created_at']).orderBy('created_at', 'desc').execute();
  const n = await counts(
    ctx,
    rows.map((r) => r.id),
  );
  await ctx.audit.record(ctx.db.kysely, {
    action: 'intel.cases.register',
    actor: caller.actor,
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details: { count: rows.length },
  });
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, members: n.get(r.id)!.members }));
}

/** One case for a member; audited. */
export async function getCase(ctx: AppContext, ref: string, caller: Caller): Promise<CaseSummary & { members: number; memberList: Member[] }> {
  const { row, role } = await openCase(ctx, ctx.db.kysely, ref, caller, 'viewer');
  const n = (await counts(ctx, [row.id])).get(row.id)!;
  const memberList = await listMembers(ctx, row.id);
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'case');
  return { id: row.id, name: row.name, description: row.description, role, createdAt: row.created_at, ...n, memberList };
}

async function listMembers(ctx: AppContext, caseId: string): Promise<Member[]> {
  const rows = await it(ctx.db.kysely).selectFrom('intel_members').selectAll().where('case_id', '=', caseId).orderBy('added_at').execute();
  const out: Member[] = [];
  for (const r of rows) {
    const u = await ctx.auth.directory.getUser(r.user_id).catch(() => undefined);
    out.push({ userId: r.user_id, username: u?.username ?? null, displayName: u?.displayName ?? null, role: r.role, addedAt: r.added_at });
  }
  return out;
}

async function userId(ctx: AppContext, who: { userId?: string | undefined; username?: string | undefined }): Promise<string> {
  if (who.userId) return (await ctx.auth.directory.getUser(who.userId)).id;
  if (who.username) {
    const u = await ctx.auth.directory.findUser(who.username);
    if (!u) throw notFound('user', who.username);
    return u.id;
  }
  throw invalid('username', 'give username or userId');
}

/** Adds a member or changes their role (owners only); a case keeps at least one owner. */
export async function setMember(
  ctx: AppContext,
  ref: string,
  who: { userId?: string | undefined; username?: string | undefined },
  role: CaseRole,
  caller: Caller,
): Promise<Member[]> {
  if (!CASE_ROLES.includes(role)) throw invalid('role', `one of ${CASE_ROLES.join(', ')}`);
  const { row } = await openCase(ctx, ctx.db.kysely, ref, caller, 'owner');
  const uid = await userId(ctx, who);
  await ctx.db.transaction(async (trx) => {
    const t = it(trx);
    const now = ctx.clock.now().toISOString();
    const had = await t.selectFrom('intel_members').select('role').where('case_id', '=', row.id).where('user_id', '=', uid).executeTakeFirst();
    if (had) {
      if (had.role === 'owner' && role !== 'owner') await keepOwner(trx, row.id, uid);
      await t.updateTable('intel_members').set({ role }).where('case_id', '=', row.id).where('user_id', '=', uid).execute();
    } else await t.insertInto('intel_members').values({ case_id: row.id, user_id: uid, role, added_at: now, added_by: caller.actor.id }).execute();
    await auditChange(ctx, trx, caller, row.id, 'member.set', { userId: uid, role, previous: had?.role ?? null });
  });
  return listMembers(ctx, row.id);
}

async function keepOwner(trx: Parameters<typeof it>[0], caseId: string, leaving: string): Promise<void> {
  const owners = await it(trx).selectFrom('intel_members').select('user_id').where('case_id', '=', caseId).where('role', '=', 'owner').execute();
  if (owners.every((o) => o.user_id === leaving)) throw conflict('a case needs at least one owner: appoint another owner first', 'role');
}

export async function removeMember(ctx: AppContext, ref: string, uid: string, caller: Caller): Promise<Member[]> {
  const { row } = await openCase(ctx, ctx.db.kysely, ref, caller, 'owner');
  await ctx.db.transaction(async (trx) => {
    const t = it(trx);
    const had = await t.selectFrom('intel_members').select('role').where('case_id', '=', row.id).where('user_id', '=', uid).executeTakeFirst();
    if (!had) throw notFound('member', uid);
    if (had.role === 'owner') await keepOwner(trx, row.id, uid);
    await t.deleteFrom('intel_members').where('case_id', '=', row.id).where('user_id', '=', uid).execute();
    await auditChange(ctx, trx, caller, row.id, 'member.remove', { userId: uid });
  });
  return listMembers(ctx, row.id);
}

/** A case manager appoints an owner (e.g. when the owner left) — never themselves: managing is not reading. */
export async function appointOwner(ctx: AppContext, caseId: string, who: { userId?: string | undefined; username?: string | undefined }, caller: Caller) {
  const uid = await userId(ctx, who);
  if (uid === caller.actor.id) throw forbidden('A case manager cannot appoint themselves: ask a member of the case');
  await ctx.db.transaction(async (trx) => {
    const t = it(trx);
    const c = await t.selectFrom('intel_cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!c) throw notFound('case', caseId);
    const now = ctx.clock.now().toISOString();
    const had = await t.selectFrom('intel_members').select('role').where('case_id', '=', caseId).where('user_id', '=', uid).executeTakeFirst();
    if (had) await t.updateTable('intel_members').set({ role: 'owner' }).where('case_id', '=', caseId).where('user_id', '=', uid).execute();
    else await t.insertInto('intel_members').values({ case_id: caseId, user_id: uid, role: 'owner', added_at: now, added_by: caller.actor.id }).execute();
    await auditChange(ctx, trx, caller, caseId, 'owner.appoint', { userId: uid });
  });
  return { caseId, userId: uid, role: 'owner' as const };
}
