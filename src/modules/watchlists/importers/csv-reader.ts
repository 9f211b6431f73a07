// Streaming CSV reader (RFC 4180) over a file or byte stream: rows with their line numbers, optional header, bounded sizes.
import { createReadStream } from 'node:fs';
import { CsvTokenizer, type RawCsvRecord } from './csv-tokenizer.js';
import { fileSize, readFailure } from './source-file.js';
import { ImportError } from './types.js';

export type CsvEncoding = 'utf8' | 'latin1';

export interface CsvProgress {
  /** Bytes read so far, and the input's size when known. */
  bytes: number;
  totalBytes?: number;
  /** Records read so far (the header included). */
  records: number;
}

export interface CsvOptions {
  /** `true`: the first record names the columns; an array: these names; absent or `false`: rows are arrays. */
  header?: boolean | readonly string[];
  /** One ASCII character; `,` by default. */
  delimiter?: string;
  /** `utf8` by default. */
  encoding?: CsvEncoding;
  onProgress?: (p: CsvProgress) => void;
  signal?: AbortSignal;
}

/** One record: the 1-based line of its first line, its byte offset, its values. */
export interface CsvRow<V = string[]> {
  line: number;
  offset: number;
  values: V;
}

/** A byte stream to read, with the name used in error positions. */
export interface CsvSource {
  file: string;
  chunks: AsyncIterable<Uint8Array>;
  totalBytes?: number;
}

type Named = CsvOptions & { header: true | readonly string[] };
type Plain = CsvOptions & { header?: false };

export function readCsv(path: string, opts: Named): AsyncIterable<CsvRow<Record<string, string>>>;
export function readCsv(path: string, opts?: Plain): AsyncIterable<CsvRow<string[]>>;
export function readCsv(path: string, opts?: CsvOptions): AsyncIterable<CsvRow<string[] | Record<string, string>>>;
export async function* readCsv(path: string, opts: CsvOptions = {}): AsyncIterable<CsvRow<any>> {
  const size = await fileSize(path);
  yield* readCsvFrom({ file: path, chunks: createReadStream(path, { highWaterMark: 1 << 16 }), totalBytes: size }, opts);
}

export function readCsvFrom(source: CsvSource, opts: Named): AsyncIterable<CsvRow<Record<string, string>>>;
export function readCsvFrom(source: CsvSource, opts?: Plain): AsyncIterable<CsvRow<string[]>>;
export function readCsvFrom(source: CsvSource, opts?: CsvOptions): AsyncIterable<CsvRow<string[] | Record<string, string>>>;
export async function* readCsvFrom(source: CsvSource, opts: CsvOptions = {}): AsyncIterable<CsvRow<any>> {
  const file = source.file;
  const delimiter = opts.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || /["\r\n]/.test(delimiter)) {
    throw new ImportError(`the CSV delimiter must be one ASCII character other than a quote or newline, not ${JSON.stringify(delimiter)}`, { file });
  }
  const tok = new CsvTokenizer({ file, delimiter: delimiter.charCodeAt(0), encoding: opts.encoding ?? 'utf8' });
  let names: readonly string[] | undefined = Array.isArray(opts.header) ? opts.header : undefined;
  const wantHeader = opts.header === true;
  let records = 0;
  const out: RawCsvRecord[] = [];
  const emit = function* (): Generator<CsvRow<any>> {
    for (const r of out) {
      records++;
      if (wantHeader && names === undefined) {
        names = headerNames(r, file);
        continue;
      }
      yield { line: r.line, offset: r.offset, values: names ? toRecord(r, names, file) : r.fields };
    }
    out.length = 0;
  };
  let first = true;
  try {
    for await (const raw of source.chunks) {
      opts.signal?.throwIfAborted();
      let chunk = raw;
      if (first && chunk.length > 0) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      tok.push(chunk, out);
      yield* emit();
      opts.onProgress?.({ bytes: tok.bytes, totalBytes: source.totalBytes, records });
    }
  } catch (e) {
    throw readFailure(e, file, tok.bytes);
  }
  tok.end(out);
  yield* emit();
  opts.onProgress?.({ bytes: tok.bytes, totalBytes: source.totalBytes, records });
}

function headerNames(r: RawCsvRecord, file: string): string[] {
  const seen = new Set<string>();
  return r.fields.map((raw, i) => {
    const name = raw.trim();
    if (name && seen.has(name)) throw new ImportError(`duplicate column name ${JSON.stringify(name)} in the header`, { file, line: r.line, column: i + 1 });
    seen.add(name);
    return name;
  });
}

function toRecord(r: RawCsvRecord, names: readonly string[], file: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (let i = 0; i < names.length; i++) if (names[i]) entries.push([names[i]!, r.fields[i] ?? '']);
  for (let i = 0; i < r.fields.length; i++) {
    if (!names[i] && r.fields[i]!.trim() !== '') {
      throw new ImportError(`value in column ${i + 1}, which has no name in the header`, { file, line: r.line, column: i + 1, offset: r.offset });
    }
  }
  return Object.fromEntries(entries); // own data properties, even for a column named __proto__
}
