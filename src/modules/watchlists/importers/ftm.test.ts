// Tests of the FtM JSON-lines importer: the fixture, positions of bad lines, limits, progress; fuzzed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ftmImporter } from './ftm.js';
import { readJsonLines } from './json-lines.js';
import { ImportError, type ImportedEntity, type ImportProgress } from './types.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/ftm/entities.ftm.jsonl', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vigil-ftm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Uint8Array) => {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, content);
  return path;
};

async function importAll(paths: string[], onProgress?: (p: ImportProgress) => void): Promise<ImportedEntity[]> {
  const out: ImportedEntity[] = [];
  for await (const e of ftmImporter.read({ paths, listName: 'test' }, onProgress ? { onProgress } : {})) out.push(e);
  return out;
}

async function failure(paths: string[]): Promise<ImportError> {
  try {
    await importAll(paths);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the import did not fail');
}

const person = { id: 'p1', schema: 'Person', properties: { name: ['Testperson Quuxley'] } };
const line = (v: unknown) => JSON.stringify(v) + '\n';

describe('ftmImporter', () => {
  it('imports the fixture: listed person and company, owned auxiliaries, ids as given', async () => {
    const progress: ImportProgress[] = [];
    const entities = await importAll([FIXTURE], (p) => progress.push(p));
    expect(entities.map((e) => [e.id, e.schema, e.listed, e.ownerId ?? null])).toEqual([
      ['fx-person-quuxley', 'Person', true, null],
      ['fx-company-quuxcorp', 'Company', true, null],
      ['fx-sanction-quuxley', 'Sanction', false, 'fx-person-quuxley'],
      ['fx-sanction-quuxcorp', 'Sanction', false, 'fx-company-quuxcorp'],
      ['fx-address-testville', 'Address', false, null],
      ['fx-passport-quuxley', 'Passport', false, 'fx-person-quuxley'],
      ['fx-ownership-quuxley-quuxcorp', 'Ownership', false, 'fx-person-quuxley'],
    ]);
    expect(entities[0]!.sourceId).toBe('fx-person-quuxley');
    expect(entities[0]!.properties.alias).toEqual(['Тестперсон Квуксли', 'T. Quuxley']);
    const size = readFileSync(FIXTURE).length;
    expect(progress.at(-1)).toEqual({ bytes: size, totalBytes: size, records: 7 });
  });

  it('reads several files in order, CRLF, a BOM and blank lines', async () => {
    const a = file('\ufeff' + JSON.stringify(person) + '\r\n\r\n   \n');
    const b = file(JSON.stringify({ ...person, id: 'p2' })); // no final newline
    expect((await importAll([a, b])).map((e) => e.id)).toEqual(['p1', 'p2']);
  });

  it('lists a matchable Thing only when it is a target, where the line says', async () => {
    const path = file(
      line({ ...person, target: false }) +
        line({ ...person, id: 'p2', target: true }) +
        line({ id: 'pos', schema: 'Position', properties: { name: ['Minister of Tests'] } }),
    );
    expect((await importAll([path])).map((e) => e.listed)).toEqual([false, true, false]);
  });

  it('normalises values and keeps long notes in pieces', async () => {
    const notes = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const path = file(
      line({ id: 'p1', schema: 'Person', properties: { name: [' A ', 'A'], birthDate: ['29 APR 1965'], nationality: ['Germany'], notes: [notes] } }),
    );
    const [e] = await importAll([path]);
    const { notes: pieces, ...rest } = e!.properties;
    expect(rest).toEqual({ name: ['A'], birthDate: ['1965-04-29'], nationality: ['de'] });
    expect(pieces!.map((p) => p.length)).toEqual([4096, 4096, 808]);
    expect(pieces!.join('')).toBe(notes);
  });

  it('names the line and byte offset of bad JSON', async () => {
    const first = line(person);
    const e = await failure([file(first + '{"id": "p2", "schema": \n')]);
    expect(e.where).toMatchObject({ line: 2, offset: Buffer.byteLength(first) });
    expect(e.message).toMatch(/^invalid JSON/);
    expect(e.describe()).toContain(`:2`);
  });

  it('names the line of an invalid entity, and what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [[1, 2], /one JSON object/],
      [{ schema: 'Person' }, /no "id"/],
      [{ id: 'x', schema: 'Nope' }, /unknown schema "Nope"/],
      [{ id: 'x', schema: 'Thing' }, /abstract/],
      [{ id: 'x', schema: 'Person', properties: { imoNumber: ['1'] } }, /property imoNumber: Person has no property imoNumber/],
      [{ id: 'x', schema: 'Person', properties: { birthDate: ['someday'] } }, /property birthDate: "someday" is not an ISO 8601 date/],
      [{ id: 'x', schema: 'Person', properties: { name: [3] } }, /not a string/],
      [{ id: 'x', schema: 'Person', properties: [] }, /"properties" must be an object/],
      [{ id: 'x', schema: 'Person', target: 'yes' }, /"target"/],
      [{ id: 'x'.repeat(201), schema: 'Person' }, /longer than 200/],
      [{ id: 'x', schema: 'Person', properties: { alias: Array.from({ length: 1001 }, (_, i) => `a${i}`) } }, /over 1000/],
    ];
    for (const [value, message] of cases) {
      const e = await failure([file(line(person) + line(value))]);
      expect(e.message, JSON.stringify(value).slice(0, 80)).toMatch(message);
      expect(e.where.line).toBe(2);
      expect(e.where.offset).toBe(Buffer.byteLength(line(person)));
    }
  });

  it('joins lines that span read chunks and keeps byte offsets exact after them', async () => {
    let seed = 7;
    const notes = Array.from({ length: 150_000 }, () => String.fromCharCode(0x430 + ((seed = (seed * 48271) % 2147483647) % 32))).join(''); // 2 bytes each
    const long = line({ id: 'p2', schema: 'Person', properties: { name: ['Ünïcödé Quuxley'], notes: [notes] } });
    const e = await failure([file(line(person) + long + '{"id": 3}\n')]);
    expect(e.where).toMatchObject({ line: 3, offset: Buffer.byteLength(line(person) + long) });
    const ok = await importAll([file(line(person) + long)]);
    expect(ok[1]!.properties.notes!.join('')).toBe(notes);
  });

  it('refuses invalid UTF-8 and over-long lines with their position', async () => {
    const bad = await failure([file(Buffer.concat([Buffer.from(line(person)), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]))]);
    expect(bad.message).toMatch(/UTF-8/);
    expect(bad.where.line).toBe(2);
    const long = file(line(person) + '"' + 'x'.repeat(3000));
    const gen = readJsonLines([long], {}, { maxLineBytes: 1000 });
    await expect(async () => {
      for await (const _ of gen);
    }).rejects.toMatchObject({ name: 'ImportError', where: { line: 2, offset: Buffer.byteLength(line(person)) } });
  });

  it('refuses a missing file and an empty file list', async () => {
    expect((await failure([join(dir, 'absent.json')])).message).toMatch(/cannot read the file \(ENOENT\)/);
    expect((await failure([])).message).toMatch(/no file/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = async () => {
      for await (const _ of ftmImporter.read({ paths: [FIXTURE], listName: 't' }, { signal: controller.signal }));
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('throws only ImportError on random bytes and mutated lines (fuzzed)', async () => {
    const valid = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 })).map(([l, at, del, ins]) => {
      const i = at % (l.length + 1);
      return l.slice(0, i) + ins + l.slice(i + del);
    });
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.array(mutated, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n')),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }).map((vs) => vs.map((v) => JSON.stringify(v)).join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        try {
          await importAll([file(c)]);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.where.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
