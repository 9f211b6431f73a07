// Calls of the screening screens: one query (typed by the OpenAPI document) and an NDJSON or CSV batch read as a stream.
import { api, call } from '../../api/client';
import { ApiError, type ProblemBody } from '../../api/problem';
import type { Ok } from '../../api/types';

export type ScreenResult = Ok<'/api/screen', 'post'>;
export type Match = ScreenResult['matches'][number];
export type ExplanationItem = Match['explanation'][number];

export interface Query {
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: string;
  schema?: string;
  documents?: string[];
  lists?: string[];
  minScore?: number;
}

export const screenOne = (q: Query) => call(api.POST('/api/screen', { body: q }));

/** One line of a batch answer: a result, or the error of one input line. */
export type BatchLine = ScreenResult | { id: string | null; line: number; error: { code: string; detail: string; field?: string } };
export const isError = (l: BatchLine): l is Extract<BatchLine, { error: unknown }> => 'error' in l;

export type BatchFormat = 'ndjson' | 'csv';
export const formatOf = (fileName: string): BatchFormat => (/\.csv$/i.test(fileName) ? 'csv' : 'ndjson');

/**
 * Sends a batch and reads the NDJSON answer line by line as it streams, calling `onLine` for each; resolves when done.
 * A whole-file problem (a broken CSV, a file too large) rejects with the server's problem+json.
 */
export async function screenBatch(text: string, format: BatchFormat, minScore: number | undefined, onLine: (l: BatchLine) => void, signal?: AbortSignal) {
  let outcome;
  try {
    outcome = await api.POST('/api/screen/batch', {
      params: { query: { minScore: minScore === undefined ? undefined : String(minScore) } },
      body: text as never,
      bodySerializer: (b: unknown) => b as string,
      headers: { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson' },
      parseAs: 'stream',
      ...(signal ? { signal } : {}),
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  const { response, error } = outcome as { response: Response; error?: unknown };
  if (!response.ok) throw new ApiError(response.status, error && typeof error === 'object' ? (error as ProblemBody) : undefined);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) rest += value;
    let at: number;
    while ((at = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, at).trim();
      rest = rest.slice(at + 1);
      if (line) onLine(JSON.parse(line) as BatchLine);
    }
    if (done) break;
  }
  if (rest.trim()) onLine(JSON.parse(rest) as BatchLine);
}

/** How many queries a file holds, for progress: non-blank lines (less the header for CSV; quoted line breaks make it an estimate). */
export function expectedLines(text: string, format: BatchFormat): number {
  let n = 0;
  for (const l of text.split('\n')) if (l.trim()) n++;
  return format === 'csv' ? Math.max(0, n - 1) : n;
}
