// Audit export formats: NDJSON (one record a line, for machines and re-verification) and CSV (for spreadsheets).
import type { AuditRecord } from '../../platform/audit/index.js';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const COLUMNS = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'orgId',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'requestId',
  'details',
  'prevHash',
  'hash',
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The lines of an export, without line ends: a header line first for CSV. */
export async function* exportLines(records: AsyncIterable<AuditRecord>, format: ExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield COLUMNS.join(',');
  for await (const r of records) {
    yield format === 'ndjson' ? JSON.stringify(r) : COLUMNS.map((c) => csvCell(r[c])).join(',');
  }
}

/** The same lines joined into chunks of about `size` characters, for streaming to a socket or a file. */
export async function* exportChunks(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const line of lines) {
    buffer += line + '\n';
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
