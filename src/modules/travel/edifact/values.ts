// Reading EDIFACT values: element/component access by 1-based position, and the date forms the API and PNR guides use.
import type { Segment } from './tokenizer.js';

/** Component `c` of data element `e` (both 1-based), trimmed; '' when absent. */
export function el(seg: Segment, e: number, c = 1): string {
  const v = seg.elements[e - 1]?.[c - 1];
  return v === undefined ? '' : v.trim();
}

/** All components of element `e`, trimmed (empty array when absent). */
export function comps(seg: Segment, e: number): string[] {
  return (seg.elements[e - 1] ?? []).map((v) => v.trim());
}

export const orNull = (v: string): string | null => (v === '' ? null : v);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
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
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function hhmm(t: string): string | null {
  if (!/^\d{4}$/.test(t)) return null;
  const h = Number(t.slice(0, 2));
  const mi = Number(t.slice(2));
  return h <= 24 && mi < 60 ? `${t.slice(0, 2)}:${t.slice(2)}` : null;
}

/**
 * API (PAXLST) date or date-time: `YYMMDD`, `CCYYMMDD`, `YYMMDDHHMM` (format 201), `CCYYMMDDHHMM` (203); the length decides
 * when the format code is absent. Returns ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null when it is not a real date.
 */
export function apiDate(raw: string, kind: Century, referenceYear: number): string | null {
  const v = raw.includes(' ') ? raw.replace(/\s/g, '') : raw;
  if (!/^\d+$/.test(v)) return null;
  let y: number;
  let rest: string;
  if (v.length === 6 || v.length === 10) {
    y = fullYear(Number(v.slice(0, 2)), kind, referenceYear);
    rest = v.slice(2);
  } else if (v.length === 8 || v.length === 12) {
    y = Number(v.slice(0, 4));
    rest = v.slice(4);
  } else return null;
  const date = isoDate(y, Number(rest.slice(0, 2)), Number(rest.slice(2, 4)));
  if (!date || rest.length === 4) return date;
  const time = hhmm(rest.slice(4));
  return time ? `${date}T${time}` : null;
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
