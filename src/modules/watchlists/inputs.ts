// The inputs of an import: which files they are, their total size, and one sha256 over all of them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ImportError } from './importers/types.js';

export interface InputFile {
  /** Absolute or given path. */
  path: string;
  /** Name recorded in the version: the file name, or folder/relative path for files inside a folder. */
  name: string;
  bytes: number;
}

export interface InputSummary {
  files: InputFile[];
  /** Bytes of the data files (the mapping excluded), for progress. */
  totalBytes: number;
  /** sha256 of the single input file; with several files (or a mapping), sha256 over `sha256  name` lines in order. */
  sha256: string;
}

const MAX_FILES = 1000;
const MAX_DEPTH = 4;

async function filesOf(path: string, root: string, depth: number, out: InputFile[]): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ImportError(`cannot read ${path}: no such file or folder`, { file: path });
  }
  if (info.isFile()) {
    out.push({ path, name: root === path ? basename(path) : `${basename(root)}/${relative(root, path)}`, bytes: info.size });
  } else if (info.isDirectory()) {
    if (depth >= MAX_DEPTH) throw new ImportError(`folder ${path} is nested deeper than ${MAX_DEPTH} levels`, { file: path });
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const n of names) await filesOf(join(path, n), root, depth + 1, out);
  } else throw new ImportError(`${path} is neither a file nor a folder`, { file: path });
  if (out.length > MAX_FILES) throw new ImportError(`more than ${MAX_FILES} input files under ${root}`, { file: root });
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Lists and hashes the inputs (streaming, constant memory); the mapping, when given, is part of the hash. */
export async function summariseInputs(paths: readonly string[], mapping?: string): Promise<InputSummary> {
  if (!paths.length) throw new ImportError('no input file given');
  const files: InputFile[] = [];
  for (const p of paths) await filesOf(p, p, 0, files);
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  if (mapping) await filesOf(mapping, mapping, 0, files);
  const sums: string[] = [];
  for (const f of files) sums.push(await sha256File(f.path));
  const single = files.length === 1 && !mapping && sums[0];
  const sha256 =
    single ||
    createHash('sha256')
      .update(files.map((f, i) => `${sums[i]}  ${f.name}\n`).join(''))
      .digest('hex');
  return { files, totalBytes, sha256 };
}
