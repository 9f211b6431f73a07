// Link dates as epoch days (days since 1970-01-01, NaN when unknown), from FtM's partial ISO dates.

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * Epoch day of an FtM date (`2019`, `2019-05`, `2019-05-17`, or a longer ISO timestamp); NaN when absent or unreadable.
 * A partial date is widened to its first day for `start`, its last day for `end`.
 */
export function epochDay(value: string | number | undefined | null, edge: 'start' | 'end' = 'start'): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : NaN;
  if (!value) return NaN;
  const m = ISO.exec(value.trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return NaN;
  let ms: number;
  if (edge === 'start') ms = Date.UTC(y, (month ?? 1) - 1, day ?? 1);
  else if (day !== undefined) ms = Date.UTC(y, month! - 1, day);
  else ms = Date.UTC(month === undefined ? y + 1 : y, month ?? 0, 1) - 86_400_000; // day before the next month or year
  const d = ms / 86_400_000;
  // Reject impossible days (2019-02-31 would roll over into March).
  if (day !== undefined && new Date(ms).getUTCDate() !== day) return NaN;
  return d;
}

/** `YYYY-MM-DD` of an epoch day, '' when unknown. */
export function isoDay(day: number): string {
  if (!Number.isFinite(day)) return '';
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
