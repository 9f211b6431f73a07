// Targeting rules: created and changed by people (every change a new version), enabled or disabled, validated before they are saved.
import type { AppContext } from '../../../platform/context.js';
import { AppError, invalid, notFound } from '../../../platform/errors.js';
import { compileRule, type CompiledExpr, type ListValues } from './compile.js';
import { RuleError } from './errors.js';
import { ru, type RuExecutor, type RuleRow, type RuleVersionRow } from './tables.js';
import { actorName, RULES_CHANGED, type By } from './by.js';
import { latestLists } from './lists.js';

export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 2000;

export interface RuleView {
  id: string;
  version: number;
  name: string;
  description: string;
  expression: string;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** Who wrote the current version, and when. */
  versionBy: string;
  versionAt: string;
}

export interface RuleVersionView {
  version: number;
  name: string;
  description: string;
  expression: string;
  createdBy: string;
  createdAt: string;
}

const ruleView = (r: RuleRow, v: RuleVersionRow): RuleView => ({
  id: r.id,
  version: r.version,
  name: v.name,
  description: v.description,
  expression: v.expression,
  enabled: r.enabled === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  versionBy: v.created_by,
  versionAt: v.created_at,
});

/** A rule problem as an HTTP/CLI error: 400 naming the field, line, column and offset. */
export function ruleInvalid(err: RuleError, field = 'expression'): AppError {
  const p = err.problem;
  return new AppError('validation-failed', `${field} ${p.line}:${p.column}: ${p.detail}`, {
    field,
    line: p.line,
    column: p.column,
    offset: p.offset,
    invalidParams: [{ field, line: p.line, column: p.column, offset: p.offset, reason: `${p.code}: ${p.detail}` }],
  });
}

/** The latest version of every list, as the compiler binds them. */
export async function listEnv(t: RuExecutor, override?: ListValues): Promise<Map<string, ListValues>> {
  const m = new Map<string, ListValues>((await latestLists(t)).map((l) => [l.name, { name: l.name, version: l.version, values: l.entries }]));
  if (override) m.set(override.name, override);
  return m;
}

/** Compiles against the current lists; a RuleError becomes a validation error naming where. */
export async function validateExpression(t: RuExecutor, expression: string, override?: ListValues): Promise<CompiledExpr> {
  const lists = await listEnv(t, override);
  try {
    return compileRule(expression, { list: (n) => lists.get(n) });
  } catch (err) {
    if (err instanceof RuleError) throw ruleInvalid(err);
    throw err;
  }
}

