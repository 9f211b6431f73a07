// Tests of the streaming CSV reader: RFC 4180 quoting, line numbers, BOM, Ctrl-Z, bounds, errors with positions, and fuzzing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, readCsvFrom, type CsvOptions, type CsvRow } from './csv-reader.js';
import { CsvTokenizer, type RawCsvRecord } from './csv-tokenizer.js';
import { tempDir } from './fuzz-support.js';
import { ImportError } from './types.js';

const tmp = tempDir();
afterAll(tmp.remove);

async function rows(input: string | Buffer, opts: CsvOptions = {}, chunk = 1 << 16): Promise<CsvRow<any>[]> {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  async function* chunks(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const out: CsvRow<any>[] = [];
  for await (const r of readCsvFrom({ file: 'test.csv', chunks: chunks() }, opts)) out.push(r);
  return out;
}

async function failure(input: string, opts: CsvOptions = {}): Promise<ImportError> {
  const error = await rows(input, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, with the line of each record', async () => {
    const out = await rows('a,b,c\r\n"x,1","say ""hi""","two\r\nlines"\r\nlast,,\n');
    expect(out.map((r) => r.values)).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'say "hi"', 'two\r\nlines'],
      ['last', '', ''],
    ]);
    expect(out.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(out[1]!.offset).toBe(7);
  });

  it('gives the same records whatever the chunk size', async () => {
    const text = 'h1,h2\n"a\n""b""",c\r\n"é, ü",😀\n';
    const whole = await rows(text);
    for (const size of [1, 2, 3, 5]) expect(await rows(text, {}, size)).toEqual(whole);
  });

  it('skips a BOM, blank lines and the DOS end-of-file byte OFAC files end with', async () => {
    const out = await rows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1,"A"\r\n\r\n2,"B"\r\n\x1a')]));
    expect(out.map((r) => r.values)).toEqual([
      ['1', 'A'],
      ['2', 'B'],
    ]);
    expect(out[1]!.line).toBe(3);
  });

  it('maps rows to the header, filling short rows', async () => {
    const out = await rows('id,name\n1,Testperson Quuxley\n2\n', { header: true });
    expect(out.map((r) => r.values)).toEqual([
      { id: '1', name: 'Testperson Quuxley' },
      { id: '2', name: '' },
    ]);
    expect(out[0]!.line).toBe(2);
    const named = await rows('1;x\n', { header: ['id', 'name'], delimiter: ';' });
    expect(named[0]!.values).toEqual({ id: '1', name: 'x' });
    expect((await rows('__proto__\nx\n', { header: true }))[0]!.values).toHaveProperty('__proto__', 'x');
  });

  it('refuses duplicate header names and values in unnamed columns, naming the line and column', async () => {
    expect((await failure('a,a\n1,2\n', { header: true })).where).toMatchObject({ line: 1, column: 2 });
    const extra = await failure('a,b\n1,2,3\n', { header: true });
    expect(extra.where).toMatchObject({ file: 'test.csv', line: 2, column: 3 });
    expect(await rows('a,b,\n1,2,\n', { header: true })).toHaveLength(1);
  });

  it('reads latin1 files', async () => {
    const out = await rows(Buffer.from([0x41, 0x2c, 0xe9, 0x0a]), { encoding: 'latin1' });
    expect(out[0]!.values).toEqual(['A', 'é']);
  });

  it('reports an unterminated quote at the end of the file with its line and byte offset', async () => {
    const e = await failure('a,b\n1,"never closed\nmore\n');
    expect(e.where).toEqual({ file: 'test.csv', line: 2, offset: 6 });
    expect(e.describe()).toMatch(/^test\.csv:2: unterminated quoted value.*byte 6/);
  });

  it('refuses a bad delimiter', async () => {
    await failure('a', { delimiter: '"' });
    await failure('a', { delimiter: ';;' });
  });

  it('bounds cells and records', () => {
    const tok = new CsvTokenizer({ file: 'f', delimiter: 44, encoding: 'utf8', maxCellChars: 5, maxRecordBytes: 20 });
    const out: RawCsvRecord[] = [];
    expect(() => tok.push(Buffer.from('ok,123456\n'), out)).toThrow(/value longer than 5 characters/);
    const tok2 = new CsvTokenizer({ file: 'f', delimiter: 44, encoding: 'utf8', maxRecordBytes: 20 });
    expect(() => tok2.push(Buffer.from('"' + 'x'.repeat(30)), out)).toThrow(ImportError);
  });

  it('reads files from disk, with progress, and names a missing file', async () => {
    const path = join(tmp.dir, 'a.csv');
    writeFileSync(path, 'x,y\n1,2\n');
    const seen: number[] = [];
    const out: unknown[] = [];
    for await (const r of readCsv(path, { header: true, onProgress: (p) => seen.push(p.bytes) })) out.push(r.values);
    expect(out).toEqual([{ x: '1', y: '2' }]);
    expect(seen.at(-1)).toBe(8);
    const missing = readCsv(join(tmp.dir, 'nope.csv'))[Symbol.asyncIterator]().next();
    await expect(missing).rejects.toThrow(/cannot read the file \(ENOENT\)/);
  });
});

/** RFC 4180 text of the rows, every field quoted when it needs to be. */
function toCsv(table: string[][], eol: string): string {
  return table.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f.includes('\x1a') || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + eol).join('');
}

describe('readCsv fuzzing', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\r', ' ', '\x1a'), maxLength: 8 });
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });

  it('reads back what was written, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 7 }), async (t, eol, chunk) => {
        const out = await rows(toCsv(t, eol), {}, chunk);
        expect(out.map((r) => r.values)).toEqual(t);
      }),
      { numRuns: 150 },
    );
  });

  it('on random bytes yields rows or an ImportError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), fc.integer({ min: 1, max: 50 }), async (bytes, header, chunk) => {
        const e = await rows(Buffer.from(bytes), { header }, chunk).then(
          () => undefined,
          (err: unknown) => err,
        );
        if (e !== undefined) expect(e).toBeInstanceOf(ImportError);
      }),
      { numRuns: 200 },
    );
  });
});
