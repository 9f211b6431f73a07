// Scheduled times as the airport reads them (its local time, as carriers send them), with the UTC instant on hover.
import { t } from '../../i18n';
import type { LocalUtc } from './api';

const locale = (typeof navigator !== 'undefined' && navigator.language) || 'en';
// Local airport times carry no zone: format them as written (in UTC, so the browser's zone never shifts them).
const timeOnly = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dayOnly = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const asUtc = (wallClock: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(wallClock);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
};

/** `2026-12-01T14:05` → "14:05" when on `day`, else "2 Dec, 14:05". */
export function wallClockText(local: string, day?: string): string {
  const d = asUtc(local);
  if (!d) return local;
  return day && local.startsWith(day) ? timeOnly.format(d) : dayAndTime.format(d);
}

/** `2026-12-01T13:05:00Z` → "2026-12-01 13:05 UTC". */
export const utcText = (utc: string): string => `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;

/** A calendar day `2026-12-01` → "Tue, 1 Dec 2026". */
export function dayText(day: string): string {
  const d = asUtc(day);
  return d ? dayOnly.format(d) : day;
}

/** The local time at the airport; UTC in the tooltip and in the machine-readable value. */
export function AirportTime({ value, day }: { value: LocalUtc | null | undefined; day?: string }) {
  if (!value?.local) return <span className="muted">—</span>;
  const title = value.utc ? t('travel.time.hover', { utc: utcText(value.utc) }) : t('travel.time.no-zone');
  return (
    <time dateTime={value.utc ?? value.local} title={title} className="airport-time">
      {wallClockText(value.local, day)}
    </time>
  );
}

/** Today's date in the user's zone, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` moved by `days`. */
export function shiftDay(day: string, days: number): string {
  const d = asUtc(day) ?? new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
