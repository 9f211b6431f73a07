// FtM dates as people read them, keeping their precision: a year, a month, a day, or a range between two of those.
import { t } from '../../i18n';

export type Precision = 'year' | 'month' | 'day' | 'range' | 'unknown';

const locale = (typeof navigator !== 'undefined' && navigator.language) || 'en';
// Calendar dates carry no zone: format them in UTC so no one sees the day before.
const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

function single(value: string): { text: string; precision: Exclude<Precision, 'range'> } {
  const v = value.trim();
  let m = /^(\d{4})$/.exec(v);
  if (m) return { text: v, precision: 'year' };
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return Number.isNaN(d.getTime()) ? { text: v, precision: 'unknown' } : { text: monthFormat.format(d), precision: 'month' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return Number.isNaN(d.getTime()) ? { text: v, precision: 'unknown' } : { text: dayFormat.format(d), precision: 'day' };
  }
  return { text: v, precision: 'unknown' };
}

/** A date value of an entity (`1965`, `1965-04`, `1965-04-29`, or a range `1960/1965`) for display. */
export function readDate(value: string): { text: string; precision: Precision } {
  const parts = value.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) {
    const a = single(parts[0]);
    const b = single(parts[1]);
    return { text: t('date.range', { from: a.text, to: b.text }), precision: 'range' };
  }
  return single(value);
}

export const precisionLabel = (p: Precision): string => t(`date.precision.${p}`);

/** A date with its exact value in a <time> element and its precision on hover. */
export function FtmDate({ value }: { value: string }) {
  const { text, precision } = readDate(value);
  return (
    <time dateTime={precision === 'unknown' || precision === 'range' ? undefined : value} title={`${value} · ${precisionLabel(precision)}`}>
      {text}
    </time>
  );
}
