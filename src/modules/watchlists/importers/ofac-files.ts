// Finds the files of an OFAC CSV publication in a folder or a ZIP archive: the SDN set or the consolidated (non-SDN) set.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CsvSource } from './csv-reader.js';
import { openZip } from './zip.js';
import { ImportError } from './types.js';

/** One file of the set: its size and a way to stream its bytes. */
export interface OfacFile {
  name: string;
  size: number;
  open(): CsvSource;
}

export interface OfacFileSet {
  kind: 'sdn' | 'cons';
  primary: OfacFile;
  alt: OfacFile;
  add: OfacFile;
  comments?: OfacFile;
}

const SETS = {
  sdn: { primary: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' },
  cons: { primary: 'cons_prim.csv', alt: 'cons_alt.csv', add: 'cons_add.csv', comments: 'cons_comments.csv' },
} as const;

async function sizeOf(path: string): Promise<{ dir: boolean; size: number }> {
  try {
    const s = await stat(path);
    return { dir: s.isDirectory(), size: s.size };
  } catch (e) {
    throw new ImportError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
}

/** The files of a folder or ZIP archive, by lower-case base name. */
async function listing(path: string): Promise<Map<string, OfacFile>> {
  const files = new Map<string, OfacFile>();
  const { dir } = await sizeOf(path);
  if (dir) {
    const names = await readdir(path).catch((e: NodeJS.ErrnoException) => {
      throw new ImportError(`cannot list the folder (${e.code ?? 'error'})`, { file: path });
    });
    for (const name of names) {
      const full = join(path, name);
      const s = await sizeOf(full);
      if (!s.dir) files.set(name.toLowerCase(), { name: full, size: s.size, open: () => ({ file: full, chunks: createReadStream(full), totalBytes: s.size }) });
    }
    return files;
  }
  const zip = await openZip(path);
  for (const entry of zip.entries) {
    const file = `${path}:${entry.name}`;
    const key = basename(entry.name).toLowerCase();
    if (files.has(key)) throw new ImportError(`the archive holds ${basename(entry.name)} twice`, { file });
    files.set(key, { name: file, size: entry.size, open: () => ({ file, chunks: zip.read(entry), totalBytes: entry.size }) });
  }
  return files;
}

/** The SDN (`sdn.csv`, `alt.csv`, `add.csv`, optional `sdn_comments.csv`) or consolidated (`cons_*.csv`) set at `path`. */
export async function ofacFileSet(path: string): Promise<OfacFileSet> {
  const files = await listing(path);
  const kinds = (['sdn', 'cons'] as const).filter((k) => files.has(SETS[k].primary));
  if (kinds.length !== 1) {
    const why = kinds.length ? 'both sdn.csv and cons_prim.csv: give one set at a time' : 'neither sdn.csv nor cons_prim.csv';
    throw new ImportError(`${path} holds ${why}`, { file: path });
  }
  const kind = kinds[0]!;
  const names = SETS[kind];
  const need = (name: string): OfacFile => {
    const f = files.get(name);
    if (!f) throw new ImportError(`${path} has ${names.primary} but no ${name}`, { file: path });
    return f;
  };
  const comments = files.get(names.comments);
  return { kind, primary: need(names.primary), alt: need(names.alt), add: need(names.add), ...(comments ? { comments } : {}) };
}

/** An extra alias file: a CSV file, or the alt.csv / cons_alt.csv of a folder or archive. */
export async function extraAliasFile(path: string): Promise<OfacFile> {
  const s = await sizeOf(path);
  if (!s.dir && !/\.zip$/i.test(path)) return { name: path, size: s.size, open: () => ({ file: path, chunks: createReadStream(path), totalBytes: s.size }) };
  const files = await listing(path);
  const f = files.get('alt.csv') ?? files.get('cons_alt.csv');
  if (!f) throw new ImportError(`${path} holds no alt.csv or cons_alt.csv`, { file: path });
  return f;
}