/** Refuses a new list version that some rule using the list could not compile with. */
export async function checkRulesWithList(t: RuExecutor, list: ListValues): Promise<void> {
  const rows = await t
    .selectFrom('travel_rules as r')
    .innerJoin('travel_rule_versions as v', (j) => j.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.version'))
    .select(['r.id', 'v.expression'])
    .execute();
  const lists = await listEnv(t, list);
  for (const r of rows) {
    if (!r.expression.includes(list.name)) continue;
    try {
      compileRule(r.expression, { list: (n) => lists.get(n) });
    } catch (err) {
      if (err instanceof RuleError) throw invalid('entries', `rule ${r.id} could not use this list: ${err.problem.detail}`);
      throw err;
    }
  }
}

function checkText(input: { name?: string | undefined; description?: string | undefined }) {
  if (input.name !== undefined && (!input.name.trim() || input.name.length > MAX_NAME)) throw invalid('name', `a rule name has 1 to ${MAX_NAME} characters`);
  if (input.description !== undefined && input.description.length > MAX_DESCRIPTION) throw invalid('description', `at most ${MAX_DESCRIPTION} characters`);
}

async function load(t: RuExecutor, id: string): Promise<{ row: RuleRow; version: RuleVersionRow }> {
  const row = await t.selectFrom('travel_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('rule', id);
  const version = await t.selectFrom('travel_rule_versions').selectAll().where('rule_id', '=', id).where('version', '=', row.version).executeTakeFirstOrThrow();
  return { row, version };
}

export async function getRule(ctx: AppContext, id: string): Promise<RuleView & { versions: RuleVersionView[] }> {
  const t = ru(ctx.db.kysely);
  const { row, version } = await load(t, id);
  const versions = await t.selectFrom('travel_rule_versions').selectAll().where('rule_id', '=', id).orderBy('version', 'desc').execute();
  return {
    ...ruleView(row, version),
    versions: versions.map((v) => ({
      version: v.version,
      name: v.name,
      description: v.description,
      expression: v.expression,
      createdBy: v.created_by,
      createdAt: v.created_at,
    })),
  };
}

export async function listRules(ctx: AppContext | RuExecutor): Promise<RuleView[]> {
  const t = 'db' in ctx ? ru(ctx.db.kysely) : ctx;
  const rows = await t
    .selectFrom('travel_rules as r')
    .innerJoin('travel_rule_versions as v', (j) => j.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.version'))
    .selectAll('r')
    .select(['v.name', 'v.description', 'v.expression', 'v.created_by as v_by', 'v.created_at as v_at'])
    .orderBy('r.seq')
    .execute();
  return rows.map((r) =>
    ruleView(r, {
      rule_id: r.id,
      version: r.version,
      name: r.name,
      description: r.description,
      expression: r.expression,
      created_by: r.v_by,
      created_at: r.v_at,
    }),
  );
}

/** Creates a rule (version 1), disabled unless `enabled`: test it against stored traffic first. */
export async function createRule(
  ctx: AppContext,
  input: { name: string; expression: string; description?: string | undefined; enabled?: boolean | undefined },
  by: By,
): Promise<RuleView> {
  checkText(input);
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'travel-rules');
    const t = ru(trx);
    await validateExpression(t, input.expression);
    const top = await t
      .selectFrom('travel_rules')
      .select((e) => e.fn.max('seq').as('n'))
      .executeTakeFirst();
    const seq = Number(top?.n ?? 0) + 1;
    const now = ctx.clock.now().toISOString();
    const who = actorName(by.actor);
    const row: RuleRow = { id: `r${seq}`, seq, version: 1, enabled: input.enabled ? 1 : 0, created_by: who, created_at: now, updated_by: who, updated_at: now };
    const version: RuleVersionRow = {
      rule_id: row.id,
      version: 1,
      name: input.name.trim(),
      description: input.description ?? '',
      expression: input.expression,
      created_by: who,
      created_at: now,
    };
    await t.insertInto('travel_rules').values(row).execute();
    await t.insertInto('travel_rule_versions').values(version).execute();
    await ctx.audit.record(trx, {
      action: 'travel.rule.create',
      actor: by.actor,
      target: { type: 'travel-rule', id: row.id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { version: 1, enabled: row.enabled === 1 },
    });
    await ctx.outbox.emit(trx, { topic: RULES_CHANGED, key: row.id, payload: { ruleId: row.id, version: 1, enabled: row.enabled === 1 } });
    return ruleView(row, version);
  });
}

/** Changes a rule: a new version when name, description or expression differ; the old versions stay (alerts keep theirs). */
export async function updateRule(
  ctx: AppContext,
  id: string,
  input: { name?: string | undefined; expression?: string | undefined; description?: string | undefined },
  by: By,
): Promise<RuleView & { changed: boolean }> {
  checkText(input);
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'travel-rules');
    const t = ru(trx);
    const { row, version } = await load(t, id);
    const next = {
      name: input.name?.trim() ?? version.name,
      description: input.description ?? version.description,
      expression: input.expression ?? version.expression,
    };
    if (next.name === version.name && next.description === version.description && next.expression === version.expression)
      return { ...ruleView(row, version), changed: false };
    await validateExpression(t, next.expression);
    const now = ctx.clock.now().toISOString();
    const who = actorName(by.actor);
    const v: RuleVersionRow = { rule_id: id, version: row.version + 1, ...next, created_by: who, created_at: now };
    await t.insertInto('travel_rule_versions').values(v).execute();
    await t.updateTable('travel_rules').set({ version: v.version, updated_by: who, updated_at: now }).where('id', '=', id).execute();
    await ctx.audit.record(trx, {
      action: 'travel.rule.update',
      actor: by.actor,
      target: { type: 'travel-rule', id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { version: v.version, previousVersion: row.version, expressionChanged: next.expression !== version.expression },
    });
    await ctx.outbox.emit(trx, { topic: RULES_CHANGED, key: id, payload: { ruleId: id, version: v.version, enabled: row.enabled === 1 } });
    return { ...ruleView({ ...row, version: v.version, updated_by: who, updated_at: now }, v), changed: true };
  });
}

/** Enables or disables a rule (audited); the version stays. */
export async function setRuleEnabled(ctx: AppContext, id: string, enabled: boolean, by: By): Promise<RuleView & { changed: boolean }> {
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'travel-rules');
    const t = ru(trx);
    const { row, version } = await load(t, id);
    if ((row.enabled === 1) === enabled) return { ...ruleView(row, version), changed: false };
    // A rule written before a list changed is compiled again before it may screen anyone.
    if (enabled) await validateExpression(t, version.expression);
    const now = ctx.clock.now().toISOString();
    const who = actorName(by.actor);
    await t
      .updateTable('travel_rules')
      .set({ enabled: enabled ? 1 : 0, updated_by: who, updated_at: now })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, {
      action: enabled ? 'travel.rule.enable' : 'travel.rule.disable',
      actor: by.actor,
      target: { type: 'travel-rule', id },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { version: row.version },
    });
    await ctx.outbox.emit(trx, { topic: RULES_CHANGED, key: id, payload: { ruleId: id, version: row.version, enabled } });
    return { ...ruleView({ ...row, enabled: enabled ? 1 : 0, updated_by: who, updated_at: now }, version), changed: true };
  });
}
