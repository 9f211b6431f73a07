// Batch files in the browser: where each query starts (NDJSON lines, CSV records), and the results as NDJSON or CSV to download.
import { toCsv, type CsvValue } from '../../lib/csv';
import { isError, type BatchFormat, type BatchLine } from './api';

/** Most bytes the server takes in one batch (MAX_BATCH_BYTES of the batch route). */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * The line number (from 1) where each query of the file starts, in order: non-blank NDJSON lines, or CSV records after
 * the header (a line break inside a quoted field does not start a record). The server answers one line per query in this order.
 */
export function queryLines(text: string, format: BatchFormat): number[] {
  const starts: number[] = [];
  let line = 1;
  let start = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charAt(i) : '\n';
    if (format === 'csv' && c === '"') quoted = !quoted;
    if (c === '\n' && !(format === 'csv' && quoted)) {
      if (!blank) starts.push(start);
      line++;
      start = line;
      blank = true;
    } else {
      if (c === '\n') line++;
      else if (c !== '\r' && c.trim() !== '') blank = false;
    }
  }
  return format === 'csv' ? starts.slice(1) : starts;
}

export const resultsNdjson = (lines: readonly BatchLine[]): string => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

export const CSV_HEADER = ['line', 'id', 'rank', 'entityId', 'caption', 'schema', 'lists', 'score', 'explanation', 'error'] as const;

/** One CSV row per match (a query without matches, or a rejected line, gets one row of its own). */
export function resultsCsv(lines: readonly BatchLine[], lineNumbers: readonly number[]): string {
  const rows: CsvValue[][] = [];
  lines.forEach((l, k) => {
    const line = isError(l) ? l.line : (lineNumbers[k] ?? null);
    if (isError(l)) {
      rows.push([line, l.id, null, null, null, null, null, null, null, l.error.detail]);
      return;
    }
    if (!l.matches.length) rows.push([line, l.id, null, null, null, null, null, null, null, null]);
    l.matches.forEach((m, rank) =>
      rows.push([
        line,
        l.id,
        rank + 1,
        m.entityId,
        m.caption,
        m.schema,
        m.lists.join(';'),
        m.score,
        m.explanation.map((e) => `${e.feature}=${e.score}`).join('; '),
        null,
      ]),
    );
  });
  return toCsv(CSV_HEADER, rows);
}
