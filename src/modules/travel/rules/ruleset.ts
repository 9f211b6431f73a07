// The enabled rules compiled once per rule version (and list versions), and evaluated against many travellers.
import type { AppContext } from '../../../platform/context.js';
import { compileRule, type CompiledExpr, type ListValues } from './compile.js';
import { RuleError } from './errors.js';
import { listEnv } from './rules.js';
import { ru } from './tables.js';
import type { TravellerView } from './view.js';

export interface RuleHit {
  ruleId: string;
  version: number;
  name: string;
  /** What the rule read from this traveller: `booking.oneWay = true; route.countries = [at, sy]`. */
  detail: string;
  /** Versions of the value lists the rule used, for the alert's provenance. */
  lists: Record<string, number>;
}

export interface CompiledRule {
  id: string;
  version: number;
  name: string;
  compiled: CompiledExpr;
}

export interface RuleSet {
  rules: readonly CompiledRule[];
  /** Enabled rules that no longer compile (a list changed under them); they screen no one until fixed. */
  broken: ReadonlyArray<{ id: string; version: number; detail: string }>;
}

/** Compiles rules against lists (pure: used by loadRuleSet, tests and the bench). */
export function compileRuleSet(
  rules: ReadonlyArray<{ id: string; version: number; name: string; expression: string }>,
  lists: ReadonlyMap<string, ListValues>,
  cache?: Map<string, CompiledRule>,
): RuleSet {
  const out: CompiledRule[] = [];
  const broken: Array<{ id: string; version: number; detail: string }> = [];
  for (const r of rules) {
    const listKey = [...lists.values()]
      .filter((l) => r.expression.includes(l.name))
      .map((l) => `${l.name}@${l.version}`)
      .join(',');
    const key = `${r.id}@${r.version}|${listKey}`;
    let c = cache?.get(key);
    if (!c) {
      try {
        c = { id: r.id, version: r.version, name: r.name, compiled: compileRule(r.expression, { list: (n) => lists.get(n) }) };
      } catch (err) {
        if (!(err instanceof RuleError)) throw err;
        broken.push({ id: r.id, version: r.version, detail: err.message });
        continue;
      }
      cache?.set(key, c);
    }
    out.push(c);
  }
  return { rules: out, broken };
}

const caches = new WeakMap<AppContext, Map<string, CompiledRule>>();

/** The enabled rules at their current versions, compiled (reused across calls while neither the rule nor its lists change). */
export async function loadRuleSet(ctx: AppContext): Promise<RuleSet> {
  const t = ru(ctx.db.kysely);
  const rows = await t
    .selectFrom('travel_rules as r')
    .innerJoin('travel_rule_versions as v', (j) => j.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.version'))
    .select(['r.id', 'r.version', 'v.name', 'v.expression'])
    .where('r.enabled', '=', 1)
    .orderBy('r.seq')
    .execute();
  let cache = caches.get(ctx);
  if (!cache || cache.size > 5000) caches.set(ctx, (cache = new Map()));
  return compileRuleSet(rows, await listEnv(t), cache);
}

/** Every rule of the set that the traveller meets. Synchronous and allocation-light: build the view once, test all rules. */
export function evaluateRules(set: RuleSet, view: TravellerView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const r of set.rules) {
    if (r.compiled.test(view)) hits.push({ ruleId: r.id, version: r.version, name: r.name, detail: r.compiled.explain(view), lists: r.compiled.lists });
  }
  return hits;
}
