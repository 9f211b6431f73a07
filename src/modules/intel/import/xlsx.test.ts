// The XLSX reader: shared strings, date styles and serials, merged cells, formulas read as cached values, and bounds on hostile archives.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../watchlists/index.js';
import { readXlsx, XLSX_LIMITS } from './xlsx.js';
import { cellRef, isDateFormat, serialDate, sharedStrings } from './xlsx-cells.js';
import { scanXml, XmlScanError } from './xml-scan.js';
import { xlsx, zip } from './xlsx-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer) => {
  const p = join(dir, `f${++n}.xlsx`);
  writeFileSync(p, bytes);
  return p;
};

describe('readXlsx', () => {
  it('reads text, numbers, dates by style, merged ranges and formulas by their cached value', async () => {
    const p = file(
      xlsx(
        [
          ['name', 'born', 'amount', 'group'],
          ['ERIKA MUSTERFRAU', { date: 25000 }, 12.5, 'A'],
          ['JOHN SPECIMEN', { date: 45537.75 }, { formula: 'HYPERLINK("http://x")', cached: '7' }, null],
          [],
          ['Testperson & <Alpha>', null, 3, null],
        ],
        { merged: ['D2:D3'] },
      ),
    );
    const s = await readXlsx(p);
    expect(s.sheets).toEqual(['Sheet1']);
    expect(s.rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(s.rows[1]!.values).toEqual(['ERIKA MUSTERFRAU', '1968-06-11', '12.5', 'A']);
    expect(s.rows[2]!.values).toEqual(['JOHN SPECIMEN', '2024-09-02T18:00:00', '7', 'A']);
    expect(s.rows[3]!.values).toEqual(['Testperson & <Alpha>', '', '3']);
  });

  it('names the sheets when the one asked for is missing, and refuses what is not a workbook', async () => {
    const p = file(xlsx([['a']], { sheetName: 'Calls' }));
    expect((await readXlsx(p, { sheet: 'Calls' })).name).toBe('Calls');
    expect((await readXlsx(p, { sheet: '1' })).name).toBe('Calls');
    await expect(readXlsx(p, { sheet: 'Nope' })).rejects.toThrow(/no sheet "Nope": the workbook has "Calls"/);
    await expect(readXlsx(file(zip([{ name: 'a.txt', data: 'x' }])))).rejects.toThrow(/not an XLSX workbook/);
    await expect(readXlsx(file(Buffer.from('name,born\n')))).rejects.toThrow(ImportError);
  });

  it('refuses a document type declaration (no entity expansion) and a zip bomb', async () => {
    const evil = xlsx([['a']]);
    const bad = zip([
      {
        name: 'xl/workbook.xml',
        data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
      },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
    ]);
    void evil;
    await expect(readXlsx(file(bad))).rejects.toThrow(/document type declarations are not accepted/);
    const bomb = zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(4 << 20, 0x20), deflate: true }]);
    await expect(readXlsx(file(bomb), { limits: { ...XLSX_LIMITS, maxRatio: 100 } })).rejects.toThrow(/ZIP bomb/);
    await expect(readXlsx(file(bomb), { limits: { ...XLSX_LIMITS, maxRatio: 1e6, maxPartBytes: 1 << 20 } })).rejects.toThrow(/more than 1048576/);
  });
});

describe('cell helpers', () => {
  it('reads references, date formats and serials (the 1900 leap-year bug included)', () => {
    expect(cellRef('A1')).toEqual([1, 0]);
    expect(cellRef('AB12')).toEqual([12, 27]);
    expect(cellRef('XFE1')).toBeUndefined();
    expect(cellRef('a1')).toBeUndefined();
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('"Day "0')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(serialDate(1)).toBe('1900-01-01');
    expect(serialDate(59)).toBe('1900-02-28');
    expect(serialDate(61)).toBe('1900-03-01');
    expect(serialDate(45292)).toBe('2024-01-01');
    expect(serialDate(0, true)).toBe('1904-01-01');
    expect(serialDate(-1)).toBeUndefined();
    expect(sharedStrings('<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>x</t></rPh></si><si/></sst>')).toEqual(['a', 'bc', '']);
  });

  it('never throws anything but a scan error on arbitrary text, and ends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          for (const _ of scanXml(s)) void _;
        } catch (e) {
          expect(e).toBeInstanceOf(XmlScanError);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<si>', '</si>', '<t>', '</t>', '<r>', '</r>', 'x', '&amp;', '&bogus;', '<![CDATA[y]]>', '<!--c-->', '<'), { maxLength: 40 }),
        (parts) => {
          try {
            sharedStrings(parts.join(''));
          } catch (e) {
            expect(e).toBeInstanceOf(XmlScanError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads any workbook of arbitrary strings back as written, or refuses it with an ImportError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const p = file(xlsx(rows));
        try {
          const s = await readXlsx(p);
          // eslint-disable-next-line no-control-regex
          const printable = rows.every((r) => r.every((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(v)));
          if (printable) for (const r of s.rows) expect(r.values.join('\u0001')).toBe(rows[r.line - 1]!.slice(0, r.values.length).join('\u0001'));
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 60 },
    );
  });
});
