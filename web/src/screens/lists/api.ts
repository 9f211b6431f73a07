// Calls of the watchlists screens to /api/lists and /api/entities, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type ListSummary = Ok<'/api/lists', 'get'>['items'][number];
export type Version = ListSummary['versions'][number];
export type ListDetail = Ok<'/api/lists/{name}', 'get'>;
export type ListSource = NonNullable<ListDetail['source']>;
export type ListDiff = Ok<'/api/lists/{name}/diff', 'get'>;
export type EntityRef = ListDiff['added'][number];
export type EntityPage = Ok<'/api/lists/{name}/entities', 'get'>;
export type ListedEntity = EntityPage['items'][number];
export type EntityDetail = Ok<'/api/entities/{id}', 'get'>;
export type EntityData = EntityDetail['entity'];
export type HeldBy = EntityDetail['lists'][number];
export type FetchResult = Ok<'/api/lists/{name}/fetch', 'post'>;
type ActivateBody = BodyOf<'/api/lists/{name}/activate', 'post'>;

export interface EntityQuery {
  q?: string | undefined;
  schema?: string | undefined;
  version?: number | undefined;
  limit: number;
  offset: number;
}

const path = (name: string) => ({ path: { name } });
const versionParam = (v: number | undefined) => (v === undefined ? undefined : String(v));

export const fetchLists = () => call(api.GET('/api/lists')).then((r) => r.items);

export const fetchList = (name: string) => call(api.GET('/api/lists/{name}', { params: path(name) }));

export const fetchDiff = (name: string, from?: number, to?: number) =>
  call(api.GET('/api/lists/{name}/diff', { params: { ...path(name), query: { from: versionParam(from), to: versionParam(to) } } }));

export const activateVersion = (name: string, version: ActivateBody['version']) =>
  call(api.POST('/api/lists/{name}/activate', { params: path(name), body: { version } }));

export const fetchNow = (name: string) => call(api.POST('/api/lists/{name}/fetch', { params: path(name) }));

export const fetchEntities = (name: string, q: EntityQuery) =>
  call(
    api.GET('/api/lists/{name}/entities', {
      params: {
        ...path(name),
        query: { q: q.q || undefined, schema: q.schema || undefined, version: versionParam(q.version), limit: q.limit, offset: q.offset },
      },
    }),
  );

export const fetchEntity = (id: string, list?: string) => call(api.GET('/api/entities/{id}', { params: { path: { id }, query: { list: list || undefined } } }));

/** The page of an entity, keeping the list it was reached from. */
export const entityPath = (id: string, list?: string | null): string => `/entities/${encodeURIComponent(id)}${list ? `?list=${encodeURIComponent(list)}` : ''}`;

/** The page of a list, optionally at one of its tabs. */
export const listPath = (name: string, tab?: 'versions' | 'changes' | 'entities'): string => `/lists/${encodeURIComponent(name)}${tab ? `/${tab}` : ''}`;
