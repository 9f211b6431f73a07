// Targeting rules part of the travel module: the rule language, rules and lists, evaluation for screening, tests against history.

export { RULES_CHANGED } from './by.js';
export { compileRule, type CompiledExpr, type CompileEnv, type ListValues } from './compile.js';
export { RuleError, type RuleProblem } from './errors.js';
export { fieldCatalogue } from './fields.js';
export { testRule, type RuleTestResult } from './history.js';
export { recordRuleHits, ruleStats, type RuleStats } from './hits.js';
export { getList, latestLists, setList, type ListView } from './lists.js';
export { createRule, getRule, listRules, setRuleEnabled, updateRule, type RuleView } from './rules.js';
export { compileRuleSet, evaluateRules, loadRuleSet, type CompiledRule, type RuleHit, type RuleSet } from './ruleset.js';
export { travellerView, type FlightFacts, type TravellerView } from './view.js';
export { loadTravellerViews, viewsOf, flightFacts } from './views.js';
export { rulesCommands } from './commands.js';
export { rulesMigrations } from './migrations.js';
export { rulesRoutes } from './routes.js';
