// Cell values of an XLSX sheet: references (B12), shared strings, date styles and serial dates, merged ranges.
import { scanXml, type XmlTag } from './xml-scan.js';

/** `B12` → [row 12, column 1] (0-based column); undefined when malformed or out of the sheet's bounds. */
export function cellRef(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > 16384 || row < 1 || row > 1048576) return undefined;
  return [row, col - 1];
}

const isTag = (x: XmlTag | string): x is XmlTag => typeof x !== 'string';

/** The shared string table: each `<si>`'s text (rich runs joined; phonetic runs left out). */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let skip = 0;
  for (const x of scanXml(xml)) {
    if (isTag(x)) {
      if (x.name === 'si' && !x.close) {
        cur = [];
        if (x.empty) out.push('');
      } else if (x.name === 'si' && x.close && cur) {
        out.push(cur.join(''));
        cur = null;
      } else if (x.name === 'rPh') skip += x.close ? -1 : x.empty ? 0 : 1;
      else if (x.name === 't') inT = !x.close && !x.empty;
    } else if (cur && inT && skip === 0) cur.push(x);
  }
  return out;
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^(General|@)$/i.test(bare.trim());
}

/** For each cell style index: does it show a date? */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  const out: boolean[] = [];
  let inXfs = false;
  for (const x of scanXml(xml)) {
    if (!isTag(x)) continue;
    if (x.name === 'numFmt' && !x.close) custom.set(Number(x.attrs.numFmtId), isDateFormat(x.attrs.formatCode ?? ''));
    else if (x.name === 'cellXfs') inXfs = !x.close && !x.empty;
    else if (inXfs && x.name === 'xf' && !x.close) {
      const id = Number(x.attrs.numFmtId ?? 0);
      out.push(custom.get(id) ?? BUILT_IN_DATES.has(id));
    }
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An Excel serial date as ISO 8601: `2024-03-05`, or with the time when it has one. Undefined outside 1900–9999. */
export function serialDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  // The 1900 system counts a 29 February 1900 that never was (serial 60): days before it are one off.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86400) * 1000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 9999) return undefined;
  const day = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs ? `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

/** Merged ranges `A1:C2` as [firstRow, firstCol, lastRow, lastCol]. */
export function mergedRanges(refs: readonly string[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const ref of refs) {
    const [a, b] = ref.split(':');
    const p = a ? cellRef(a) : undefined;
    const q = b ? cellRef(b) : p;
    if (p && q) out.push([Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])]);
  }
  return out;
}
