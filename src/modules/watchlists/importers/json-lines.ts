// Streams JSON-lines files with constant memory: each line parsed, with its 1-based number and byte offset.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ImportError, IMPORT_LIMITS, type ImportContext } from './types.js';

/** One parsed line: its file, 1-based line number, byte offset of its first byte, and value. */
export interface JsonLine {
  file: string;
  line: number;
  offset: number;
  value: unknown;
}

export interface JsonLinesOptions {
  /** Longest line accepted, in bytes (IMPORT_LIMITS.maxLineBytes by default). */
  maxLineBytes?: number;
}

const LF = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new ImportError('not a file', { file });
    return s.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file });
  }
}

function parse(file: string, line: number, offset: number, bytes: Uint8Array): JsonLine | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ImportError('the line is not valid UTF-8', { file, line, offset });
  }
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return undefined;
  try {
    return { file, line, offset, value: JSON.parse(text) };
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const column = at ? Number(at[1]) + 1 : undefined;
    const why = (e as Error).message.replace(/^(?:SyntaxError: )?/, '').replace(/ in JSON at position \d+.*$/s, '');
    throw new ImportError(`invalid JSON: ${why}`, { file, line, ...(column !== undefined ? { column } : {}), offset });
  }
}

/**
 * Reads the files in order, line by line (LF or CRLF; blank lines skipped; a UTF-8 BOM dropped),
 * and yields each line's JSON value. A line longer than the limit is refused as soon as it
 * passes it, so memory stays bounded. Progress counts bytes over all files and lines read.
 */
export async function* readJsonLines(paths: readonly string[], ctx: ImportContext = {}, opts: JsonLinesOptions = {}): AsyncGenerator<JsonLine> {
  const max = opts.maxLineBytes ?? IMPORT_LIMITS.maxLineBytes;
  const sizes: number[] = [];
  for (const file of paths) sizes.push(await sizeOf(file));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  let records = 0;
  for (const file of paths) {
    let line = 1;
    let lineStart = 0; // byte offset of the current line
    let pos = 0; // byte offset of the current chunk
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const stream = createReadStream(file, { highWaterMark: 1 << 16 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        ctx.signal?.throwIfAborted();
        let from = 0;
        while (from < chunk.length) {
          const lf = chunk.indexOf(LF, from);
          const end = lf === -1 ? chunk.length : lf;
          if (pendingBytes + (end - from) > max) throw new ImportError(`the line is longer than ${max} bytes`, { file, line, offset: lineStart });
          if (lf === -1) {
            pending.push(chunk.subarray(from));
            pendingBytes += chunk.length - from;
            break;
          }
          let bytes: Uint8Array = pending.length ? Buffer.concat([...pending, chunk.subarray(from, end)]) : chunk.subarray(from, end);
          if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
          const parsed = parse(file, line, lineStart, bytes);
          if (parsed) {
            records++;
            yield parsed;
          }
          pending = [];
          pendingBytes = 0;
          line++;
          lineStart = pos + lf + 1;
          from = lf + 1;
        }
        pos += chunk.length;
        ctx.onProgress?.({ bytes: done + pos, totalBytes, records });
      }
    } catch (e) {
      if (e instanceof ImportError || (e as Error).name === 'AbortError') throw e;
      throw new ImportError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file, offset: pos });
    } finally {
      stream.destroy();
    }
    if (pendingBytes > 0) {
      let bytes: Uint8Array = Buffer.concat(pending);
      if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      const parsed = parse(file, line, lineStart, bytes);
      if (parsed) {
        records++;
        yield parsed;
      }
    }
    done += pos;
  }
  ctx.onProgress?.({ bytes: done, totalBytes, records });
}
