// A point of contact as people enter it: checked field by field, every problem named with its field (and line, on import).
import { z } from 'zod';
import { STATE } from './access.js';
import { CONTACT_KINDS, type ContactKind } from './tables.js';

export const Channel = z.object({
  type: z.string(), // phone, email, fax, secure-line, messenger …
  value: z.string(),
  hours: z.string(), // "24/7" or e.g. "Mo-Fr 08-18 CET"
});
export type Channel = z.infer<typeof Channel>;

export const Alternate = z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type Alternate = z.infer<typeof Alternate>;

/** What a contact holds, as checked by `checkContact` and as the API answers it. */
export const ContactData = z.object({
  organisation: z.string(),
  role: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  channels: z.array(Channel),
  alternates: z.array(Alternate),
  languages: z.array(z.string()),
  timeZone: z.string().nullable(),
  pgpKey: z.string().nullable(),
});
export type ContactData = z.infer<typeof ContactData>;

export interface ContactInput extends ContactData {
  state: string;
  kind: ContactKind;
}

export interface Problem {
  field: string;
  reason: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const ZONE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$|^UTC([+-]\d{1,2}(:\d{2})?)?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
export const CONTACT_FIELDS = ['organisation', 'role', 'name', 'email', 'phone', 'channels', 'alternates', 'languages', 'timeZone', 'pgpKey'] as const;

function str(
  o: Record<string, unknown>,
  field: string,
  problems: Problem[],
  opts: { required?: boolean; max?: number; multiline?: boolean } = {},
): string | null {
  const v = o[field];
  if (v === undefined || v === null || v === '') {
    if (opts.required) problems.push({ field, reason: 'is required' });
    return null;
  }
  if (typeof v !== 'string') {
    problems.push({ field, reason: 'must be a string' });
    return null;
  }
  const t = opts.multiline ? v.replace(/\r\n/g, '\n') : v.trim();
  if (t.length > (opts.max ?? 200)) problems.push({ field, reason: `must be at most ${opts.max ?? 200} characters` });
  else if (CONTROL.test(t) || (!opts.multiline && t.includes('\n'))) problems.push({ field, reason: 'must not contain control characters' });
  else if (!t && opts.required) problems.push({ field, reason: 'is required' });
  return t || null;
}

function email(o: Record<string, unknown>, field: string, problems: Problem[], required: boolean): string | null {
  const e = str(o, field, problems, { required, max: 254 });
  if (e && !EMAIL.test(e)) {
    problems.push({ field, reason: 'is not an e-mail address' });
    return null;
  }
  return e ? e.toLowerCase() : null;
}

/** Checks one contact; `problems` is empty when `value` can be stored. */
export function checkContact(raw: unknown): { value?: ContactInput; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problems: [{ field: '', reason: 'must be a JSON object' }] };
  const o = raw as Record<string, unknown>;
  const state = typeof o.state === 'string' ? o.state.trim().toLowerCase() : '';
  if (!STATE.test(state)) problems.push({ field: 'state', reason: 'must be an ISO 3166-1 alpha-2 code such as "at"' });
  const kind = o.kind as ContactKind;
  if (!(CONTACT_KINDS as readonly unknown[]).includes(kind)) problems.push({ field: 'kind', reason: 'must be "policy" or "technical"' });
  const organisation = str(o, 'organisation', problems, { required: true });
  const name = str(o, 'name', problems, { required: true });
  const mail = email(o, 'email', problems, true);
  const phone = str(o, 'phone', problems, { max: 40 });
  const role = str(o, 'role', problems);
  const timeZone = str(o, 'timeZone', problems, { max: 64 });
  if (timeZone && !ZONE.test(timeZone)) problems.push({ field: 'timeZone', reason: 'must be an IANA zone such as "Europe/Vienna" or UTC+01:00' });
  const pgpKey = str(o, 'pgpKey', problems, { max: 20000, multiline: true });
  const languages = list(o, 'languages', problems, 6, (v, f) => {
    if (typeof v !== 'string' || !LANGUAGE.test(v.trim().toLowerCase())) {
      problems.push({ field: f, reason: 'must be a language code such as "en" or "ru"' });
      return undefined;
    }
    return v.trim().toLowerCase();
  });
  const channels = list(o, 'channels', problems, 10, (v, f) => {
    if (!v || typeof v !== 'object') return void problems.push({ field: f, reason: 'must be an object {type, value, hours}' });
    const c = v as Record<string, unknown>;
    const sub: Problem[] = [];
    const type = str(c, 'type', sub, { required: true, max: 40 });
    const value = str(c, 'value', sub, { required: true });
    const hours = str(c, 'hours', sub, { max: 40 }) ?? '24/7';
    problems.push(...sub.map((p) => ({ field: `${f}.${p.field}`, reason: p.reason })));
    return type && value ? { type, value, hours } : undefined;
  });
  const alternates = list(o, 'alternates', problems, 5, (v, f) => {
    if (!v || typeof v !== 'object') return void problems.push({ field: f, reason: 'must be an object {name, email, phone}' });
    const a = v as Record<string, unknown>;
    const sub: Problem[] = [];
    const n = str(a, 'name', sub, { required: true });
    const e = email(a, 'email', sub, false);
    const p = str(a, 'phone', sub, { max: 40 });
    problems.push(...sub.map((s) => ({ field: `${f}.${s.field}`, reason: s.reason })));
    return n ? { name: n, email: e, phone: p } : undefined;
  });
  if (problems.length) return { problems };
  return {
    value: { state, kind, organisation: organisation!, role, name: name!, email: mail!, phone, channels, alternates, languages, timeZone, pgpKey },
    problems,
  };
}

function list<T>(o: Record<string, unknown>, field: string, problems: Problem[], max: number, item: (v: unknown, field: string) => T | undefined): T[] {
  const v = o[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ field, reason: 'must be a list' });
    return [];
  }
  if (v.length > max) {
    problems.push({ field, reason: `must hold at most ${max} entries` });
    return [];
  }
  const out: T[] = [];
  v.forEach((x, i) => {
    const r = item(x, `${field}[${i}]`);
    if (r !== undefined) out.push(r);
  });
  return out;
}

/** The stored part of a contact (state and kind are columns). */
export const dataOf = ({ state: _s, kind: _k, ...data }: ContactInput): ContactData => data;

/** Fields whose values differ between two versions. */
export const changedFields = (a: ContactData | null, b: ContactData): string[] =>
  CONTACT_FIELDS.filter((f) => !a || JSON.stringify(a[f]) !== JSON.stringify(b[f]));
