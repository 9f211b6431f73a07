// Tests of the OFAC CSV importer: real SDN and consolidated counts, extra 2025 aliases, ZIP input, truncation and fuzzing.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEntity } from '../../../core/model/index.js';
import { ofacCsvImporter, type NoticeContext } from './ofac-csv.js';
import { assertOnlyImportErrors, drain, mutated, tempDir } from './fuzz-support.js';
import { makeZip, sharedFile } from './test-data.js';
import { ImportError, type ImportedEntity } from './types.js';

const SDN = sharedFile('ofac/2021-07/sdn.csv');
const CONS = sharedFile('ofac/cons-2025-12/cons_prim.csv');
const ALT_2025 = sharedFile('ofac/2025-12/alt.csv');
const tmp = tempDir();
afterAll(tmp.remove);

function counts(entities: ImportedEntity[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entities) if (e.listed) out[e.schema] = (out[e.schema] ?? 0) + 1;
  return out;
}

const dirOf = (file: string): string => file.slice(0, file.lastIndexOf('/'));

describe.skipIf(!SDN)('OFAC CSV importer on the 2021 SDN list', () => {
  let entities: ImportedEntity[] = [];
  beforeAll(async () => {
    const r = await drain(ofacCsvImporter, [dirOf(SDN!)]);
    expect(r.error).toBeUndefined();
    entities = r.entities;
  });

  it('reads 4,620 individuals, 3,673 entities, 406 vessels and 277 aircraft', () => {
    expect(counts(entities)).toEqual({ Person: 4620, Organization: 3673, Vessel: 406, Airplane: 277 });
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    expect(entities.filter((e) => e.schema === 'Sanction')).toHaveLength(8976);
  });

  it('yields only valid FtM entities, with aliases, addresses and remarks read', () => {
    expect(entities.flatMap((e) => validateEntity(e).map((p) => `${e.id} ${p.property}: ${p.detail}`))).toEqual([]);
    const bnc = entities.find((e) => e.id === 'ofac-306')!;
    expect(bnc.properties).toMatchObject({ name: ['BANCO NACIONAL DE CUBA'], alias: ['NATIONAL BANK OF CUBA'], weakAlias: ['BNC'] });
    expect(entities.filter((e) => e.ownerId === 'ofac-306' && e.schema === 'Address')).toHaveLength(4);
    const li = entities.find((e) => e.id === 'ofac-28264')!;
    expect(li.properties).toMatchObject({ birthDate: ['1987-01-10'], nationality: ['cn'], gender: ['male'], lastName: ['LI'], firstName: ['Jiadong'] });
    expect(li.properties.notes!.join('')).toMatch(/Linked To: LAZARUS GROUP\.$/); // remarks continued in sdn_comments.csv
    const vessels = entities.filter((e) => e.schema === 'Vessel');
    expect(vessels.filter((v) => v.properties.imoNumber).length).toBeGreaterThan(350);
  });

  it('adds the 2025 aliases to the 2021 entries without creating entities', async () => {
    const notices: string[] = [];
    const ctx: NoticeContext = { onNotice: (m: string) => notices.push(m) };
    const more: ImportedEntity[] = [];
    for await (const e of ofacCsvImporter.read({ paths: [dirOf(SDN!), ALT_2025!], listName: 'ofac' }, ctx)) more.push(e);
    expect(counts(more)).toEqual(counts(entities));
    expect(more.map((e) => e.id)).toEqual(entities.map((e) => e.id));
    const names = (list: ImportedEntity[]): number =>
      list.reduce((n, e) => n + (e.properties.alias?.length ?? 0) + (e.properties.previousName?.length ?? 0), 0);
    expect(names(more)).toBeGreaterThan(names(entities));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^extra alias files: \d+ aliases added to entries of this list, \d+ ignored/);
  });

  it('reads the same list from a ZIP archive', async () => {
    const files = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => ({ name: `sdn/${name}`, data: readFileSync(join(dirOf(SDN!), name)) }));
    const zip = join(tmp.dir, 'sdn.zip');
    writeFileSync(zip, makeZip(files));
    const r = await drain(ofacCsvImporter, [zip]);
    expect(r.error).toBeUndefined();
    expect(r.entities.map((e) => e.id)).toEqual(entities.map((e) => e.id));
  });

  it('reports a truncated sdn.csv with its file, line and byte offset', async () => {
    const dir = join(tmp.dir, 'truncated');
    mkdirSync(dir);
    for (const name of ['alt.csv', 'add.csv']) copyFileSync(join(dirOf(SDN!), name), join(dir, name));
    const data = readFileSync(SDN!);
    const lineStart = data.indexOf(0x0a, data.length >> 1) + 1;
    const cut = data.indexOf(0x22, lineStart) + 4; // inside the quoted SDN_Name
    writeFileSync(join(dir, 'sdn.csv'), data.subarray(0, cut));
    const { error } = await drain(ofacCsvImporter, [dir]);
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.message).toMatch(/unterminated quoted value/);
    expect(e.where.file).toBe(join(dir, 'sdn.csv'));
    expect(e.where.offset).toBe(data.indexOf(0x22, lineStart));
    expect(e.where.line).toBe(data.subarray(0, lineStart).toString('latin1').split('\n').length);
  });
});

