// Tests of the OFAC advanced-schema importer (sdn_advanced.xml) on a schema-conformant fixture of invented entries, and fuzzing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { ofacAdvancedImporter } from './ofac-advanced.js';
import { assertOnlyImportErrors, drain, mutatedOrRandom, tempDir } from './fuzz-support.js';
import { FIXTURES } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const FIXTURE = join(FIXTURES, 'ofac-advanced', 'sdn_advanced.xml');
const tmp = tempDir();
afterAll(tmp.remove);
const byId = (list: ImportedEntity[], id: string): ImportedEntity => list.find((e) => e.id === id)!;

describe('OFAC advanced XML importer', () => {
  it('resolves reference values, locations, documents and sanctions entries into valid FtM entities', async () => {
    const { entities, error } = await drain(ofacAdvancedImporter, [FIXTURE]);
    expect(error).toBeUndefined();
    expect(entities.filter((e) => e.listed).map((e) => [e.id, e.schema])).toEqual([
      ['ofac-990001', 'Person'],
      ['ofac-990002', 'Organization'],
      ['ofac-990003', 'Vessel'],
      ['ofac-990004', 'Airplane'],
    ]);
    expect(entities.flatMap((e) => validateEntity(e))).toEqual([]);
    expect(byId(entities, 'ofac-990001').properties).toMatchObject({
      name: ['QUUXLEY, Testperson'],
      lastName: ['QUUXLEY'],
      firstName: ['Testperson'],
      alias: ['QUUXLEIGH, Testperson', 'كويكسلي'],
      weakAlias: ['ABU EXAMPLE'],
      previousName: ['QUUXLEY-OLDNAME'],
      birthDate: ['1965-01-12', '1962', '1963'],
      birthPlace: ['Exampleville, Iran'],
      nationality: ['ir'],
      gender: ['male'],
      position: ['Invented Minister of Examples'],
    });
    expect(entities.find((e) => e.schema === 'Passport')!.properties).toMatchObject({
      holder: ['ofac-990001'],
      number: ['X0000001'],
      country: ['ir'],
      startDate: ['2015-02-01'],
      endDate: ['2025-01-31'],
      authority: ['Invented Passport Office'],
    });
    expect(byId(entities, 'ofac-990001-sanction').properties).toMatchObject({ program: ['SDGT'], listingDate: ['2019-03-26'], status: ['SDN List'] });
    expect(byId(entities, 'ofac-990002').properties).toMatchObject({ website: ['www.fictitious-trading.invalid'], idNumber: ['FIC-0042'], country: ['ae'] });
    expect(byId(entities, 'ofac-990003').properties).toMatchObject({
      imoNumber: ['IMO 0000001'],
      flag: ['pa'],
      type: ['Crude Oil Tanker'],
      callSign: ['XXEX1'],
    });
    expect(byId(entities, 'ofac-990004').properties.model).toEqual(['Examplejet 100']);
    expect(byId(entities, 'ofac-rel-20001').properties).toEqual({ subject: ['ofac-990002'], object: ['ofac-990001'], role: ['Owned or Controlled By'] });
    const addresses = entities.filter((e) => e.schema === 'Address');
    expect(addresses.map((a) => a.properties.full![0])).toEqual([
      '1 Placeholder Street, Tehran, Iran',
      'Office 0, Imaginary Tower, Dubai, United Arab Emirates',
    ]);
  });

  it('reports a truncated file with its position', async () => {
    const text = readFileSync(FIXTURE);
    const path = join(tmp.dir, 'cut.xml');
    writeFileSync(path, text.subarray(0, text.length >> 1));
    const { entities, error } = await drain(ofacAdvancedImporter, [path]);
    expect(entities).toEqual([]);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).where.offset).toBeGreaterThan(0);
  });

  it('on mutated and random files yields entities or an ImportError, nothing else', async () => {
    await assertOnlyImportErrors(ofacAdvancedImporter, mutatedOrRandom(readFileSync(FIXTURE, 'utf8')), (dir, text) => {
      writeFileSync(join(dir, 'sdn_advanced.xml'), text);
      return [join(dir, 'sdn_advanced.xml')];
    });
  });
});
