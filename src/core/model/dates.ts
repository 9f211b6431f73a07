// Dates as lists write them, read into ISO 8601 with their precision (`1965`, `1965-04`, `1965-04-29`).

/** A single date, or a range whose ends are single dates (`from` ≤ `to`). */
export type ParsedDate = { kind: 'date'; value: string } | { kind: 'range'; from: string; to: string };

/** Ranges spanning more years than this are not taken as a date. */
export const MAX_RANGE_YEARS = 100;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const QUALIFIER = /^(?:circa|approximately|approx\.?|ca\.?|c\.|about|around|abt\.?|estimated|est\.?|~)\s*/;
const TRAILING_QUALIFIER = /\s*\(?(?:circa|approximately|approx\.?|ca\.?|estimated|est\.?)\)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds the ISO form; month or day 0 means unknown (a coarser precision); null when impossible. */
function build(year: number, month = 0, day = 0): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  if (month < 0 || month > 12 || day < 0) return null;
  const y = String(year);
  if (month === 0) return day === 0 ? y : null;
  const m = `${y}-${String(month).padStart(2, '0')}`;
  if (day === 0) return m;
  return day <= daysIn(year, month) ? `${m}-${String(day).padStart(2, '0')}` : null;
}

function month(name: string): number | undefined {
  return Object.hasOwn(MONTHS, name) ? MONTHS[name] : undefined;
}

/** One date in any accepted notation, already lower case and trimmed. */
function single(text: string): string | null {
  let m: RegExpExecArray | null;
  // ISO 8601, with an optional time part that is dropped (FtM dates carry no zone: UTC).
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[t ]\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text)))
    return build(Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0));
  if ((m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(text))) return build(Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  // Numeric with the day first, as in Europe and on the UN list: 29/04/1965, 29.04.1965, 29-04-1965.
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(text))) return build(Number(m[2]), Number(m[1]));
  // Month names: 29 Apr. 1965, 29-APR-1965, April 29, 1965, Apr 1965.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]*([a-z]+)\.?[\s/.,-]*(\d{4})$/.exec(text))) {
    const mo = month(m[2]!);
    return mo ? build(Number(m[3]), mo, Number(m[1])) : null;
  }
  if ((m = /^([a-z]+)\.?[\s/.-]*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$/.exec(text))) {
    const mo = month(m[1]!);
    return mo ? build(Number(m[3]), mo, Number(m[2])) : null;
  }
  if ((m = /^([a-z]+)\.?[\s/.,-]*(\d{4})$/.exec(text))) {
    const mo = month(m[1]!);
    return mo ? build(Number(m[2]), mo) : null;
  }
  return null;
}

const RANGES = [/^(?:between|from) (.+?) (?:and|to|until|-|–) (.+)$/, /^(\d{4}) ?[-–/] ?(\d{4})$/, /^(.+?) (?:to|until|–|-) (.+)$/];

function range(fromText: string, toText: string): ParsedDate | null {
  const from = single(fromText.trim());
  const to = single(toText.trim());
  if (!from || !to) return null;
  return from <= to ? { kind: 'range', from, to } : { kind: 'range', from: to, to: from };
}

/**
 * Reads one date or a range (`between 1960 and 1965`, `from 1960 to 1965`, `1960-1965`,
 * `1960 to 1965`). `circa`, `approximately` and similar qualifiers are dropped: the date keeps
 * its own precision. Never throws; null when the text is no date.
 */
export function parseDate(raw: string): ParsedDate | null {
  if (typeof raw !== 'string' || raw.length > 100) return null;
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ').replace(QUALIFIER, '').replace(TRAILING_QUALIFIER, '');
  if (!text) return null;
  for (const pattern of RANGES) {
    const m = pattern.exec(text);
    const found = m ? range(m[1]!, m[2]!) : null;
    if (found) return found;
  }
  const value = single(text);
  return value ? { kind: 'date', value } : null;
}

/**
 * The FtM values for a date as a list writes it. A single date gives one value with its own
 * precision. A range gives every year it covers, from the first to the last (`between 1960 and
 * 1962` → `1960`, `1961`, `1962`), as FtM holds uncertain birth dates: as several candidates.
 * Ranges over MAX_RANGE_YEARS years, and anything that is no date, give null. Never throws.
 */
export function normaliseDate(raw: string): string[] | null {
  const parsed = parseDate(raw);
  if (!parsed) return null;
  if (parsed.kind === 'date') return [parsed.value];
  const from = Number(parsed.from.slice(0, 4));
  const to = Number(parsed.to.slice(0, 4));
  if (to - from > MAX_RANGE_YEARS) return null;
  const years: string[] = [];
  for (let y = from; y <= to; y++) years.push(String(y));
  return years;
}

/** True when the value is an FtM date: ISO 8601 from a year down to seconds, and a real one. */
export function isFtmDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$/.exec(value);
  if (!m) return false;
  if (build(Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)) === null) return false;
  if ((m[2] !== undefined && Number(m[2]) === 0) || (m[3] !== undefined && Number(m[3]) === 0)) return false;
  return Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60 && Number(m[6] ?? 0) < 60;
}
