// Tests of the OFAC sdn.xml importer on a schema-conformant fixture of invented entries, and fuzzing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { ofacXmlImporter } from './ofac-xml.js';
import { assertOnlyImportErrors, drain, mutatedOrRandom, tempDir } from './fuzz-support.js';
import { FIXTURES } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const FIXTURE = join(FIXTURES, 'ofac-xml', 'sdn.xml');
const tmp = tempDir();
afterAll(tmp.remove);
const byId = (list: ImportedEntity[], id: string): ImportedEntity => list.find((e) => e.id === id)!;

describe('OFAC sdn.xml importer', () => {
  it('reads a person, an organisation, a vessel and an aircraft, all valid FtM', async () => {
    const { entities, error } = await drain(ofacXmlImporter, [FIXTURE]);
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
      alias: ['QUUXLEIGH, Testperson'],
      weakAlias: ['ABU EXAMPLE'],
      previousName: ['QUUXLEY-OLDNAME, Testperson'],
      birthDate: ['1965-01-12', '1964'],
      birthPlace: ['Exampleville, Iran'],
      nationality: ['ir'],
      citizenship: ['iq'],
      gender: ['male'],
      position: ['Invented Minister of Examples'],
    });
    const passport = entities.find((e) => e.schema === 'Passport')!;
    expect(passport.properties).toMatchObject({
      holder: ['ofac-990001'],
      number: ['X0000001'],
      country: ['ir'],
      startDate: ['2015-02-01'],
      endDate: ['2025-01-31'],
    });
    expect(byId(entities, 'ofac-990001-sanction').properties.program).toEqual(['SDGT', 'IRGC']);
    expect(byId(entities, 'ofac-990003').properties).toMatchObject({ imoNumber: ['IMO 0000001'], mmsi: ['000000001'], flag: ['pa'], callSign: ['XXEX1'] });
    expect(byId(entities, 'ofac-990004').properties).toMatchObject({ model: ['Examplejet 100'], serialNumber: ['00001'] });
    expect(entities.filter((e) => e.schema === 'Address').map((e) => e.ownerId)).toEqual(['ofac-990001', 'ofac-990002']);
  });

  it('reports a truncated file with its position', async () => {
    const text = readFileSync(FIXTURE);
    const path = join(tmp.dir, 'cut.xml');
    writeFileSync(path, text.subarray(0, text.length - 100));
    const { error } = await drain(ofacXmlImporter, [path]);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).where).toMatchObject({ file: path });
    expect((error as ImportError).where.line).toBeGreaterThan(100);
  });

  it('on mutated and random files yields entities or an ImportError, nothing else', async () => {
    await assertOnlyImportErrors(ofacXmlImporter, mutatedOrRandom(readFileSync(FIXTURE, 'utf8')), (dir, text) => {
      writeFileSync(join(dir, 'sdn.xml'), text);
      return [join(dir, 'sdn.xml')];
    });
  });
});
