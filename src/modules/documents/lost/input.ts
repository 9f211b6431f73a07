// Inputs of an import: a file read twice in constant memory (its sha256, then its lines), or a request body already in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../../platform/errors.js';

export interface ImportInput {
  lines: AsyncIterable<string> | Iterable<string>;
  sha256: string;
  file: string;
}

export async function fileInput(path: string): Promise<ImportInput> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new AppError('not-found', `cannot read ${path}: no such file`);
  }
  if (!info.isFile()) throw new AppError('validation-failed', `${path} is not a file`, { field: 'file' });
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  return { lines, sha256: hash.digest('hex'), file: basename(path) };
}

/** Splits text on line feeds (a trailing `\r` is removed by the parser). */
export function textInput(text: string, file = 'upload'): ImportInput {
  return { lines: text.split('\n'), sha256: createHash('sha256').update(text).digest('hex'), file };
}
