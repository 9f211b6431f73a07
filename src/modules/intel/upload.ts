// Uploaded files for imports: written to a private temporary folder, read by the same readers as files given to the CLI, then removed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invalid } from '../../platform/errors.js';
import { readXlsx } from './import/xlsx.js';
import { sheetRows, type SheetFormat } from './import/rows.js';
import { ImportError } from '../watchlists/index.js';
import { AppError } from '../../platform/errors.js';

/** Largest upload accepted, in bytes (after base64 decoding). */
export const MAX_UPLOAD_BYTES = 48 << 20;

export function decodeUpload(content: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw invalid('content', 'the file as base64');
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid('content', `the file is larger than ${MAX_UPLOAD_BYTES} bytes`);
  return bytes;
}

/** Runs `fn` with the bytes in a temporary file that is removed afterwards. */
export async function withUpload<T>(bytes: Uint8Array, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-intel-'));
  try {
    const path = join(dir, 'upload');
    await writeFile(path, bytes, { mode: 0o600 });
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Preview {
  columns: string[];
  rows: string[][];
  sheets: string[];
}

/** The header and first rows of a spreadsheet, for building a mapping. */
export async function previewSheet(
  path: string,
  name: string,
  format: SheetFormat,
  opts: { encoding?: 'utf8' | 'latin1' | undefined; sheet?: string | undefined },
): Promise<Preview> {
  try {
    const sheets = format === 'xlsx' ? (await readXlsx(path, { sheet: opts.sheet })).sheets : [];
    const src = sheetRows(path, format, { ...opts, name });
    const rows: string[][] = [];
    let columns: string[] = [];
    for await (const r of src.rows) {
      if (!columns.length) columns = Object.keys(r.values);
      rows.push(columns.map((c) => r.values[c] ?? ''));
      if (rows.length >= 20) break;
    }
    return { columns, rows, sheets };
  } catch (e) {
    if (e instanceof ImportError)
      throw new AppError('validation-failed', e.describe(), { field: 'content', ...(e.where.line !== undefined ? { line: e.where.line } : {}) });
    throw e;
  }
}