describe.skipIf(!CONS)('OFAC CSV importer on the consolidated (non-SDN) list', () => {
  it('reads 79 individuals and 363 entities', async () => {
    const r = await drain(ofacCsvImporter, [dirOf(CONS!)]);
    expect(r.error).toBeUndefined();
    expect(counts(r.entities)).toEqual({ Person: 79, Organization: 363 });
    expect(r.entities.find((e) => e.schema === 'Sanction')!.properties.status).toEqual(['Non-SDN consolidated list']);
  });
});

describe('OFAC CSV importer on small and hostile input', () => {
  const SMALL = {
    'sdn.csv':
      '990001,"QUUXLEY, Testperson","individual","SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Jan 1965; alt. DOB 1960 to 1962; POB Exampleville, Iran; nationality Iran; Gender Male; Passport X0000001 (Iran) issued 01 Feb 2015 expires 31 Jan 2025; a.k.a. \'ABU EXAMPLE\'."\r\n990002,"EXAMPLE STAR",vessel,"IRAN",-0- ,"XXEX1","Crude Oil Tanker","1000","900","Panama","FICTITIOUS TRADING",-0- \r\n\x1a',
    'alt.csv': '990001,1,"aka","QUUXLEIGH, Testperson",-0- \r\n990001,2,"fka","QUUXLEY-OLDNAME",-0- \r\n\x1a',
    'add.csv': '990001,1,"1 Placeholder Street","Tehran","Iran",-0- \r\n990003,2,-0- ,-0- ,"Panama",-0- \r\n\x1a',
  };
  function folder(dir: string, files: Record<string, string>): string {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('reads remarks: dates with ranges, places, nationality, gender, passport, weak aliases; vessel columns', async () => {
    const dir = join(tmp.dir, 'small');
    mkdirSync(dir);
    const r = await drain(ofacCsvImporter, [folder(dir, SMALL)]);
    expect(r.error).toBeUndefined();
    const p = r.entities.find((e) => e.id === 'ofac-990001')!;
    expect(p.properties).toMatchObject({
      birthDate: ['1965-01-12', '1960', '1961', '1962'],
      birthPlace: ['Exampleville, Iran'],
      birthCountry: ['ir'],
      nationality: ['ir'],
      gender: ['male'],
      passportNumber: ['X0000001'],
      alias: ['QUUXLEIGH, Testperson'],
      previousName: ['QUUXLEY-OLDNAME'],
      weakAlias: ['ABU EXAMPLE'],
    });
    const passport = r.entities.find((e) => e.schema === 'Passport')!;
    expect(passport.properties).toMatchObject({ holder: ['ofac-990001'], country: ['ir'], startDate: ['2015-02-01'], endDate: ['2025-01-31'] });
    expect(r.entities.find((e) => e.id === 'ofac-990001-sanction')!.properties.program).toEqual(['SDGT', 'IRGC']);
    const v = r.entities.find((e) => e.id === 'ofac-990002')!;
    expect(v.properties).toMatchObject({ callSign: ['XXEX1'], type: ['Crude Oil Tanker'], flag: ['pa'], tonnage: ['1000'] });
    expect(r.entities.filter((e) => e.schema === 'Address').map((e) => e.ownerId)).toEqual(['ofac-990001']);
  });

  it('names what is missing or wrong', async () => {
    const dir = join(tmp.dir, 'broken');
    mkdirSync(dir);
    folder(dir, { 'sdn.csv': SMALL['sdn.csv'], 'add.csv': SMALL['add.csv'] });
    expect(((await drain(ofacCsvImporter, [dir])).error as ImportError).message).toMatch(/has sdn\.csv but no alt\.csv/);
    folder(dir, { 'alt.csv': 'x,1,"aka","A",-0-\r\n' });
    const e = (await drain(ofacCsvImporter, [dir])).error as ImportError;
    expect(e.message).toMatch(/ent_num "x" is not a number/);
    expect(e.where).toMatchObject({ file: join(dir, 'alt.csv'), line: 1 });
    expect((await drain(ofacCsvImporter, [])).error).toBeInstanceOf(ImportError);
  });

  it('on mutated files yields entities or an ImportError, nothing else', async () => {
    const inputs = fc.record({ 'sdn.csv': mutated(SMALL['sdn.csv']), 'alt.csv': mutated(SMALL['alt.csv']), 'add.csv': mutated(SMALL['add.csv']) });
    await assertOnlyImportErrors(ofacCsvImporter, inputs, (dir, files) => [folder(dir, files)], 100);
  });
});
