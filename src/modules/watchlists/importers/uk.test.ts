// Tests of the UK Sanctions List importer on a schema-conformant fixture of invented entries (a non-Latin name included), and fuzzing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { ukImporter } from './uk.js';
import { assertOnlyImportErrors, drain, mutatedOrRandom, tempDir } from './fuzz-support.js';
import { FIXTURES } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const FIXTURE = join(FIXTURES, 'uk', 'UK_Sanctions_List.xml');
const tmp = tempDir();
afterAll(tmp.remove);
const byId = (list: ImportedEntity[], id: string): ImportedEntity => list.find((e) => e.id === id)!;

describe('UK Sanctions List importer', () => {
  it('reads an individual, an entity and a ship, keeping non-Latin names in their script', async () => {
    const { entities, error } = await drain(ukImporter, [FIXTURE]);
    expect(error).toBeUndefined();
    expect(entities.filter((e) => e.listed).map((e) => [e.id, e.schema])).toEqual([
      ['uk-XMP0001', 'Person'],
      ['uk-XMP0002', 'Organization'],
      ['uk-XMP0003', 'Vessel'],
    ]);
    expect(entities.flatMap((e) => validateEntity(e))).toEqual([]);
    expect(byId(entities, 'uk-XMP0001').properties).toMatchObject({
      name: ['Testperson Quuxley'],
      firstName: ['Testperson'],
      lastName: ['Quuxley'],
      alias: ['Testperson Quuxleigh', 'تستپرسن کوکسلی'],
      weakAlias: ['Abu Example'],
      birthDate: ['1965-01-12', '1964'],
      nationality: ['ir'],
      birthPlace: ['Exampleville, Iran'],
      gender: ['male'],
      passportNumber: ['X0000001'],
      idNumber: ['0000-000000-0'],
    });
    expect(byId(entities, 'uk-XMP0002').properties.alias).toContain('ООО «Фиктивная торговая компания»');
    expect(byId(entities, 'uk-XMP0002').properties).toMatchObject({ registrationNumber: ['FIC-0042'], email: ['info@fictitious-trading.invalid'] });
    expect(byId(entities, 'uk-XMP0003').properties).toMatchObject({ imoNumber: ['IMO 0000001'], flag: ['pa'], buildDate: ['2001'] });
    expect(byId(entities, 'uk-XMP0001-sanction').properties).toMatchObject({
      program: ['The Invented Example (Sanctions) (EU Exit) Regulations 2020'],
      listingDate: ['2020-12-31'],
      provisions: ['Asset freeze', 'Travel Ban'],
      authorityId: ['XMP0001', '99001'],
    });
  });

  it('reports a truncated file with its position', async () => {
    const text = readFileSync(FIXTURE);
    const path = join(tmp.dir, 'cut.xml');
    writeFileSync(path, text.subarray(0, text.length - 40));
    const { error } = await drain(ukImporter, [path]);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).where.line).toBeGreaterThan(100);
  });

  it('on mutated and random files yields entities or an ImportError, nothing else', async () => {
    await assertOnlyImportErrors(ukImporter, mutatedOrRandom(readFileSync(FIXTURE, 'utf8')), (dir, text) => {
      writeFileSync(join(dir, 'uk.xml'), text);
      return [join(dir, 'uk.xml')];
    });
  });
});
