// Minimal XLSX reader over the bounded ZIP reader: one sheet's cached cell values as rows; formulas are never evaluated.
import { openZip, ImportError, type ZipArchive, type ZipLimits } from '../../watchlists/index.js';
import { cellRef, dateStyles, mergedRanges, serialDate, sharedStrings } from './xlsx-cells.js';
import { scanXml, XmlScanError, type XmlTag } from './xml-scan.js';

/** Bounds of an XLSX: the archive's, and the largest XML part read into memory. */
export const XLSX_LIMITS: ZipLimits & { maxPartBytes: number; maxRows: number; maxColumns: number; maxMergedCells: number } = {
  maxEntries: 2000,
  maxEntryBytes: 256 << 20,
  maxTotalBytes: 512 << 20,
  maxRatio: 200,
  maxPartBytes: 256 << 20,
  maxRows: 1_048_576,
  maxColumns: 16384,
  maxMergedCells: 1_000_000,
};

export interface SheetRow {
  /** The row number in the sheet (1-based, as Excel shows it). */
  line: number;
  values: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Names of every sheet of the workbook, in order. */
  sheets: string[];
}

async function part(zip: ZipArchive, name: string, limit: number): Promise<string | undefined> {
  const entry = zip.entries.find((e) => e.name === name || e.name === `/${name}`);
  if (!entry) return undefined;
  if (entry.size > limit) throw new ImportError(`${name} expands to ${entry.size} bytes, more than ${limit}`, { file: zip.file });
  const chunks: Buffer[] = [];
  for await (const c of zip.read(entry)) chunks.push(c);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)).replace(/^\ufeff/, '');
  } catch {
    throw new ImportError(`${name} is not UTF-8`, { file: zip.file });
  }
}

const isTag = (x: XmlTag | string): x is XmlTag => typeof x !== 'string';

function scanning<T>(file: string, partName: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof XmlScanError) throw new ImportError(`${partName}: ${e.message}`, { file, offset: e.offset });
    throw e;
  }
}

/** Reads one sheet (by name, or 1-based position; the first by default) of the workbook at `path`. */
export async function readXlsx(path: string, opts: { sheet?: string | undefined; limits?: typeof XLSX_LIMITS } = {}): Promise<Sheet> {
  const limits = opts.limits ?? XLSX_LIMITS;
  const zip = await openZip(path, limits);
  const fail = (msg: string): never => {
    throw new ImportError(msg, { file: path });
  };
  const workbook =
    (await part(zip, 'xl/workbook.xml', limits.maxPartBytes)) ?? fail('not an XLSX workbook: no xl/workbook.xml (an old .xls? save it as .xlsx)');
  const rels = (await part(zip, 'xl/_rels/workbook.xml.rels', limits.maxPartBytes)) ?? fail('not an XLSX workbook: no xl/_rels/workbook.xml.rels');
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  scanning(path, 'xl/workbook.xml', () => {
    for (const x of scanXml(workbook)) {
      if (!isTag(x) || x.close) continue;
      if (x.name === 'sheet') sheets.push({ name: x.attrs.name ?? '', rid: x.attrs['r:id'] ?? x.attrs.id ?? '' });
      if (x.name === 'workbookPr') date1904 = x.attrs.date1904 === '1' || x.attrs.date1904 === 'true';
    }
  });
  const targets = new Map<string, string>();
  scanning(path, 'workbook rels', () => {
    for (const x of scanXml(rels)) if (isTag(x) && x.name === 'Relationship' && x.attrs.Id && x.attrs.Target) targets.set(x.attrs.Id, x.attrs.Target);
  });
  if (!sheets.length) fail('the workbook has no sheet');
  const wanted = opts.sheet;
  const pick = wanted === undefined ? sheets[0] : (sheets.find((s) => s.name === wanted) ?? (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined));
  if (!pick) return fail(`no sheet ${JSON.stringify(wanted)}: the workbook has ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`);
  const target = targets.get(pick.rid) ?? fail(`sheet ${pick.name} has no part in the workbook relationships`);
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetXml = (await part(zip, sheetPath, limits.maxPartBytes)) ?? fail(`sheet ${pick.name}: ${sheetPath} is missing`);
  const sst = await part(zip, 'xl/sharedStrings.xml', limits.maxPartBytes);
  const strings = sst ? scanning(path, 'xl/sharedStrings.xml', () => sharedStrings(sst)) : [];
  const styles = await part(zip, 'xl/styles.xml', limits.maxPartBytes);
  const dates = styles ? scanning(path, 'xl/styles.xml', () => dateStyles(styles)) : [];
  const rows = scanning(path, sheetPath, () => sheetRows(sheetXml, strings, dates, date1904, limits, path));
  return { name: pick.name, rows, sheets: sheets.map((s) => s.name) };
}

