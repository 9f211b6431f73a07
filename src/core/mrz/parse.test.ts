// Tests of parseMrz on the Doc 9303 specimens of every format, long TD1 numbers, Germany's D, dates, countries and bad input.
import { describe, expect, it } from 'vitest';
import { generateMrz } from './generate.js';
import { parseMrz } from './parse.js';
import { DOC9303_SPECIMENS } from './specimens.js';
import type { MrzResult } from './types.js';

const today = new Date('2026-11-29T12:00:00Z');
const values = (r: MrzResult) => Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
const codes = (r: MrzResult) => r.errors.map((e) => `${e.field}:${e.code}@${e.line}:${e.column}`);

describe('parseMrz on the Doc 9303 specimens', () => {
  it('reads the TD3 passport (part 4)', () => {
    const r = parseMrz(DOC9303_SPECIMENS.TD3, { today });
    expect(r).toMatchObject({ format: 'TD3', valid: true, specimen: true, expiry: 'expired', errors: [] });
    expect(values(r)).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      lastName: 'ERIKSSON',
      firstNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      documentNumberCheckDigit: '6',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      birthDateCheckDigit: '2',
      sex: 'F',
      expiryDate: '2012-04-15',
      expiryDateCheckDigit: '9',
      optionalData: 'ZE184226B',
      optionalDataCheckDigit: '1',
      compositeCheckDigit: '0',
    });
    expect(r.fields.documentNumber).toMatchObject({ raw: 'L898902C3', line: 2, column: 1, length: 9, valid: true });
    expect(r.fields.firstNames).toMatchObject({ line: 1, column: 16 });
    expect(r.issuingCountry).toEqual({ icao: 'UTO', alpha2: null, name: 'Utopia (ICAO specimen state)' });
    expect(r.warnings.map((w) => w.code)).toEqual(['expired']);
  });

  it('reads the TD1 card (part 5)', () => {
    const r = parseMrz(DOC9303_SPECIMENS.TD1, { today });
    expect(r).toMatchObject({ format: 'TD1', valid: true, specimen: true });
    expect(values(r)).toMatchObject({
      documentCode: 'I',
      documentNumber: 'D23145890',
      documentNumberCheckDigit: '7',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      nationality: 'UTO',
      optionalData: '',
      optionalData2: '',
      compositeCheckDigit: '6',
      lastName: 'ERIKSSON',
      firstNames: 'ANNA MARIA',
    });
    expect(r.fields.compositeCheckDigit).toMatchObject({ line: 2, column: 30 });
  });

  it('reads the TD2 card (part 6)', () => {
    const r = parseMrz(DOC9303_SPECIMENS.TD2, { today });
    expect(r).toMatchObject({ format: 'TD2', valid: true, specimen: true });
    expect(values(r)).toMatchObject({
      documentNumber: 'D23145890',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
      compositeCheckDigit: '6',
      lastName: 'ERIKSSON',
    });
  });

  it('reads the MRV-A and MRV-B visas (part 7), told from TD3 and TD2 by the document code V', () => {
    const a = parseMrz(DOC9303_SPECIMENS.MRVA, { today });
    expect(a).toMatchObject({ format: 'MRVA', valid: true, specimen: true });
    expect(values(a)).toMatchObject({
      documentCode: 'V',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
      optionalData: '6ZE184226B',
    });
    expect(a.fields.compositeCheckDigit).toBeUndefined();
    expect(a.nationalityCountry).toMatchObject({ icao: 'XXX', alpha2: null, name: 'Person of unspecified nationality' });
    const b = parseMrz(DOC9303_SPECIMENS.MRVB, { today });
    expect(b).toMatchObject({ format: 'MRVB', valid: true });
    expect(values(b)).toMatchObject({ documentNumber: 'L8988901C', expiryDate: '1996-12-10', optionalData: '' });
  });
});

