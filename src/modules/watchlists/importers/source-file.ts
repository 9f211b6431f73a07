// Opening input files for the streaming readers: size up front, and I/O failures as ImportErrors that name the file.
import { stat } from 'node:fs/promises';
import { ImportError } from './types.js';

/** The size of the regular file at `path`; an ImportError when it is missing, unreadable or not a file. */
export async function fileSize(path: string): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch (e) {
    throw new ImportError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
  if (!s.isFile()) throw new ImportError('not a file', { file: path });
  return s.size;
}

/** An error met while reading: ImportErrors and aborts pass as they are, I/O errors become ImportErrors, anything else is a bug and passes too. */
export function readFailure(e: unknown, file: string, offset: number): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (e instanceof ImportError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return e;
  return new ImportError(`cannot read the file (${code})`, { file, offset });
}
