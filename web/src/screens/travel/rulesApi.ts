// Calls of the Rules tab to /api/travel/rules, typed by the server's OpenAPI document (see src/modules/travel/rules/schemas.ts).
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type Rule = Ok<'/api/travel/rules', 'get'>['items'][number];
export type RuleDetail = Ok<'/api/travel/rules/{id}', 'get'>;
export type RuleProblem = NonNullable<Ok<'/api/travel/rules/check', 'post'>['problem']>;
export type RuleTest = Ok<'/api/travel/rules/test', 'post'>;
export type RuleStats = Ok<'/api/travel/rules/stats', 'get'>['items'][number];
export type ValueList = Ok<'/api/travel/rules/lists', 'get'>['items'][number];
export type Catalogue = Ok<'/api/travel/rules/fields', 'get'>;
export type FieldInfo = Catalogue['fields'][number];

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchRules = () => call(api.GET('/api/travel/rules')).then((r) => r.items);
export const fetchRule = (ruleId: string) => call(api.GET('/api/travel/rules/{id}', byId(ruleId)));
export const fetchStats = () => call(api.GET('/api/travel/rules/stats')).then((r) => r.items);
export const fetchLists = () => call(api.GET('/api/travel/rules/lists')).then((r) => r.items);
export const fetchCatalogue = () => call(api.GET('/api/travel/rules/fields'));

export const checkExpression = (expression: string) => call(api.POST('/api/travel/rules/check', { body: { expression } }));
export const createRule = (body: BodyOf<'/api/travel/rules', 'post'>) => call(api.POST('/api/travel/rules', { body }));
export const updateRule = (ruleId: string, body: BodyOf<'/api/travel/rules/{id}', 'patch'>) =>
  call(api.PATCH('/api/travel/rules/{id}', { ...byId(ruleId), body }));
export const setEnabled = (ruleId: string, enabled: boolean) =>
  call(enabled ? api.POST('/api/travel/rules/{id}/enable', byId(ruleId)) : api.POST('/api/travel/rules/{id}/disable', byId(ruleId)));
export const testExpression = (expression: string, period: { from?: string; to?: string }) =>
  call(api.POST('/api/travel/rules/test', { body: { expression, ...period } }));
export const saveList = (name: string, entries: string[], description?: string) =>
  call(api.PUT('/api/travel/rules/lists/{name}', { params: { path: { name } }, body: { entries, ...(description ? { description } : {}) } }));