describe('parseMrz details', () => {
  it("reads Germany's D<< and gives the alpha-2 beside it", () => {
    const lines = generateMrz({
      format: 'TD1',
      issuingState: 'D',
      nationality: 'D',
      documentNumber: 'T22000129',
      lastName: 'Mustermann',
      firstNames: 'Erika',
      birthDate: '1964-08-12',
      sex: 'F',
      expiryDate: '2031-10-31',
    });
    expect(lines[0]).toMatch(/^I<D<<T22000129/);
    const r = parseMrz(lines, { today });
    expect(r).toMatchObject({ valid: true, specimen: false, expiry: 'valid', issuingCountry: { icao: 'D', alpha2: 'de', name: 'Germany' } });
    expect(r.fields.issuingState).toMatchObject({ value: 'D', raw: 'D<<' });
  });

  it('joins a TD1 document number longer than 9 characters, under both check digit practices', () => {
    const base = {
      format: 'TD1' as const,
      issuingState: 'UTO',
      nationality: 'UTO',
      documentNumber: 'D23145890734',
      lastName: 'Specimen',
      firstNames: 'John',
      birthDate: '1974-08-12',
      sex: 'M' as const,
      expiryDate: '2030-04-15',
    };
    for (const practice of ['whole', 'with-filler'] as const) {
      const lines = generateMrz({ ...base, longNumberPractice: practice, optionalData: 'X12' });
      expect(lines[0]!.slice(14, 18)).toBe('<734');
      const r = parseMrz(lines, { today });
      expect(codes(r)).toEqual([]);
      expect(r.fields.documentNumber).toMatchObject({ value: 'D23145890734', line: 1, column: 6 });
      expect(r.fields.documentNumberCheckDigit).toMatchObject({ line: 1, column: 19 });
      expect(r.fields.optionalData!.value).toBe('X12');
    }
    const whole = generateMrz({ ...base, longNumberPractice: 'whole' });
    const corrupt = [whole[0]!.slice(0, 16) + '9' + whole[0]!.slice(17), whole[1]!, whole[2]!];
    const bad = parseMrz(corrupt, { today, suggest: false });
    expect(codes(bad)).toContain('documentNumberCheckDigit:check-digit@1:19');
    expect([bad.fields.documentNumber!.valid, bad.fields.documentNumberCheckDigit!.valid, bad.fields.birthDate!.valid]).toEqual([false, false, true]);
  });

  it('flags a filler in place of a check digit when nothing continues the number', () => {
    const [l1, l2, l3] = DOC9303_SPECIMENS.TD1;
    const r = parseMrz([l1!.slice(0, 14) + '<' + l1!.slice(15), l2!, l3!], { today });
    expect(codes(r)).toContain('documentNumberCheckDigit:check-digit@1:15');
  });

  it('infers the century differently for birth and expiry', () => {
    const lines = generateMrz({
      format: 'TD3',
      issuingState: 'UTO',
      nationality: 'UTO',
      documentNumber: 'X1',
      lastName: 'Specimen',
      birthDate: '271231',
      sex: 'X',
      expiryDate: '700101',
    });
    const r = parseMrz(lines, { today });
    expect(r.fields.birthDate!.value).toBe('1927-12-31');
    expect(r.fields.expiryDate!.value).toBe('2070-01-01');
    const young = parseMrz(
      generateMrz({
        format: 'TD3',
        issuingState: 'UTO',
        nationality: 'UTO',
        documentNumber: 'X1',
        lastName: 'Specimen',
        birthDate: '240101',
        sex: 'M',
        expiryDate: '290101',
      }),
      { today },
    );
    expect(young.fields.birthDate!.value).toBe('2024-01-01');
    expect(parseMrz(DOC9303_SPECIMENS.TD3, { today: new Date('2010-01-01') }).expiry).toBe('valid');
  });

  it('accepts birth dates with unknown day or month', () => {
    const r = parseMrz(
      generateMrz({
        format: 'TD3',
        issuingState: 'XXA',
        nationality: 'XXA',
        documentNumber: 'X1',
        lastName: 'Specimen',
        birthDate: '1974',
        sex: '<',
        expiryDate: '2030-01-01',
      }),
      { today },
    );
    expect(r).toMatchObject({ valid: true, specimen: false });
    expect(r.fields.birthDate!.value).toBe('1974');
    expect(r.fields.sex!.value).toBe('X');
  });

  it('reports impossible dates, unknown countries, bad sex and document codes where they are', () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const r = parseMrz([l1!.replace('P<UTO', 'P<QQQ'), l2!.replace('UTO7408122F', 'UTO7413122Y')], { today, suggest: false });
    expect(codes(r)).toEqual(
      expect.arrayContaining(['issuingState:unknown-country@1:3', 'birthDate:invalid-date@2:14', 'birthDateCheckDigit:check-digit@2:20', 'sex:bad-sex@2:21']),
    );
    expect(r.fields.issuingState!.valid).toBe(false);
    expect(codes(parseMrz([l1!.replace('P<', 'X<'), l2!], { today }))).toEqual(['documentCode:bad-document-code@1:1']);
  });

  it('allows letters and fillers only in names, and needs a last name', () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    expect(codes(parseMrz([l1!.replace('ANNA<MARIA<', 'ANNA<MARIA8'), l2!], { today }))).toEqual(['firstNames:bad-character@1:26']);
    expect(codes(parseMrz([l1!.replace('ERIKSSON', 'ERIK5SON'), l2!], { today }))).toEqual(['lastName:bad-character@1:10']);
    expect(codes(parseMrz([l1!.replace('P<UTOE', 'P<UTO<'), l2!], { today }))).toEqual(['lastName:missing-field@1:6']);
  });

  it('treats organisations and specimens as known codes', () => {
    for (const code of ['UNO', 'UNA', 'UNK', 'XOM', 'XPO', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'GBD', 'RKS', 'UTO']) {
      const lines = generateMrz({
        format: 'TD3',
        issuingState: code,
        nationality: code,
        documentNumber: 'X1',
        lastName: 'Specimen',
        birthDate: '1980-01-01',
        sex: 'F',
        expiryDate: '2030-01-01',
      });
      const r = parseMrz(lines, { today });
      expect(r.valid, code).toBe(true);
      expect(r.specimen).toBe(code === 'UTO');
    }
  });

  it('accepts pasted input: lower case, spaces, one text or lines, a scanner line without breaks', () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const expected = parseMrz(DOC9303_SPECIMENS.TD3, { today });
    expect(parseMrz(`  ${l1!.toLowerCase()} \r\n\n ${l2!.slice(0, 10)} ${l2!.slice(10)}\n`, { today })).toEqual(expected);
    expect(parseMrz(l1! + l2!, { today })).toEqual(expected);
    expect(parseMrz([`${l1}\n${l2}`], { today })).toEqual(expected);
  });

  it('names the line and the expected length when lines are wrong', () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const r = parseMrz([l1!, l2!.slice(0, 40)], { today });
    expect(r).toMatchObject({ valid: false, format: 'TD3', fields: {} });
    expect(r.errors).toEqual([{ field: 'mrz', line: 2, column: 41, code: 'bad-line-length', detail: 'line 2 has 40 characters; a TD3 line has 44' }]);
    expect(parseMrz([l1!], { today }).errors[0]).toMatchObject({ code: 'bad-line-count' });
    expect(parseMrz(DOC9303_SPECIMENS.TD1.slice(0, 2), { today }).errors[0]).toMatchObject({
      code: 'bad-line-count',
      detail: 'a TD1 MRZ (lines of 30 characters) has 3 lines; this has 2',
    });
    expect(parseMrz('', { today }).errors[0]).toMatchObject({ code: 'empty' });
    expect(parseMrz('A'.repeat(5_000_000), { today }).errors[0]).toMatchObject({ code: 'too-long' });
    expect(parseMrz([l1!, l2!.replace('L898', 'L8é8')], { today, suggest: false }).errors[0]).toMatchObject({
      field: 'documentNumber',
      code: 'bad-character',
      line: 2,
      column: 3,
    });
  });

  it('offers OCR corrections without applying them', () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const misread = l2!.replace('7408122', '74O8I22');
    const r = parseMrz([l1!, misread], { today });
    expect(r.valid).toBe(false);
    expect(r.fields.birthDate!.value).toBeNull();
    expect(r.suggestions[0]!.lines).toEqual([...DOC9303_SPECIMENS.TD3]);
    expect(r.suggestions[0]!.changes).toEqual([
      { field: 'birthDate', line: 2, column: 16, from: 'O', to: '0' },
      { field: 'birthDate', line: 2, column: 18, from: 'I', to: '1' },
    ]);
    expect(parseMrz(DOC9303_SPECIMENS.TD3, { today }).suggestions).toEqual([]);
  });
});

