// Tests of the UN Consolidated List importer on the real file: counts, name forms, ids; truncation, XXE and fuzzing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { unImporter } from './un.js';
import { BILLION_LAUGHS, XXE, assertOnlyImportErrors, drain, mutated, tempDir, withRoot } from './fuzz-support.js';
import { sharedFile } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const UN = sharedFile('un/UN_consolidated.xml');
const tmp = tempDir();
afterAll(tmp.remove);

const count = (list: ImportedEntity[], f: (e: ImportedEntity) => boolean): number => list.filter(f).length;

describe.skipIf(!UN)('UN importer on the real list', () => {
  let entities: ImportedEntity[] = [];
  beforeAll(async () => {
    const { entities: all, error } = await drain(unImporter, [UN!]);
    expect(error).toBeUndefined();
    entities = all;
  });

  it('reads 730 persons and 273 organisations, each with its Sanction', () => {
    expect(count(entities, (e) => e.listed && e.schema === 'Person')).toBe(730);
    expect(count(entities, (e) => e.listed && e.schema === 'Organization')).toBe(273);
    expect(count(entities, (e) => e.listed)).toBe(1003);
    expect(count(entities, (e) => e.schema === 'Sanction')).toBe(1003);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    const listed = new Set(entities.filter((e) => e.listed).map((e) => e.id));
    expect(entities.filter((e) => !e.listed && !listed.has(e.ownerId ?? ''))).toEqual([]);
  });

  it('yields only valid FtM entities', () => {
    const problems = entities.flatMap((e) => validateEntity(e).map((p) => `${e.id} ${p.property}: ${p.detail}`));
    expect(problems).toEqual([]);
  });

  it('keeps the 378 original-script names as aliases in their script', () => {
    const xml = readFileSync(UN!, 'utf8');
    const originals = [...xml.matchAll(/<NAME_ORIGINAL_SCRIPT>([^<]+)<\/NAME_ORIGINAL_SCRIPT>/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
    expect(originals).toHaveLength(378);
    const names = new Set(entities.filter((e) => e.listed).flatMap((e) => [...(e.properties.alias ?? []), ...(e.properties.name ?? [])]));
    expect(originals.filter((o) => !names.has(o))).toEqual([]);
    expect(count(entities, (e) => e.listed && (e.properties.alias ?? []).some((a) => /[\u0600-\u06ff]/.test(a)))).toBeGreaterThan(300);
  });

  it('maps a known entry: ids, name parts, aliases by quality, dates, places, documents, sanction', () => {
    const e = entities.find((x) => x.id === 'un-QDi.430')!;
    expect(e).toMatchObject({ schema: 'Person', sourceId: 'QDi.430', listed: true });
    expect(e.properties).toMatchObject({
      name: ['EMRAAN ALI'],
      firstName: ['EMRAAN'],
      secondName: ['ALI'],
      weakAlias: ['Abu Jihad TNT'],
      birthDate: ['1967-07-04'],
    });
    expect(e.properties.nationality).toEqual(['tt', 'us']);
    const sanction = entities.find((x) => x.id === 'un-QDi.430-sanction')!;
    expect(sanction.properties).toMatchObject({
      entity: ['un-QDi.430'],
      program: ['Al-Qaida'],
      programId: ['QDi.430'],
      listingDate: ['2021-11-23'],
      authority: ['United Nations Security Council'],
    });
    const docs = entities.filter((x) => x.ownerId === 'un-QDi.430' && x.schema === 'Passport');
    expect(docs.map((d) => d.properties.number![0]).sort()).toEqual(['420985453', 'TB162181']);
    expect(docs.every((d) => d.properties.holder![0] === 'un-QDi.430')).toBe(true);
  });

  it('keeps BETWEEN birth dates as every year of the range, and weak aliases apart', () => {
    const ranged = entities.filter((e) => e.listed && (e.properties.birthDate ?? []).length >= 2);
    expect(ranged.length).toBeGreaterThan(20);
    expect(count(entities, (e) => e.listed && (e.properties.weakAlias ?? []).length > 0)).toBeGreaterThan(200);
  });

  it('gives the same ids on a second read', async () => {
    const again = await drain(unImporter, [UN!]);
    expect(again.entities.map((e) => e.id)).toEqual(entities.map((e) => e.id));
  });

  it('reports a truncated copy with file, line, column and byte offset', async () => {
    const data = readFileSync(UN!);
    const path = join(tmp.dir, 'truncated.xml');
    writeFileSync(path, data.subarray(0, Math.floor(data.length / 2)));
    const { entities: partial, error } = await drain(unImporter, [path]);
    expect(error).toBeInstanceOf(ImportError);
    const where = (error as ImportError).where;
    expect(where.file).toBe(path);
    expect(where.line).toBeGreaterThan(1000);
    expect(where.offset).toBeGreaterThan(data.length / 2 - 100);
    expect(where.offset).toBeLessThanOrEqual(Math.floor(data.length / 2));
    expect(partial.length).toBeGreaterThan(0);
  });
});

describe('UN importer on hostile input', () => {
  it('refuses an XXE payload and a billion-laughs file', async () => {
    for (const payload of [XXE, BILLION_LAUGHS]) {
      const path = join(tmp.dir, 'hostile.xml');
      writeFileSync(path, withRoot(payload, 'CONSOLIDATED_LIST'));
      const { entities, error } = await drain(unImporter, [path]);
      expect(entities).toEqual([]);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toMatch(/DOCTYPE declaration is not accepted/);
      expect((error as ImportError).where.line).toBe(2);
    }
  });

  it('refuses a second file and another format', async () => {
    expect((await drain(unImporter, ['a', 'b'])).error).toBeInstanceOf(ImportError);
    const path = join(tmp.dir, 'other.xml');
    writeFileSync(path, '<sdnList/>');
    expect(((await drain(unImporter, [path])).error as ImportError).message).toMatch(/expected <CONSOLIDATED_LIST>/);
  });

  it('on mutated entries yields entities or an ImportError, nothing else', async () => {
    const seed = `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>TESTPERSON</FIRST_NAME><SECOND_NAME>QUUXLEY</SECOND_NAME>
<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER><LISTED_ON>2001-01-25</LISTED_ON><NAME_ORIGINAL_SCRIPT>تست</NAME_ORIGINAL_SCRIPT>
<NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Example</ALIAS_NAME></INDIVIDUAL_ALIAS>
<INDIVIDUAL_ADDRESS><CITY>Exampleville</CITY><COUNTRY>Iraq</COUNTRY></INDIVIDUAL_ADDRESS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>X1</NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT></INDIVIDUAL></INDIVIDUALS>
<ENTITIES><ENTITY><DATAID>2</DATAID><FIRST_NAME>FICTITIOUS FRONT</FIRST_NAME><REFERENCE_NUMBER>QDe.999</REFERENCE_NUMBER><ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>FF</ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>`;
    const clean = await drain(unImporter, [writeTo(join(tmp.dir, 'seed.xml'), seed)]);
    expect(clean.entities.filter((e) => e.listed).map((e) => e.id)).toEqual(['un-QDi.999', 'un-QDe.999']);
    expect(clean.entities.find((e) => e.id === 'un-QDi.999')!.properties.birthDate).toEqual(['1960', '1961', '1962']);
    await assertOnlyImportErrors(unImporter, mutated(seed), (dir, text) => [writeTo(join(dir, 'un.xml'), text)], 100);
  });

  it('on arbitrary text yields entities or an ImportError, nothing else', async () => {
    await assertOnlyImportErrors(unImporter, fc.string({ maxLength: 200 }), (dir, text) => [writeTo(join(dir, 'un.xml'), text)], 100);
  });
});

function writeTo(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}
