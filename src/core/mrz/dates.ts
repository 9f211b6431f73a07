// MRZ dates (YYMMDD): validity, ISO form with the precision known, and the century, inferred differently for birth and expiry.

export interface MrzDate {
  /** ISO date at the precision known: `1974-08-12`, `1974-08` or `1974` (birth dates may leave month/day unknown with `<`). */
  iso: string;
  /** Full date for comparisons (unknown month/day taken as the latest possible). */
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const isDigits = (s: string) => /^[0-9]+$/.test(s);

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A YYMMDD date, or a reason it is none. `partial` allows `YYMM<<` and `YY<<<<` (birth dates). */
export function readMrzDate(raw: string, kind: 'birth' | 'expiry', today: Date, partial: boolean): MrzDate | string {
  if (raw.length !== 6) return 'a date has 6 characters (YYMMDD)';
  const yy = raw.slice(0, 2);
  const mm = raw.slice(2, 4);
  const dd = raw.slice(4, 6);
  if (!isDigits(yy)) return `year "${yy}" is not two digits`;
  const unknownMonth = partial && mm === '<<' && dd === '<<';
  const unknownDay = partial && dd === '<<';
  if (!unknownMonth && !isDigits(mm)) return `month "${mm}" is not two digits`;
  if (!unknownDay && !isDigits(dd)) return `day "${dd}" is not two digits`;
  const month = unknownMonth ? 12 : Number(mm);
  if (month < 1 || month > 12) return `month ${mm} does not exist`;
  const year = inferYear(Number(yy), month, unknownDay ? 1 : Number(dd), kind, today);
  const last = daysInMonth(year, month);
  const day = unknownDay ? last : Number(dd);
  if (day < 1 || day > last) return `day ${dd} does not exist in ${year}-${pad(month)}`;
  const iso = unknownMonth ? String(year) : unknownDay ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return { iso, year, month, day };
}

/**
 * The century of a two-digit year. Birth: the latest year not after today. Expiry: the year within 50 years of today
 * either way (so a 10-year passport expired decades ago and one valid for years both read right).
 */
export function inferYear(yy: number, month: number, day: number, kind: 'birth' | 'expiry', today: Date): number {
  const ty = today.getUTCFullYear();
  const century = ty - (ty % 100);
  let year = century + yy;
  if (kind === 'birth') {
    const key = year * 10000 + month * 100 + day;
    const todayKey = ty * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
    if (key > todayKey) year -= 100;
  } else if (year > ty + 50) year -= 100;
  else if (year <= ty - 50) year += 100;
  return year;
}

/** Whether a date is before today (UTC): a document expiring today is still valid. */
export function isBefore(d: MrzDate, today: Date): boolean {
  const key = d.year * 10000 + d.month * 100 + d.day;
  return key < today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
}