function sheetRows(xml: string, strings: string[], dates: boolean[], date1904: boolean, limits: typeof XLSX_LIMITS, file: string): SheetRow[] {
  const byRow = new Map<number, string[]>();
  const merged: string[] = [];
  let rowNo = 0;
  let col = -1;
  let cell: { t: string; s: number; ref: [number, number] } | null = null;
  let text: string[] = [];
  let inValue = false;
  let skip = 0; // inside <f> or a phonetic run
  const put = (r: number, c: number, v: string) => {
    if (r > limits.maxRows) throw new ImportError(`the sheet has more than ${limits.maxRows} rows`, { file });
    if (c >= limits.maxColumns) throw new ImportError(`the sheet has more than ${limits.maxColumns} columns`, { file });
    const row = byRow.get(r) ?? [];
    row[c] = v;
    byRow.set(r, row);
  };
  for (const x of scanXml(xml)) {
    if (!isTag(x)) {
      if (cell && inValue && !skip) text.push(x);
      continue;
    }
    switch (x.name) {
      case 'row':
        if (!x.close) {
          rowNo = x.attrs.r ? Number(x.attrs.r) : rowNo + 1;
          if (!Number.isInteger(rowNo) || rowNo < 1)
            throw new ImportError(`row number ${String(x.attrs.r).slice(0, 20)} is not valid`, { file, offset: x.offset });
          col = -1;
        }
        break;
      case 'c':
        if (x.close) {
          if (cell) put(cell.ref[0], cell.ref[1], value(cell.t, text.join(''), cell.s));
          cell = null;
        } else {
          const ref = x.attrs.r ? cellRef(x.attrs.r) : ([rowNo, col + 1] as [number, number]);
          if (!ref) throw new ImportError(`cell reference ${String(x.attrs.r).slice(0, 20)} is not valid`, { file, offset: x.offset });
          col = ref[1];
          cell = { t: x.attrs.t ?? 'n', s: Number(x.attrs.s ?? 0), ref };
          text = [];
          if (x.empty) cell = null;
        }
        break;
      case 'v':
      case 't':
        inValue = !x.close && !x.empty;
        break;
      case 'f':
      case 'rPh':
        if (!x.empty) skip += x.close ? -1 : 1;
        break;
      case 'mergeCell':
        if (x.attrs.ref) merged.push(x.attrs.ref);
        break;
    }
  }
  function value(t: string, raw: string, style: number): string {
    switch (t) {
      case 's': {
        const i = Number(raw);
        return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i]! : '';
      }
      case 'b':
        return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
      case 'e':
        return '';
      case 'n': {
        const num = Number(raw);
        if (raw !== '' && dates[style] && Number.isFinite(num)) return serialDate(num, date1904) ?? raw;
        return raw;
      }
      default:
        return raw; // str, inlineStr, d (ISO 8601 already)
    }
  }
  // A merged range shows its top-left value in every cell it covers (e.g. a date merged over a group of rows).
  let filled = 0;
  for (const [r0, c0, r1, c1] of mergedRanges(merged)) {
    const v = byRow.get(r0)?.[c0];
    if (v === undefined || v === '') continue;
    filled += (r1 - r0 + 1) * (c1 - c0 + 1);
    if (filled > limits.maxMergedCells) throw new ImportError(`merged ranges cover more than ${limits.maxMergedCells} cells`, { file });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) put(r, c, v);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([line, vs]) => ({ line, values: Array.from(vs, (v) => v ?? '') }));
}
