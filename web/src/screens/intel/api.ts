// Calls of the intel screens to /api/intel, typed by the server's OpenAPI document.
import { api, apiUrl, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type CaseSummary = Ok<'/api/intel/cases', 'get'>['items'][number];
export type CaseDetail = Ok<'/api/intel/cases/{caseId}', 'get'>;
export type Scheme = Ok<'/api/intel/schemes', 'get'>['items'][number];
export type Report = Ok<'/api/intel/cases/{caseId}/reports', 'get'>['items'][number];
export type NewReport = BodyOf<'/api/intel/cases/{caseId}/reports', 'post'>;
export type EntityPage = Ok<'/api/intel/cases/{caseId}/entities', 'get'>;
export type EntitySummary = EntityPage['items'][number];
export type EntityDetail = Ok<'/api/intel/cases/{caseId}/entities/{entityId}', 'get'>;
export type ImportBody = BodyOf<'/api/intel/cases/{caseId}/imports', 'post'>;
export type ImportReport = Ok<'/api/intel/cases/{caseId}/imports', 'post'>;
export type Preview = Ok<'/api/intel/cases/{caseId}/imports/preview', 'post'>;
export type SavedMapping = Ok<'/api/intel/mappings', 'get'>['items'][number];
export type Pair = Ok<'/api/intel/cases/{caseId}/pairs/{pairId}', 'get'>;
export type PairDecision = BodyOf<'/api/intel/cases/{caseId}/pairs/decisions', 'post'>['decisions'][number]['decision'];
export type Paths = Ok<'/api/intel/cases/{caseId}/paths', 'get'>;
export type Member = CaseDetail['memberList'][number];
export type CaseRole = Member['role'];

const path = (caseId: string) => ({ path: { caseId } });

export const fetchCases = () => call(api.GET('/api/intel/cases')).then((r) => r.items);
export const createCase = (name: string, description: string) =>
  call(api.POST('/api/intel/cases', { body: { name, ...(description ? { description } : {}) } }));
export const fetchCase = (caseId: string) => call(api.GET('/api/intel/cases/{caseId}', { params: path(caseId) }));
export const setMember = (caseId: string, username: string, role: CaseRole) =>
  call(api.PUT('/api/intel/cases/{caseId}/members', { params: path(caseId), body: { username, role } })).then((r) => r.items);
export const fetchSchemes = () => call(api.GET('/api/intel/schemes')).then((r) => r.items);
export const fetchReports = (caseId: string) => call(api.GET('/api/intel/cases/{caseId}/reports', { params: path(caseId) })).then((r) => r.items);
export const createReport = (caseId: string, body: NewReport) => call(api.POST('/api/intel/cases/{caseId}/reports', { params: path(caseId), body }));
export const fetchEntities = (caseId: string, q: { q?: string; links?: boolean; limit: number; offset: number }) =>
  call(
    api.GET('/api/intel/cases/{caseId}/entities', {
      params: {
        ...path(caseId),
        query: { q: q.q || undefined, links: q.links === undefined ? undefined : q.links ? 'true' : 'false', limit: q.limit, offset: q.offset },
      },
    }),
  );
export const fetchEntity = (caseId: string, entityId: string) =>
  call(api.GET('/api/intel/cases/{caseId}/entities/{entityId}', { params: { path: { caseId, entityId } } }));
export const splitRecord = (caseId: string, entityId: string) =>
  call(api.POST('/api/intel/cases/{caseId}/entities/{entityId}/split', { params: { path: { caseId, entityId } } }));
export const previewFile = (caseId: string, body: BodyOf<'/api/intel/cases/{caseId}/imports/preview', 'post'>) =>
  call(api.POST('/api/intel/cases/{caseId}/imports/preview', { params: path(caseId), body }));
export const importFile = (caseId: string, body: ImportBody) => call(api.POST('/api/intel/cases/{caseId}/imports', { params: path(caseId), body }));
export const fetchMappings = () => call(api.GET('/api/intel/mappings')).then((r) => r.items);
export const saveMapping = (name: string, yaml: string) => call(api.POST('/api/intel/mappings', { body: { name, yaml } }));
export const runXref = (caseId: string, lists: boolean) => call(api.POST('/api/intel/cases/{caseId}/xref', { params: path(caseId), body: { lists } }));
export const fetchPairs = (caseId: string, status: 'open' | 'yes' | 'no' | 'unsure' | undefined, offset = 0) =>
  call(api.GET('/api/intel/cases/{caseId}/pairs', { params: { ...path(caseId), query: { status, limit: 100, offset } } }));
export const fetchPair = (caseId: string, pairId: string) =>
  call(api.GET('/api/intel/cases/{caseId}/pairs/{pairId}', { params: { path: { caseId, pairId } } }));
export const fetchNextPair = (caseId: string, after?: string | null) =>
  call(api.GET('/api/intel/cases/{caseId}/pairs/next', { params: { ...path(caseId), query: { after: after || undefined } } }));
export const decidePairs = (caseId: string, decisions: { pairId: string; decision: PairDecision }[]) =>
  call(api.POST('/api/intel/cases/{caseId}/pairs/decisions', { params: path(caseId), body: { decisions } })).then((r) => r.items);
export const fetchPaths = (caseId: string, from: string, to: string, opts: { maxLength?: number; all?: boolean }) =>
  call(
    api.GET('/api/intel/cases/{caseId}/paths', {
      params: { ...path(caseId), query: { from, to, maxLength: opts.maxLength, all: opts.all ? 'true' : undefined } },
    }),
  );

export const EXPORTS = ['graphml', 'gexf', 'ftm', 'anb-csv'] as const;
export const exportUrl = (caseId: string, format: (typeof EXPORTS)[number]) => apiUrl(`/api/intel/cases/${encodeURIComponent(caseId)}/export`, { format });

export const casePath = (caseId: string, tab?: string) => `/intel/cases/${encodeURIComponent(caseId)}${tab ? `/${tab}` : ''}`;

/** A file as base64, for the JSON import body. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
