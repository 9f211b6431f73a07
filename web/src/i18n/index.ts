// Text shown in the workbench: every user-visible string goes through t(key, params); English first.
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;

const catalogues: Record<string, Partial<Record<MessageKey, string>>> = { en };

function pickLocale(): string {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (base in catalogues) return base;
  }
  return 'en';
}

export const locale = pickLocale();
const active = catalogues[locale] ?? en;
/** Dates and numbers follow the browser's own locale (en-GB, fr-CA…), even where messages fall back to English. */
const formatLocale = (typeof navigator !== 'undefined' && navigator.language) || 'en';

/** The message for `key`, with `{name}` placeholders replaced from `params`; English if the locale lacks it. */
export function t(key: MessageKey, params?: Params): string {
  const template = active[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Chooses between the `.one` and `.other` forms of a counted message. */
export function tn(key: string, count: number, params?: Params): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count: formatNumber(count), ...params });
}

const numbers = new Intl.NumberFormat(formatLocale);
export const formatNumber = (n: number): string => numbers.format(n);

const dateTime = new Intl.DateTimeFormat(formatLocale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'medium' });

/** An instant (ISO 8601, UTC) in the user's zone; empty text for none. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
}