describe('generateMrz', () => {
  it('reproduces the specimens from their fields', () => {
    const td3 = generateMrz({
      format: 'TD3',
      issuingState: 'UTO',
      nationality: 'UTO',
      documentNumber: 'L898902C3',
      lastName: 'Eriksson',
      firstNames: 'Anna Maria',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
    expect(td3).toEqual(DOC9303_SPECIMENS.TD3);
    const td1 = generateMrz({
      format: 'TD1',
      issuingState: 'UTO',
      nationality: 'UTO',
      documentNumber: 'D23145890',
      lastName: 'Eriksson',
      firstNames: 'Anna Maria',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
    });
    expect(td1).toEqual(DOC9303_SPECIMENS.TD1);
    const mrvb = generateMrz({
      format: 'MRVB',
      issuingState: 'UTO',
      nationality: 'XXX',
      documentNumber: 'L8988901C',
      lastName: 'Eriksson',
      firstNames: 'Anna Maria',
      birthDate: '400907',
      sex: 'F',
      expiryDate: '961210',
    });
    expect(mrvb).toEqual(DOC9303_SPECIMENS.MRVB);
  });

  it('refuses what does not fit', () => {
    expect(() =>
      generateMrz({
        format: 'TD3',
        issuingState: 'UTO',
        nationality: 'UTO',
        documentNumber: 'L898902C3X',
        lastName: 'X',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
      }),
    ).toThrow(RangeError);
  });
});
