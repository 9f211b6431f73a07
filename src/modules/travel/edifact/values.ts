// Reading EDIFACT values: element/component access by 1-based position, and the date forms the API and PNR guides use.
import type { Segment } from './tokenizer.js';

/** Component `c` of data element `e` (both 1-based), trimmed; '' when absent. */
export function el(seg: Segment, e: number, c = 1): string {
  return seg.value(e, c);
}

/** All components of element `e`, trimmed (empty array when absent). */
export function comps(seg: Segment, e: number): string[] {
  const out = new Array<string>(seg.components(e));
  for (let c = 0; c < out.length; c++) out[c] = seg.value(e, c + 1);
  return out;
}

export const orNull = (v: string): string | null => (v === '' ? null : v);

/** `v.toUpperCase()`, without a new string when `v` is ASCII and has no lower-case letter (the usual code or name). */
export function upper(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return v.toUpperCase();
  }
  return v;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => pad(i));
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!);

/** How a two-digit year is placed: birth dates never lie in the future, expiry dates may; events are near the reference year. */
export type Century = 'birth' | 'expiry' | 'event';

export function fullYear(yy: number, kind: Century, referenceYear: number): number {
  const base = Math.floor(referenceYear / 100) * 100;
  let y = base + yy;
  if (kind === 'birth') return y > referenceYear ? y - 100 : y;
  if (y > referenceYear + (kind === 'expiry' ? 60 : 50)) y -= 100;
  else if (y < referenceYear - 50) y += 100;
  return y;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m))) return null;
  return `${y >= 1000 ? String(y) : pad(y, 4)}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

function hhmm(t: string): string | null {
  if (!/^\d{4}$/.test(t)) return null;
  const h = Number(t.slice(0, 2));
  const mi = Number(t.slice(2));
  return h <= 24 && mi < 60 ? `${t.slice(0, 2)}:${t.slice(2)}` : null;
}

/** `v` holds only ASCII digits (and at least one). */
function allDigits(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The number the `n` digits of `v` at `at` spell (the caller checked they are digits). */
function digits(v: string, at: number, n: number): number {
  let x = 0;
  for (let i = at; i < at + n; i++) x = x * 10 + (v.charCodeAt(i) - 48);
  return x;
}

/**
 * API (PAXLST) date or date-time: `YYMMDD`, `CCYYMMDD`, `YYMMDDHHMM` (format 201), `CCYYMMDDHHMM` (203); the length decides
 * when the format code is absent. Returns ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null when it is not a real date.
 * Read by character codes: it runs for every date of every traveller.
 */
export function apiDate(raw: string, kind: Century, referenceYear: number): string | null {
  const v = raw.includes(' ') ? raw.replace(/\s/g, '') : raw;
  if (!allDigits(v)) return null;
  let y: number;
  let at: number;
  if (v.length === 6 || v.length === 10) {
    y = fullYear(digits(v, 0, 2), kind, referenceYear);
    at = 2;
  } else if (v.length === 8 || v.length === 12) {
    y = digits(v, 0, 4);
    at = 4;
  } else return null;
  const date = isoDate(y, digits(v, at, 2), digits(v, at + 2, 2));
  if (!date || v.length === at + 4) return date;
  const h = digits(v, at + 4, 2);
  const mi = digits(v, at + 6, 2);
  return h <= 24 && mi < 60 ? `${date}T${TWO_DIGITS[h]}:${TWO_DIGITS[mi]}` : null;
}

/** PNRGOV date `DDMMYY` (or `DDMMCCYY`) and optional time `HHMM`, as ISO. */
export function pnrDate(date: string, time: string, kind: Century, referenceYear: number): string | null {
  const d = date.replace(/\s/g, '');
  if (!/^\d{6}(\d{2})?$/.test(d)) return null;
  const y = d.length === 8 ? Number(d.slice(4)) : fullYear(Number(d.slice(4)), kind, referenceYear);
  const iso = isoDate(y, Number(d.slice(2, 4)), Number(d.slice(0, 2)));
  if (!iso) return null;
  const t = time.trim();
  if (!t) return iso;
  const hm = hhmm(t.slice(0, 4));
  return hm ? `${iso}T${hm}` : iso;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** AIRIMP date `DDMMMYY` (`05FEB53`) as in SSR DOCS/DOCO, or null. */
export function airimpDate(raw: string, kind: Century, referenceYear: number): string | null {
  const m = /^(\d{1,2})([A-Za-z]{3})(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
  const y = m[3]!.length === 4 ? Number(m[3]) : fullYear(Number(m[3]), kind, referenceYear);
  return month ? isoDate(y, month, Number(m[1])) : null;
}

/** UNB preparation date (`YYMMDD` syntax 3 or `CCYYMMDD` syntax 4) and time `HHMM`. */
export function unbDate(date: string, time: string): string | null {
  const d = date.trim();
  let iso: string | null = null;
  if (/^\d{8}$/.test(d)) iso = isoDate(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6)));
  else if (/^\d{6}$/.test(d)) iso = isoDate(2000 + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4)));
  if (!iso) return null;
  const t = hhmm(time.trim().slice(0, 4));
  return t ? `${iso}T${t}` : iso;
}
