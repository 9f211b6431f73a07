// Tests of the Senzing importer: the real OpenSanctions export, every mapped feature, bad lines; fuzzed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { senzingId, senzingImporter } from './senzing.js';
import { sharedFile } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-senzing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Uint8Array) => {
  const path = join(dir, `s${n++}.json`);
  writeFileSync(path, content);
  return path;
};
const lines = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function importAll(paths: string[], listName = 'natl'): Promise<ImportedEntity[]> {
  const out: ImportedEntity[] = [];
  for await (const e of senzingImporter.read({ paths, listName }, {})) out.push(e);
  return out;
}

describe('senzingImporter', () => {
  const real = sharedFile('opensanctions/us_congress_senzing.json');
  it.skipIf(!real)('imports the OpenSanctions us_congress export: 1,319 records, 1,317 listed persons', async () => {
    const entities = await importAll([real!], 'us-congress');
    const count = (schema: string, listed: boolean) => entities.filter((e) => e.schema === schema && e.listed === listed).length;
    expect(count('Person', true)).toBe(1317);
    expect(count('Position', false)).toBe(2);
    expect(entities.filter((e) => e.listed).length).toBe(1317);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    // OpenSanctions ids are kept; occupancies point at the positions' records
    const positions = new Set(entities.filter((e) => e.schema === 'Position').map((e) => e.id));
    expect(positions).toEqual(new Set(['Q13218630', 'Q4416090']));
    const occupancies = entities.filter((e) => e.schema === 'Occupancy');
    expect(occupancies.length).toBeGreaterThan(1317);
    for (const o of occupancies) expect(positions.has(o.properties.post![0]!)).toBe(true);
    const franklin = entities.find((e) => e.id === 'Q101198561')!;
    expect(franklin.properties).toMatchObject({
      name: ['Scott Franklin'],
      alias: ['C. Scott Franklin'],
      birthDate: ['1964'],
      nationality: ['us'],
      topics: ['role.pep'],
      wikidataId: ['Q101198561'],
    });
    const lines = readFileSync(real!, 'utf8').trim().split('\n').length;
    expect(lines).toBe(1319);
  });

  it('maps names, dates, countries, gender, addresses and documents of a person', async () => {
    const record = {
      DATA_SOURCE: 'NATIONAL_TEST',
      RECORD_ID: '42',
      RECORD_TYPE: 'PERSON',
      NAMES: [
        { NAME_TYPE: 'ALIAS', NAME_FULL: 'T. Quuxley' },
        { NAME_TYPE: 'PRIMARY', NAME_FIRST: 'Testperson', NAME_MIDDLE: 'Q.', NAME_LAST: 'Quuxley' },
        { NAME_TYPE: 'NATIVE', NAME_FULL: 'Тестперсон Квуксли' },
        { NAME_TYPE: 'FORMER', NAME_FULL: 'Testperson Oldname' },
      ],
      DATES: [{ DATE_OF_BIRTH: '29 APR 1965' }, { DATE_OF_BIRTH: 'sometime' }],
      GENDER: 'M',
      COUNTRIES: [{ NATIONALITY: 'Germany' }, { CITIZENSHIP: 'XK' }, { PLACE_OF_BIRTH: 'Testville' }],
      ADDRESSES: [{ ADDR_TYPE: 'HOME', ADDR_LINE1: '1 Example Street', ADDR_CITY: 'Testville', ADDR_POSTAL_CODE: '00000', ADDR_COUNTRY: 'DEU' }],
      IDENTIFIERS: [
        { PASSPORT_NUMBER: 'X0000001', PASSPORT_COUNTRY: 'D' },
        { NATIONAL_ID_NUMBER: 'ID-000-42', NATIONAL_ID_COUNTRY: 'de' },
        { OTHER_ID_TYPE: 'REGISTRY', OTHER_ID_NUMBER: 'R-9' },
      ],
      RELATIONSHIPS: [{ REL_POINTER_DOMAIN: 'NATL', REL_POINTER_KEY: '43', REL_POINTER_ROLE: 'Associate' }],
      PHONE_NUMBER: '+00 000 0000',
    };
    const [person, ...aux] = await importAll([file(lines(record))]);
    expect(person).toMatchObject({ id: 'natl-42', schema: 'Person', listed: true, sourceId: '42' });
    expect(person!.properties).toMatchObject({
      name: ['Testperson Q. Quuxley'],
      firstName: ['Testperson'],
      middleName: ['Q.'],
      lastName: ['Quuxley'],
      alias: ['T. Quuxley', 'Тестперсон Квуксли'],
      previousName: ['Testperson Oldname'],
      birthDate: ['1965-04-29'],
      nationality: ['de'],
      citizenship: ['xk'],
      birthPlace: ['Testville'],
      gender: ['male'],
      passportNumber: ['X0000001'],
      idNumber: ['ID-000-42', 'R-9'],
      phone: ['+00 000 0000'],
      country: ['de'],
    });
    expect(person!.properties.notes).toEqual(['date of birth: sometime']);
    const bySchema = (s: string) => aux.filter((e) => e.schema === s);
    expect(bySchema('Passport')[0]).toMatchObject({
      listed: false,
      ownerId: 'natl-42',
      properties: { holder: ['natl-42'], number: ['X0000001'], country: ['de'] },
    });
    expect(bySchema('Identification')[0]!.properties).toMatchObject({ holder: ['natl-42'], number: ['ID-000-42'] });
    const address = bySchema('Address')[0]!;
    expect(address).toMatchObject({ listed: false, ownerId: 'natl-42', properties: { street: ['1 Example Street'], city: ['Testville'], country: ['de'] } });
    expect(person!.properties.addressEntity).toEqual([address.id]);
    expect(bySchema('UnknownLink')[0]).toMatchObject({ ownerId: 'natl-42', properties: { subject: ['natl-42'], object: ['natl-43'], role: ['Associate'] } });
  });

  it('chooses the schema by RECORD_TYPE, else by the features present', async () => {
    const entities = await importAll([
      file(
        lines(
          { RECORD_ID: 'o', RECORD_TYPE: 'ORGANIZATION', NAME_ORG: 'Quuxcorp Testing Ltd', REGISTRATION_DATE: '2009-11-02', REGISTRATION_COUNTRY: 'CY' },
          { RECORD_ID: 'v', RECORD_TYPE: 'VESSEL', NAME_FULL: 'MV Testboat' },
          { RECORD_ID: 'x', RECORD_TYPE: 'SOMETHING', NAME_FULL: 'Unknown kind' },
          { RECORD_ID: 'p', NAME_FIRST: 'Testperson', NAME_LAST: 'Untyped' },
          { RECORD_ID: 'c', NAME_ORG: 'Untyped Org' },
          { RECORD_ID: 'a', NAME_FULL: 'Minister of Tests', RELATIONSHIPS: [{ REL_ANCHOR_DOMAIN: 'X', REL_ANCHOR_KEY: 'a' }] },
        ),
      ),
    ]);
    expect(entities.map((e) => [e.id, e.schema, e.listed])).toEqual([
      ['natl-o', 'Organization', true],
      ['natl-v', 'Vessel', true],
      ['natl-x', 'LegalEntity', true],
      ['natl-p', 'Person', true],
      ['natl-c', 'Organization', true],
      ['natl-a', 'Position', false],
    ]);
    expect(entities[0]!.properties).toMatchObject({ name: ['Quuxcorp Testing Ltd'], incorporationDate: ['2009-11-02'], jurisdiction: ['cy'] });
  });

  it('keeps OpenSanctions ids and prefixes others with the list name', () => {
    expect(senzingId('l', 'OS_US_CONGRESS', 'Q1')).toBe('Q1');
    expect(senzingId('l', 'WATCHLIST', 'Q1')).toBe('l-Q1');
    expect(senzingId('l', undefined, '7')).toBe('l-7');
  });

  it('names the line of a bad record', async () => {
    const good = lines({ RECORD_ID: '1', RECORD_TYPE: 'PERSON', NAME_FULL: 'A' });
    for (const [bad, message] of [
      ['{"RECORD_ID": ', /invalid JSON/],
      ['[1]', /one JSON object/],
      ['{"NAME_FULL": "No Id"}', /no RECORD_ID/],
      [JSON.stringify({ RECORD_ID: 'x'.repeat(300) }), /longer than/],
    ] as const) {
      const e = await importAll([file(good + bad + '\n')]).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).message).toMatch(message);
      expect((e as ImportError).where).toMatchObject({ line: 2, offset: Buffer.byteLength(good) });
    }
  });

  it('throws only ImportError on random bytes and mutated records (fuzzed)', async () => {
    const sample = lines({
      DATA_SOURCE: 'T',
      RECORD_ID: '1',
      RECORD_TYPE: 'PERSON',
      NAMES: [{ NAME_TYPE: 'PRIMARY', NAME_FULL: 'A B' }],
      DATES: [{ DATE_OF_BIRTH: '1970' }],
      IDENTIFIERS: [{ PASSPORT_NUMBER: 'P1' }],
      ADDR_FULL: 'x',
      RELATIONSHIPS: [{ REL_POINTER_KEY: '2', REL_POINTER_ROLE: 'Occupancy' }],
    }).trim();
    const mutated = fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.string({ maxLength: 8 })).map(([at, del, ins]) => {
      const i = at % (sample.length + 1);
      return sample.slice(0, i) + ins + sample.slice(i + del);
    });
    const attr = fc.constantFrom(
      'RECORD_ID',
      'RECORD_TYPE',
      'NAME_FULL',
      'NAME_TYPE',
      'DATE_OF_BIRTH',
      'NATIONALITY',
      'GENDER',
      'PASSPORT_NUMBER',
      'ADDR_LINE1',
      'REL_POINTER_KEY',
      'OTHER_ID_NUMBER',
      'TOPIC',
    );
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    const record = fc.dictionary(attr, fc.oneof(value, fc.array(fc.dictionary(attr, value), { maxLength: 3 })));
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      mutated,
      record.map((r) => JSON.stringify(r)),
    );
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        try {
          await importAll([file(c)]);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});
