// STIX timestamps: RFC 3339 in UTC with a `Z`, and a sortable key with nanosecond precision for versions.
const STIX_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** Whether `s` is a STIX timestamp (UTC, `Z`, a real calendar date and time). */
export function isStixTimestamp(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 40) return false;
  const m = STIX_TIMESTAMP.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** `2016-11-03T12:30:59.1Z` → `2016-11-03T12:30:59.100000000Z`: sorts and compares as text. Undefined if not a timestamp. */
export function timestampKey(s: unknown): string | undefined {
  if (!isStixTimestamp(s)) return undefined;
  const m = STIX_TIMESTAMP.exec(s)!;
  return `${s.slice(0, 19)}.${(m[7] ?? '').padEnd(9, '0')}Z`;
}

/** A timestamp with exactly six fractional digits, as TAXII date_added and its headers are written. */
export function microTimestamp(s: string): string {
  const key = timestampKey(s);
  if (!key) throw new Error(`not a STIX timestamp: ${s.slice(0, 40)}`);
  return key.slice(0, 26) + 'Z';
}

/** `Date` to a six-digit TAXII timestamp (milliseconds padded). */
export const microOf = (d: Date): string => d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
