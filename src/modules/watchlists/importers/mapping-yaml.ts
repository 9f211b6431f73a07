// Safe YAML for mappings: bounded size and alias expansion, no custom tags, and the line of any node.
import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { ImportError } from './types.js';

/** Largest mapping accepted, in bytes. */
export const MAX_MAPPING_BYTES = 1 << 20;
/** Most YAML aliases expanded (a billion-laughs document needs many). */
export const MAX_ALIASES = 100;

/** Keys and list indexes from the document's root to a node. */
export type YamlPath = (string | number)[];

export interface YamlTree {
  /** The document as plain data. */
  root: unknown;
  /** The 1-based line of the node at `path` (of its key, inside a map); the nearest ancestor's when absent. */
  lineAt(path: YamlPath): number;
  /** A function that throws ImportError with `msg` at the line of `path`. */
  failAt(path: YamlPath): (msg: string) => never;
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Scalars as strings (YAML numbers and booleans included); lists of scalars; anything else is refused. */
export function strings(value: unknown, fail: (msg: string) => never, what: string): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return fail(`${what} must be text or a list of texts`);
  });
}

/** One scalar as a string, or undefined. */
export function one(value: unknown, fail: (msg: string) => never, what: string): string | undefined {
  const list = strings(value, fail, what);
  if (list.length > 1) fail(`${what} takes one value`);
  return list[0];
}

/** Parses one YAML 1.2 document (core schema: no custom tags, no merge keys, unique keys); throws ImportError with the line. */
export function readYaml(text: string, file: string): YamlTree {
  if (text.length > MAX_MAPPING_BYTES) throw new ImportError(`the mapping is larger than ${MAX_MAPPING_BYTES} bytes`, { file });
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, schema: 'core', merge: false, version: '1.2' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const at = counter.linePos(problem.pos[0]);
    throw new ImportError(`invalid YAML: ${problem.message.split('\n')[0]}`, { file, line: at.line, column: at.col });
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new ImportError(`the mapping cannot be read: ${(e as Error).message}`, { file });
  }
  const lineAt = (path: YamlPath): number => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        offset = (node as { range?: [number, number, number] }).range?.[0] ?? offset;
      } else break;
    }
    return counter.linePos(offset).line;
  };
  const failAt =
    (path: YamlPath) =>
    (msg: string): never => {
      throw new ImportError(msg, { file, line: lineAt(path) });
    };
  return { root, lineAt, failAt };
}

/** Reads a YAML file of at most MAX_MAPPING_BYTES, in UTF-8 (a BOM allowed). */
export async function readYamlFile(path: string): Promise<YamlTree> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ImportError('the mapping is not a file', { file: path });
    if (s.size > MAX_MAPPING_BYTES) throw new ImportError(`the mapping is larger than ${MAX_MAPPING_BYTES} bytes`, { file: path });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`cannot read the mapping (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('the mapping is not valid UTF-8', { file: path });
  }
  return readYaml(text.replace(/^\ufeff/, ''), path);
}
