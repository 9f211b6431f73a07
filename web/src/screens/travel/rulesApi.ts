// Calls of the Rules tab to /api/travel/rules, with the shapes the server answers (see src/modules/travel/rules/schemas.ts).
import { api, call } from '../../api/client';

export interface Rule {
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
  versionBy: string;
  versionAt: string;
}

export interface RuleDetail extends Rule {
  versions: Array<{ version: number; name: string; description: string; expression: string; createdBy: string; createdAt: string }>;
}

export interface RuleProblem {
  code: string;
  detail: string;
  line: number;
  column: number;
  offset: number;
  length: number;
  part: string;
  category?: string;
}

export interface RuleTest {
  ruleId: string | null;
  version: number | null;
  expression: string;
  period: { from: string; to: string };
  lists: Record<string, number>;
  scanned: { flights: number; travellers: number };
  hits: { flights: number; travellers: number };
  sample: Array<{ travellerId: string; flightId: string; flightDate: string; detail: string }>;
}

export interface RuleStats {
  ruleId: string;
  version: number;
  hits: number;
  flights: number;
  lastHitAt: string | null;
  alerts: Record<string, number>;
  precision: number | null;
}

export interface ValueList {
  name: string;
  version: number;
  description: string;
  entries: string[];
  createdBy: string;
  createdAt: string;
}

export interface FieldInfo {
  name: string;
  type: string;
  set?: boolean;
  values?: string[];
  description: string;
}

export interface Catalogue {
  fields: FieldInfo[];
  collections: Array<{ name: string; description: string; fields: FieldInfo[] }>;
}

/**
 * The rules routes belong to a part the travel module wires in; until the generated OpenAPI types list them, the
 * typed client is called through this loosely typed view of itself (same CSRF and problem+json handling).
 */
type Loose = Record<
  'GET' | 'POST' | 'PUT' | 'PATCH',
  (path: string, init?: { body?: unknown; params?: unknown }) => Promise<{ data?: unknown; error?: unknown; response: Response }>
>;
const loose = api as unknown as Loose;
const get = <T>(path: string) => call(loose.GET(path)) as Promise<T>;
const send = <T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown = {}) => call(loose[method](path, { body })) as Promise<T>;
const R = '/api/travel/rules';
const id = (x: string) => encodeURIComponent(x);

export const fetchRules = () => get<{ items: Rule[] }>(R).then((r) => r.items);
export const fetchRule = (ruleId: string) => get<RuleDetail>(`${R}/${id(ruleId)}`);
export const fetchStats = () => get<{ items: RuleStats[] }>(`${R}/stats`).then((r) => r.items);
export const fetchLists = () => get<{ items: ValueList[] }>(`${R}/lists`).then((r) => r.items);
export const fetchCatalogue = () => get<Catalogue>(`${R}/fields`);

export const checkExpression = (expression: string) =>
  send<{ ok: boolean; problem: RuleProblem | null; lists: Record<string, number> }>('POST', `${R}/check`, { expression });
export const createRule = (body: { name: string; expression: string; description?: string }) => send<Rule>('POST', R, body);
export const updateRule = (ruleId: string, body: { name?: string; expression?: string; description?: string }) =>
  send<Rule & { changed: boolean }>('PATCH', `${R}/${id(ruleId)}`, body);
export const setEnabled = (ruleId: string, enabled: boolean) =>
  send<Rule & { changed: boolean }>('POST', `${R}/${id(ruleId)}/${enabled ? 'enable' : 'disable'}`);
export const testExpression = (expression: string, period: { from?: string; to?: string }) => send<RuleTest>('POST', `${R}/test`, { expression, ...period });
export const saveList = (name: string, entries: string[], description?: string) =>
  send<ValueList & { changed: boolean }>('PUT', `${R}/lists/${id(name)}`, { entries, ...(description ? { description } : {}) });
