// Streaming XML reader over saxes: refuses any DOCTYPE, bounds depth and text, and yields one completed record element at a time.
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import { BytePositions, detectXmlEncoding } from './xml-encoding.js';
import { localName, type XmlElement } from './xml-tree.js';
import { fileSize, readFailure } from './source-file.js';
import { ImportError, IMPORT_LIMITS } from './types.js';

export type { XmlElement } from './xml-tree.js';
export { child, childrenNamed, descendants, textOf, textsOf } from './xml-tree.js';

/** A completed record element, the names from the root down to it, and where its start tag is. */
export interface XmlRecord {
  element: XmlElement;
  path: readonly string[];
  line: number;
  column: number;
  offset: number;
}

export interface XmlProgress {
  bytes: number;
  totalBytes?: number;
  records: number;
}

export interface XmlReadOptions {
  /** Whether the element at this path (local names from the root, the element last) is a record to yield whole. */
  isRecord: (path: readonly string[]) => boolean;
  /** The local name the root element must have: another root is refused as a different format. */
  root?: string;
  onProgress?: (p: XmlProgress) => void;
  signal?: AbortSignal;
  maxDepth?: number;
  maxTextLength?: number;
  /** Most elements in one record. */
  maxRecordElements?: number;
}

const PIECE_CHARS = 1 << 16;
const MAX_PROLOG_CHARS = 1 << 20;

/** Reads `path` and yields each record element once it is complete; any problem is an ImportError with its position. */
export async function* readXml(path: string, opts: XmlReadOptions): AsyncIterable<XmlRecord> {
  const totalBytes = await fileSize(path);
  const maxDepth = opts.maxDepth ?? IMPORT_LIMITS.maxXmlDepth;
  const maxText = opts.maxTextLength ?? IMPORT_LIMITS.maxTextLength;
  const maxElements = opts.maxRecordElements ?? 100_000;
  const parser = new SaxesParser({ position: true });
  const queue: XmlRecord[] = [];
  const names: string[] = [];
  const stack: XmlElement[] = [];
  let record: { element: XmlElement; path: string[]; offset: number; count: number } | undefined;
  let positions = new BytePositions('utf-8', 0);
  let lastEvent = 0;
  let records = 0;
  let prolog: string | undefined = ''; // text before the root element, kept to place a DOCTYPE; undefined once the root opens
  let prologFull = false;
  let tagLine = 1;
  let tagColumn = 1;
  let tagPos = 0;
  const byteAt = (pos: number): number => positions.byteAt(pos);
  const fail = (message: string, line = parser.line, column = parser.column, pos = parser.position): never => {
    throw new ImportError(message, { file: path, line, column: Math.max(1, column), offset: byteAt(pos) });
  };
  const seen = (): void => {
    lastEvent = parser.position;
  };

  parser.on('error', (err) => fail(err.message.replace(/^\d+:\d+: /, '')));
  parser.on('doctype', () => {
    const text = prolog ?? '';
    const at = prologFull ? -1 : text.lastIndexOf('<!DOCTYPE');
    const before = at >= 0 ? text.slice(0, at) : undefined;
    const line = before === undefined ? parser.line : before.split('\n').length;
    const column = before === undefined ? parser.column : at - before.lastIndexOf('\n');
    fail('a DOCTYPE declaration is not accepted (external entities and entity expansion are refused)', line, column, at >= 0 ? at : parser.position);
  });
  parser.on('opentagstart', (tag) => {
    seen();
    // saxes has read the name and the character after it: step back to the '<'
    const back = tag.name.length + 2;
    tagLine = parser.line;
    tagColumn = Math.max(1, parser.column - back + 1);
    tagPos = Math.max(0, parser.position - back);
    prolog = undefined;
  });
  parser.on('opentag', (tag) => {
    seen();
    const name = localName(tag.name);
    names.push(name);
    if (names.length > maxDepth) fail(`elements nested deeper than ${maxDepth} levels`, tagLine, tagColumn);
    if (names.length === 1 && opts.root !== undefined && name !== opts.root) {
      fail(`expected <${opts.root}> as the root element, found <${name}>: is this the right format?`, tagLine, tagColumn);
    }
    const element: XmlElement = { name, attrs: tag.attributes as Record<string, string>, text: '', children: [], line: tagLine, column: tagColumn };
    if (record) {
      if (++record.count > maxElements) fail(`record with more than ${maxElements} elements`, tagLine, tagColumn);
      stack[stack.length - 1]!.children.push(element);
      stack.push(element);
    } else if (opts.isRecord(names)) {
      record = { element, path: [...names], offset: byteAt(tagPos), count: 1 };
      stack.push(element);
    }
  });
  const onText = (text: string): void => {
    seen();
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.text.length + text.length > maxText) fail(`text of <${top.name}> longer than ${maxText} characters`);
    top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', seen);
  parser.on('processinginstruction', seen);
  parser.on('xmldecl', seen);
  parser.on('closetag', () => {
    seen();
    names.pop();
    if (!record) return;
    stack.pop();
    if (stack.length === 0) {
      queue.push({ element: record.element, path: record.path, line: record.element.line, column: record.element.column, offset: record.offset });
      record = undefined;
    }
  });

  const write = (text: string): void => {
    for (let i = 0; i < text.length; i += PIECE_CHARS) {
      const piece = text.slice(i, i + PIECE_CHARS);
      positions.next(piece);
      if (prolog !== undefined && !prologFull) {
        prologFull = prolog.length + piece.length > MAX_PROLOG_CHARS;
        prolog = prologFull ? '' : prolog + piece;
      }
      parser.write(piece);
      if (parser.position - lastEvent > maxText + PIECE_CHARS) fail(`text or markup longer than ${maxText} characters`);
    }
  };

  let decoder: TextDecoder | undefined;
  let bytesRead = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      opts.signal?.throwIfAborted();
      if (!decoder) {
        const d = detectXmlEncoding(chunk, path);
        positions = new BytePositions(d.encoding, d.bomBytes);
        decoder = new TextDecoder(d.encoding, { ignoreBOM: false });
      }
      bytesRead += chunk.length;
      write(decoder.decode(chunk, { stream: true }));
      records += queue.length;
      yield* queue.splice(0);
      opts.onProgress?.({ bytes: bytesRead, totalBytes, records });
    }
    if (decoder) write(decoder.decode());
    parser.close();
  } catch (e) {
    throw readFailure(e, path, bytesRead);
  }
  records += queue.length;
  yield* queue.splice(0);
  opts.onProgress?.({ bytes: bytesRead, totalBytes, records });
}
