// Tests of the CSV importer with FtM mappings: the national fixture, ids, mapping features, row errors; fuzzed.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvImporter, mapRow } from './csv.js';
import { parseMapping } from './mapping.js';
import { ImportError, type ImportedEntity, type ImportProgress } from './types.js';

const NATIONAL = fileURLToPath(new URL('../fixtures/national/', import.meta.url));
const CSV = join(NATIONAL, 'national.csv');
const YML = join(NATIONAL, 'national.yml');
const dir = mkdtempSync(join(tmpdir(), 'vigil-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Uint8Array, ext = 'csv') => {
  const path = join(dir, `c${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};

async function importAll(paths: string[], mapping: string | undefined, onProgress?: (p: ImportProgress) => void): Promise<ImportedEntity[]> {
  const out: ImportedEntity[] = [];
  const source = { paths, listName: 'natl', ...(mapping ? { mapping } : {}) };
  for await (const e of csvImporter.read(source, onProgress ? { onProgress } : {})) out.push(e);
  return out;
}

async function failure(paths: string[], mapping: string | undefined): Promise<ImportError> {
  try {
    await importAll(paths, mapping);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the import did not fail');
}

const sha1 = (...parts: string[]) => createHash('sha1').update(parts.join('')).digest('hex');

describe('csvImporter', () => {
  it('imports the invented national list', async () => {
    const progress: ImportProgress[] = [];
    const entities = await importAll([CSV], YML, (p) => progress.push(p));
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    expect([count('Person'), count('Company'), count('Passport'), count('Sanction')]).toEqual([4, 2, 3, 6]);
    expect(entities.filter((e) => e.listed).map((e) => e.schema)).toEqual(['Person', 'Person', 'Person', 'Person', 'Company', 'Company']);
    const quuxley = entities.find((e) => e.sourceId === 'NL-0001' && e.schema === 'Person')!;
    expect(quuxley.id).toBe(`natl-${sha1('national-person', 'NL-0001')}`);
    expect(quuxley.properties).toMatchObject({
      name: ['Testperson Quuxley'],
      alias: ['Тестперсон Квуксли', 'T. Quuxley', 'Quux the Tester'],
      birthDate: ['1971-03-14'],
      nationality: ['ru'],
      gender: ['male'],
      address: ['1 Example Street, 00000 Testville'],
    });
    const byName = (name: string) => entities.find((e) => e.properties.name?.[0] === name)!;
    expect(byName('Fakira Al-Testawi').properties).toMatchObject({ alias: ['فقيرة التستاوي', 'Fakira Testawi'], birthDate: ['1980'], nationality: ['sy'] });
    expect(byName('Examplo Placeholdersen').properties).toMatchObject({ birthDate: ['1965-04'], nationality: ['de'] });
    expect(byName('Mockina Dummyova-Sample').properties).toMatchObject({ birthDate: ['1958'], nationality: ['ir'] });
    expect(byName('Quuxcorp Testing Holdings Ltd').properties).toMatchObject({ jurisdiction: ['cy'], registrationNumber: ['HE-000000'] });
    const passport = entities.find((e) => e.schema === 'Passport' && e.properties.number?.[0] === 'X0000001')!;
    expect(passport).toMatchObject({
      id: `natl-${sha1('RUS', 'X0000001')}`,
      listed: false,
      ownerId: quuxley.id,
      properties: { holder: [quuxley.id], country: ['ru'], type: ['passport'] },
    });
    const sanction = entities.find((e) => e.schema === 'Sanction' && e.sourceId === 'NL-0001')!;
    expect(sanction).toMatchObject({
      ownerId: quuxley.id,
      properties: { entity: [quuxley.id], summary: ['National list entry NL-0001'], listingDate: ['2023-01-10'] },
    });
    // the same file gives the same ids
    expect((await importAll([CSV], YML)).map((e) => e.id)).toEqual(entities.map((e) => e.id));
    const size = readFileSync(CSV).length;
    expect(progress.at(-1)).toEqual({ bytes: size, totalBytes: size, records: 7 });
  });

  it('applies id_column, filters_not, join, literals, template and required', () => {
    const m = parseMapping(
      `queries:
  - filters_not: {status: deleted}
    entities:
      org:
        schema: Organization
        id_column: ref
        properties:
          name: {columns: [first, second], join: " "}
          topics: {literals: [sanction, crime]}
          summary: {template: "{{ ref }}/{{missing}}"}
      owner:
        schema: Person
        keys: [owner]
        properties:
          name: {column: owner, required: true}
      link:
        schema: Ownership
        keys: [ref, owner]
        properties:
          owner: {entity: owner}
          asset: {entity: org}
`,
      'm.yml',
    );
    const q = m.queries[0]!;
    const row = (values: Record<string, string>, line = 2) => mapRow(q, 'l', { line, values }, { file: 'f.csv' });
    const [org, owner, link] = row({ ref: 'R1', first: 'Quux', second: 'Corp', status: '', owner: 'Testperson Q' });
    expect(org).toMatchObject({
      id: 'l-R1',
      sourceId: 'R1',
      listed: true,
      properties: { name: ['Quux Corp'], topics: ['sanction', 'crime'], summary: ['R1/'] },
    });
    expect(owner).toMatchObject({ schema: 'Person', listed: true });
    expect(link).toMatchObject({ schema: 'Ownership', listed: false, ownerId: owner!.id, properties: { owner: [owner!.id], asset: ['l-R1'] } });
    expect(row({ ref: 'R1', first: 'A', second: '', status: 'deleted', owner: '' })).toEqual([]);
    // no owner: the Person is not made, and the link keeps only what exists
    const [org2, link2] = row({ ref: 'R2', first: 'A', second: '', status: '', owner: '' });
    expect(org2!.id).toBe('l-R2');
    expect(link2).toMatchObject({ ownerId: 'l-R2', properties: { asset: ['l-R2'] } });
    expect(link2!.properties.owner).toBeUndefined();
    expect(() => row({ ref: 'R'.repeat(300), first: 'A', second: '', status: '', owner: '' }, 9)).toThrow(/longer than 200/);
  });

  it('names the CSV line and column of a value that does not fit', async () => {
    const header = readFileSync(CSV, 'utf8').split('\n')[0]!;
    const ok = 'NL-1,person,A B,,,,,1970,,de,M,,,,,,P,2020-01-01,';
    for (const [bad, message] of [
      ['NL-2,person,A B,,,,,31.02.1970,,de,M,,,,,,P,2020-01-01,', /property birthDate \(column birth_date\): "31.02.1970" is not a date \(formats/],
      ['NL-2,person,A B,,,,,1970,,Atlantis,M,,,,,,P,2020-01-01,', /property nationality \(column nationality\): "Atlantis" is not a country/],
      ['NL-2,person,A B,,,,,1970,,de,Q,,,,,,P,2020-01-01,', /"Q" is not a gender/],
    ] as const) {
      const e = await failure([file(`${header}\n${ok}\n${bad}\n`)], YML);
      expect(e.message).toMatch(message);
      expect(e.where).toMatchObject({ line: 3, offset: Buffer.byteLength(`${header}\n${ok}\n`) });
    }
  });

  it('names the mapping line of a column the CSV lacks', async () => {
    const e = await failure([file('list_id,entry_type\nNL-1,person\n')], YML);
    expect(e.message).toMatch(/column "full_name" is not in the header/);
    const line =
      readFileSync(YML, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('column: full_name')) + 1;
    expect(e.where).toMatchObject({ file: YML, line });
  });

  it('needs a mapping and as many files as queries, or one', async () => {
    expect((await failure([CSV], undefined)).message).toMatch(/needs a mapping/);
    expect((await failure([CSV, CSV, CSV], YML)).message).toMatch(/3 CSV files given for 2 mapping queries/);
    const entities = await importAll([CSV, CSV], YML);
    expect(entities.filter((e) => e.listed)).toHaveLength(6);
  });

  it('throws only ImportError on random CSV bytes and mutated rows (fuzzed)', async () => {
    const text = readFileSync(CSV, 'utf8');
    const mutated = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 10 })).map(([at, del, ins]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + ins + text.slice(i + del);
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated), async (c) => {
        try {
          await importAll([file(c)], YML);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
      }),
      { numRuns: 200 },
    );
  });
});
