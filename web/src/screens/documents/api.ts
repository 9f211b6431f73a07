// Calls of the documents screens to /api/documents, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type DocumentCheck = Ok<'/api/documents/check', 'post'>;
export type CheckReason = DocumentCheck['reasons'][number];
export type MrzResult = DocumentCheck['mrz'];
export type MrzField = MrzResult['fields'][string];
export type MrzSuggestion = MrzResult['suggestions'][number];
export type LostResult = NonNullable<DocumentCheck['lost']>;
export type LostHit = LostResult['hits'][number];
export type HolderMatch = NonNullable<DocumentCheck['holder']>['matches'][number];
export type Registry = Ok<'/api/documents/lost', 'get'>;
export type RegistryVersion = Registry['versions'][number];
export type ImportBody = BodyOf<'/api/documents/lost', 'post'>;
export type ImportResult = Ok<'/api/documents/lost', 'post'>;
export type ReportsPage = Ok<'/api/documents/lost/reports', 'get'>;
export type Report = ReportsPage['items'][number];

export const checkDocument = (mrz: string) => call(api.POST('/api/documents/check', { body: { mrz } }));
export const fetchRegistry = () => call(api.GET('/api/documents/lost'));
export const importReports = (body: ImportBody) => call(api.POST('/api/documents/lost', { body }));
export const activateRegistry = (version: number) => call(api.POST('/api/documents/lost/activate', { body: { version } }));

export interface ReportsQuery {
  number?: string | undefined;
  country?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

export const fetchReports = (q: ReportsQuery) =>
  call(
    api.GET('/api/documents/lost/reports', {
      params: { query: { number: q.number || undefined, country: q.country || undefined, status: q.status || undefined, limit: q.limit, offset: q.offset } },
    }),
  );

/** The lines of a complete MRZ in `text` (2 lines of 44 or 36 characters, or 3 of 30), else null: what a scanner has sent in full. */
export function completeMrz(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter(Boolean);
  if (lines.length === 2 && lines.every((l) => l.length === 44)) return lines;
  if (lines.length === 2 && lines.every((l) => l.length === 36)) return lines;
  if (lines.length === 3 && lines.every((l) => l.length === 30)) return lines;
  return null;
}

/** Paths of the documents tool's tabs. */
export const DOCUMENTS_PATHS = { check: '/documents', registry: '/documents/registry', certificates: '/documents/certificates' } as const;
export const entityPath = (id: string) => `/entities/${encodeURIComponent(id)}`;
export const registrySearchPath = (number: string) => `${DOCUMENTS_PATHS.registry}?number=${encodeURIComponent(number)}`;

export type Csca = Ok<'/api/documents/csca', 'get'>['items'][number];
export type Crl = Ok<'/api/documents/crl', 'get'>['items'][number];
export type CscaImport = Ok<'/api/documents/csca', 'post'>;
export type CrlImport = Ok<'/api/documents/crl', 'post'>;

export const fetchCscas = () => call(api.GET('/api/documents/csca', { params: { query: {} } })).then((r) => r.items);
export const fetchCrls = () => call(api.GET('/api/documents/crl', { params: { query: {} } })).then((r) => r.items);

/** Uploads a certificate file as it is (DER, PEM, LDIF or a master list): the body is the file's bytes. */
const rawFile = (file: File) => ({
  body: file as never,
  bodySerializer: (b: unknown) => b as BodyInit,
  headers: { 'content-type': 'application/octet-stream' },
});
export const uploadCscas = (file: File): Promise<CscaImport> => call(api.POST('/api/documents/csca', rawFile(file)));
export const uploadCrls = (file: File): Promise<CrlImport> => call(api.POST('/api/documents/crl', rawFile(file)));
