// Byte-level RFC 4180 tokenizer: splits CSV bytes into records of fields with their line and byte offset, within size bounds.
import { ImportError, IMPORT_LIMITS } from './types.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const START = 0; // at the start of a field
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote seen inside a quoted field: an escape or the closing quote

/** One record as read: its fields, the 1-based line of its first byte and its byte offset. */
export interface RawCsvRecord {
  line: number;
  offset: number;
  fields: string[];
}

export interface CsvTokenizerOptions {
  file: string;
  delimiter: number;
  encoding: BufferEncoding;
  maxCellChars?: number;
  maxRecordBytes?: number;
}

export class CsvTokenizer {
  private state = START;
  private pieces: Buffer[] = [];
  private fields: string[] = [];
  private line = 1;
  private prevCR = false;
  private base = 0;
  private recStarted = false;
  private recQuoted = false;
  private recLine = 1;
  private recOffset = 0;
  private fieldOffset = 0;
  private quoteLine = 1;
  private quoteOffset = 0;
  private readonly maxCell: number;
  private readonly maxRecord: number;

  constructor(private readonly o: CsvTokenizerOptions) {
    this.maxCell = o.maxCellChars ?? IMPORT_LIMITS.maxTextLength;
    this.maxRecord = o.maxRecordBytes ?? IMPORT_LIMITS.maxLineBytes;
  }

  /** Bytes consumed so far. */
  get bytes(): number {
    return this.base;
  }

  /** Tokenizes one chunk; completed records are appended to `out`. */
  push(chunk: Uint8Array, out: RawCsvRecord[]): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const d = this.o.delimiter;
    const n = buf.length;
    let seg = this.state === UNQUOTED || this.state === QUOTED ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const b = buf[i]!;
      if (b === CR) this.line++;
      else if (b === LF && !this.prevCR) this.line++;
      this.prevCR = b === CR;
      const newline = b === CR || b === LF;
      switch (this.state) {
        case START:
          if (newline) {
            if (this.recStarted) {
              this.fields.push('');
              this.endRecord(out);
            }
            break;
          }
          if (!this.recStarted) {
            this.recStarted = true;
            this.recLine = this.line;
            this.recOffset = this.base + i;
          }
          this.fieldOffset = this.base + i;
          if (b === QUOTE) {
            this.state = QUOTED;
            this.recQuoted = true;
            this.quoteLine = this.line;
            this.quoteOffset = this.base + i;
            seg = i + 1;
          } else if (b === d) {
            this.fields.push('');
          } else {
            this.state = UNQUOTED;
            seg = i;
          }
          break;
        case UNQUOTED:
          if (b === d || newline) {
            this.piece(buf, seg, i);
            seg = -1;
            this.endField();
            this.state = START;
            if (newline) this.endRecord(out);
          }
          break;
        case QUOTED:
          if (b === QUOTE) {
            this.piece(buf, seg, i);
            seg = -1;
            this.state = QUOTE_IN_QUOTED;
          }
          break;
        default: // QUOTE_IN_QUOTED
          if (b === QUOTE) {
            this.state = QUOTED; // a doubled quote: keep one
            seg = i;
          } else if (b === d || newline) {
            this.endField();
            this.state = START;
            if (newline) this.endRecord(out);
          } else {
            this.state = UNQUOTED; // text after a closing quote is kept as it is
            seg = i;
          }
      }
    }
    if (seg >= 0 && seg < n) this.piece(buf, seg, n);
    this.base += n;
    if (this.recStarted && this.base - this.recOffset > this.maxRecord) {
      throw new ImportError(`record longer than ${this.maxRecord} bytes`, { file: this.o.file, line: this.recLine, offset: this.recOffset });
    }
  }

  /** Ends the input: the last record without a final newline, or an error for an unterminated quote. */
  end(out: RawCsvRecord[]): void {
    if (this.state === QUOTED) {
      throw new ImportError(`unterminated quoted value: the file ends inside the quote opened at line ${this.quoteLine}`, {
        file: this.o.file,
        line: this.quoteLine,
        offset: this.quoteOffset,
      });
    }
    if (this.state !== START || this.recStarted) {
      if (this.state === START) this.fields.push('');
      else this.endField();
      this.state = START;
      this.endRecord(out);
    }
  }

  private piece(buf: Buffer, from: number, to: number): void {
    if (to > from) this.pieces.push(buf.subarray(from, to));
  }

  private endField(): void {
    const p = this.pieces;
    const value = p.length === 0 ? '' : p.length === 1 ? p[0]!.toString(this.o.encoding) : Buffer.concat(p).toString(this.o.encoding);
    this.pieces = [];
    if (value.length > this.maxCell) {
      throw new ImportError(`value longer than ${this.maxCell} characters`, { file: this.o.file, line: this.recLine, offset: this.fieldOffset });
    }
    this.fields.push(value);
  }

  private endRecord(out: RawCsvRecord[]): void {
    const f = this.fields;
    const quoted = this.recQuoted;
    this.fields = [];
    this.recStarted = false;
    this.recQuoted = false;
    // DOS end-of-file marker (0x1A) alone on its line, as OFAC files end with it
    if (f.length === 1 && f[0] === '\x1a' && !quoted) return;
    out.push({ line: this.recLine, offset: this.recOffset, fields: f });
  }
}
