// Text shown to people: message catalogues per locale, English first, with {name} parameters.
import { en } from './en.js';

export type Messages = Readonly<Record<string, string>>;

export interface Translator {
  readonly locale: string;
  t(key: string, params?: Record<string, string | number>): string;
  has(key: string): boolean;
  /** A translator for another locale (falls back to English, then to the key). */
  forLocale(locale: string | undefined): Translator;
}

const catalogues: Record<string, Messages> = { en };

export function createTranslator(extra: readonly Messages[] = [], locale = 'en'): Translator {
  const merged: Record<string, Record<string, string>> = {};
  for (const [loc, msgs] of Object.entries(catalogues)) merged[loc] = { ...msgs };
  for (const msgs of extra) Object.assign(merged.en!, msgs);
  const make = (loc: string): Translator => {
    const base = loc.toLowerCase().split(/[-_]/)[0] ?? 'en';
    const primary = merged[base] ?? merged.en!;
    return {
      locale: merged[base] ? base : 'en',
      has: (key) => key in primary || key in merged.en!,
      t: (key, params) => {
        const template = primary[key] ?? merged.en![key] ?? key;
        return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
      },
      forLocale: (l) => make(pickLocale(l, Object.keys(merged))),
    };
  };
  return make(locale);
}

/** Chooses the best catalogue for an Accept-Language header. */
export function pickLocale(header: string | undefined, available: readonly string[]): string {
  if (!header) return 'en';
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return wanted.find((w) => available.includes(w.tag))?.tag ?? 'en';
}
