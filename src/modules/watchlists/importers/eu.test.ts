// Tests of the EU consolidated list importer on a schema-conformant fixture of invented entries, and fuzzing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { euImporter } from './eu.js';
import { assertOnlyImportErrors, drain, mutatedOrRandom, tempDir } from './fuzz-support.js';
import { FIXTURES } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const FIXTURE = join(FIXTURES, 'eu', 'eu-consolidated.xml');
const tmp = tempDir();
afterAll(tmp.remove);
const byId = (list: ImportedEntity[], id: string): ImportedEntity => list.find((e) => e.id === id)!;

describe('EU consolidated list importer', () => {
  it('reads persons and an enterprise with every name form, birth dates, documents and regulations', async () => {
    const { entities, error } = await drain(euImporter, [FIXTURE]);
    expect(error).toBeUndefined();
    expect(entities.filter((e) => e.listed).map((e) => [e.id, e.schema])).toEqual([
      ['eu-990001', 'Person'],
      ['eu-990002', 'Organization'],
      ['eu-990003', 'Person'],
    ]);
    expect(entities.flatMap((e) => validateEntity(e))).toEqual([]);
    expect(byId(entities, 'eu-990001').properties).toMatchObject({
      name: ['Testperson Quuxley'],
      firstName: ['Testperson'],
      lastName: ['Quuxley'],
      alias: ['Testperson Quuxleigh', 'Тестперсон Куксли'],
      weakAlias: ['Abu Example'],
      gender: ['male'],
      nationality: ['ir'],
      birthDate: ['1965-01-12', '1964'],
      birthCountry: ['ir'],
      position: ['Invented Minister of Examples'],
      passportNumber: ['X0000001'],
    });
    expect(byId(entities, 'eu-990003').properties).toMatchObject({ birthDate: ['1970-07'], gender: ['female'], middleName: ['Invented'] });
    expect(byId(entities, 'eu-990002-sanction').properties).toMatchObject({
      program: ['TAQA'],
      programId: ['EU.9002.02'],
      unscId: ['QDe.999'],
      listingDate: ['2020-05-04'],
      authority: ['European Union'],
    });
    expect(entities.filter((e) => e.schema === 'Passport').map((e) => e.properties.number)).toEqual([['X0000001']]);
    expect(entities.filter((e) => e.schema === 'Identification').map((e) => e.properties.number)).toEqual([['0000-000000-0'], ['FIC-0042']]);
  });

  it('reports a truncated file with its position', async () => {
    const text = readFileSync(FIXTURE);
    const path = join(tmp.dir, 'cut.xml');
    writeFileSync(path, text.subarray(0, text.length - 50));
    const { error } = await drain(euImporter, [path]);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).describe()).toMatch(/cut\.xml:\d+:\d+: .*\(byte \d+\)/);
  });

  it('on mutated and random files yields entities or an ImportError, nothing else', async () => {
    await assertOnlyImportErrors(euImporter, mutatedOrRandom(readFileSync(FIXTURE, 'utf8')), (dir, text) => {
      writeFileSync(join(dir, 'eu.xml'), text);
      return [join(dir, 'eu.xml')];
    });
  });
});
