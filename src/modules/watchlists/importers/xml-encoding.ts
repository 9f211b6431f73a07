// Character encoding of an XML file: from its byte-order mark or its XML declaration, limited to encodings lists use.
import { ImportError } from './types.js';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-15';

const LABELS: Record<string, XmlEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'utf-16': 'utf-16le',
};

/** The encoding of a file from its first bytes, and how many bytes of byte-order mark it starts with. */
export function detectXmlEncoding(head: Uint8Array, file: string): { encoding: XmlEncoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  if (head[0] === 0x3c && head[1] === 0x00) return { encoding: 'utf-16le', bomBytes: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c) return { encoding: 'utf-16be', bomBytes: 0 };
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 512)).toString('latin1');
  const decl = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(start);
  if (!decl) return { encoding: 'utf-8', bomBytes: 0 };
  const label = decl[1]!.toLowerCase();
  const encoding = Object.hasOwn(LABELS, label) ? LABELS[label] : undefined;
  if (!encoding || encoding.startsWith('utf-16')) {
    throw new ImportError(`unsupported character encoding ${JSON.stringify(decl[1])} in the XML declaration`, {
      file,
      line: 1,
      column: decl.index + 1,
      offset: 0,
    });
  }
  return { encoding, bomBytes: 0 };
}

/** How many bytes `s` takes in `encoding` (exact for valid input; replacement characters count as three bytes in UTF-8). */
export function byteLengthIn(s: string, encoding: XmlEncoding): number {
  if (encoding === 'utf-8') return Buffer.byteLength(s, 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return s.length * 2;
  return s.length;
}

/** Maps character positions in decoded text, fed to a parser in pieces, back to byte offsets in the file. */
export class BytePositions {
  private piece = '';
  private pieceChar = 0;
  private prev = { text: '', char: 0, byte: 0 }; // the piece before, for a tag that began in it
  private cursor = { char: 0, byte: 0 }; // a known char/byte pair in the current piece: offsets are counted from it

  constructor(
    private readonly encoding: XmlEncoding,
    private pieceByte: number,
  ) {}

  /** Records the next piece of text given to the parser. */
  next(piece: string): void {
    this.prev = { text: this.piece, char: this.pieceChar, byte: this.pieceByte };
    this.pieceByte += byteLengthIn(this.piece, this.encoding);
    this.pieceChar += this.piece.length;
    this.piece = piece;
  }

  /** The byte offset of a character position in the current or the previous piece; cheap for increasing positions. */
  byteAt(pos: number): number {
    const { prev, encoding } = this;
    if (pos < this.pieceChar) return pos < prev.char ? prev.byte : prev.byte + byteLengthIn(prev.text.slice(0, pos - prev.char), encoding);
    if (pos < this.cursor.char || this.cursor.char < this.pieceChar) this.cursor = { char: this.pieceChar, byte: this.pieceByte };
    const bytes = byteLengthIn(this.piece.slice(this.cursor.char - this.pieceChar, pos - this.pieceChar), encoding);
    this.cursor = { char: pos, byte: this.cursor.byte + bytes };
    return this.cursor.byte;
  }
}
