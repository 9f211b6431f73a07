// Tests of FtM mapping parsing: the fixture, both query forms, errors with their YAML line, hostile YAML; fuzzed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDateFormat } from './mapping-dates.js';
import { loadMapping, parseMapping } from './mapping.js';
import { ImportError } from './types.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/national/national.yml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vigil-mapping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(text: string): ImportError {
  try {
    parseMapping(text, 'm.yml');
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the mapping was accepted');
}

const person = (props: string, extra = '') => `ds:
  query:
    entities:
      person:
        schema: Person
        keys: [id]${extra}
        properties:
${props}`;

describe('parseMapping', () => {
  it('reads the national fixture', async () => {
    const m = await loadMapping(FIXTURE);
    expect(m.queries).toHaveLength(2);
    const [people, companies] = m.queries;
    expect(people!.filters).toEqual([['entry_type', ['person']]]);
    expect(people!.entities.map((e) => [e.name, e.schema.name, e.listed])).toEqual([
      ['person', 'Person', true],
      ['passport', 'Passport', false],
      ['sanction', 'Sanction', false],
    ]);
    const person = people!.entities[0]!;
    expect(person.keyLiteral).toBe('national-person');
    expect(person.keys).toEqual(['list_id']);
    const alias = person.properties.find((p) => p.property === 'alias')!;
    expect(alias).toMatchObject({ columns: ['name_original', 'aliases'], split: ';', type: 'name' });
    expect(person.properties.find((p) => p.property === 'birthDate')!.formats.map((f) => f.source)).toEqual(['%d.%m.%Y', '%m.%Y', '%Y']);
    expect(people!.entities[1]!.properties.find((p) => p.property === 'holder')).toMatchObject({ entity: 'person', type: 'entity' });
    expect(people!.entities[2]!.properties.find((p) => p.property === 'summary')!.template).toBe('National list entry {{list_id}}');
    expect(people!.columns.get('full_name')).toBe(
      readFileSync(FIXTURE, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('column: full_name')) + 1,
    );
    expect(companies!.entities.map((e) => e.name)).toEqual(['company', 'sanction']);
  });

  it('takes a single query, a query list without a dataset key, and several datasets', () => {
    const one = parseMapping(person('          name: {column: n}'), 'm.yml');
    expect(one.queries).toHaveLength(1);
    const bare = parseMapping('queries:\n  - entities:\n      a: {schema: Vessel, id_column: imo, properties: {name: {column: n}}}\n', 'm.yml');
    expect(bare.queries[0]!.entities[0]).toMatchObject({ idColumn: 'imo', listed: true });
    const two = parseMapping('a:\n  query: {entities: {x: {schema: Person, keys: k}}}\nb:\n  query: {entities: {y: {schema: Address, keys: [k]}}}\n', 'm.yml');
    expect(two.queries.map((q) => q.entities[0]!.listed)).toEqual([true, false]);
  });

  it('names the YAML line of mistakes', () => {
    const cases: [string, RegExp, number][] = [
      [person('          name: {column: n}').replace('schema: Person', 'schema: Persn'), /unknown schema Persn/, 5],
      [person('          name: {column: n}').replace('schema: Person', 'schema: Thing'), /abstract/, 5],
      [person('          nmae: {column: n}'), /Person has no property nmae/, 8],
      [person('          name: {colum: n}'), /unknown key colum/, 8],
      [person('          name: {column: n}\n          addressEntity: {column: a}'), /reference another entity/, 9],
      [person('          name: {column: n}\n          addressEntity: {entity: home}'), /no entity named home/, 9],
      [person('          name: {entity: person}'), /only entity properties/, 8],
      [person('          name: {}'), /needs column/, 8],
      [person('          birthDate: {column: d, format: "%d %Q"}'), /unsupported directive %Q/, 8],
      [person('          name: {column: n}').replace('keys: [id]', 'label: x'), /needs `keys:`/, 4],
      [person('          name: {column: n}', '\n        kyes: [x]'), /unknown key kyes/, 7],
      ['ds:\n  query:\n    database: postgres://x\n    entities: {a: {schema: Person, keys: k}}\n', /SQL queries/, 3],
      ['ds:\n  query:\n    entities: {}\n', /needs `entities:`/, 2],
      ['ds:\n  other: 1\n', /needs `queries:`/, 1],
      ['- a\n- b\n', /must be a YAML map/, 1],
      ['ds:\n  query:\n    entities:\n      a: [1\n', /invalid YAML/, 5],
      ['ds: 1\nds: 2\n', /invalid YAML: Map keys must be unique/, 2],
      ['ds: !!js/function "x"\n', /invalid YAML/, 1],
      ['ds: !custom x\n', /invalid YAML: Unresolved tag/, 1],
      ['a: 1\n---\nb: 2\n', /invalid YAML/, 2],
    ];
    for (const [text, message, line] of cases) {
      const e = failure(text);
      expect(e.message, text).toMatch(message);
      expect(e.where, text).toMatchObject({ file: 'm.yml', line });
    }
  });

  it('refuses a billion-laughs document and an oversized one', () => {
    const lol = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(failure(lol).message).toMatch(/cannot be read: Excessive alias count/);
    expect(failure('#'.repeat((1 << 20) + 1)).message).toMatch(/larger than/);
  });

  it('refuses a mapping file that is missing, too big or not UTF-8', async () => {
    await expect(loadMapping(join(dir, 'absent.yml'))).rejects.toMatchObject({ message: expect.stringMatching(/ENOENT/) });
    const big = join(dir, 'big.yml');
    writeFileSync(big, '#'.repeat((1 << 20) + 10));
    await expect(loadMapping(big)).rejects.toMatchObject({ message: expect.stringMatching(/larger than/) });
    const latin = join(dir, 'latin.yml');
    writeFileSync(latin, Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    await expect(loadMapping(latin)).rejects.toMatchObject({ message: expect.stringMatching(/UTF-8/) });
  });

  it('throws only ImportError on random and mutated mappings (fuzzed)', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const mutated = fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.string({ maxLength: 10 })).map(([at, del, ins]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + ins + text.slice(i + del);
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated), (t) => {
        try {
          parseMapping(t, 'm.yml');
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('compileDateFormat', () => {
  it('reads dates with the precision the format has', () => {
    expect(compileDateFormat('%d.%m.%Y').parse('14.03.1971')).toBe('1971-03-14');
    expect(compileDateFormat('%m/%Y').parse('3/1971')).toBe('1971-03');
    expect(compileDateFormat('%Y').parse(' 1971 ')).toBe('1971');
    expect(compileDateFormat('%d %b %Y').parse('14 Mar 1971')).toBe('1971-03-14');
    expect(compileDateFormat('%B %d, %Y').parse('march 14, 1971')).toBe('1971-03-14');
    expect(compileDateFormat('%d/%m/%y').parse('14/03/71')).toBe('1971-03-14');
    expect(compileDateFormat('%d/%m/%y').parse('14/03/05')).toBe('2005-03-14');
    expect(compileDateFormat('%Y-%m-%dT%H:%M:%S').parse('1971-03-14T10:00:00')).toBe('1971-03-14');
    expect(compileDateFormat('100%% %Y').parse('100% 1971')).toBe('1971');
  });

  it('refuses values that do not fit or are no real date, and formats without a year', () => {
    expect(compileDateFormat('%d.%m.%Y').parse('1971-03-14')).toBeNull();
    expect(compileDateFormat('%d.%m.%Y').parse('31.02.1971')).toBeNull();
    expect(compileDateFormat('%d %b %Y').parse('14 Foo 1971')).toBeNull();
    expect(() => compileDateFormat('%d.%m')).toThrow(/no year/);
    expect(() => compileDateFormat('%Y %')).toThrow(/unsupported directive/);
  });
});
