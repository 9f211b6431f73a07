// Observable values in STIX objects: SCO values, and the equality comparisons of simple indicator patterns.
export const OBSERVABLE_KINDS = ['ip', 'domain', 'url', 'email', 'wallet', 'file-hash'] as const;
export type ObservableKind = (typeof OBSERVABLE_KINDS)[number];

export interface Observable {
  kind: ObservableKind;
  value: string;
}

/** SCO type and property → kind. */
const SCO: Readonly<Record<string, [string, ObservableKind]>> = {
  'ipv4-addr': ['value', 'ip'],
  'ipv6-addr': ['value', 'ip'],
  'domain-name': ['value', 'domain'],
  url: ['value', 'url'],
  'email-addr': ['value', 'email'],
  'cryptocurrency-wallet': ['address', 'wallet'], // OASIS cti-stix-common-objects extension SCO
};

/** Object paths in patterns → kind. */
const PATH: Readonly<Record<string, ObservableKind>> = {
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'domain-name:value': 'domain',
  'url:value': 'url',
  'email-addr:value': 'email',
  'email-message:from_ref.value': 'email',
  'cryptocurrency-wallet:address': 'wallet',
  "file:hashes.'SHA-256'": 'file-hash',
  'file:hashes.MD5': 'file-hash',
  "file:hashes.'SHA-1'": 'file-hash',
};

const MAX_VALUE = 2048;
const MAX_PATTERN = 4096; // the comparison scan is quadratic in the worst case: keep it bounded
/** `path = 'value'` with STIX pattern string escapes (\' and \\). */
const COMPARISON = /([a-z0-9-]+:[A-Za-z0-9_.'-]+)\s*=\s*'((?:[^'\\]|\\.){0,2048})'/g;

/** The observable values an object carries: one for an SCO, the equality comparisons of a STIX-pattern indicator. */
export function observablesOf(obj: Record<string, unknown>): Observable[] {
  const sco = typeof obj.type === 'string' ? SCO[obj.type] : undefined;
  if (sco) {
    const v = obj[sco[0]];
    return typeof v === 'string' && v && v.length <= MAX_VALUE ? [{ kind: sco[1], value: v }] : [];
  }
  if (obj.type !== 'indicator' || (obj.pattern_type !== undefined && obj.pattern_type !== 'stix')) return [];
  const pattern = typeof obj.pattern === 'string' ? obj.pattern.slice(0, MAX_PATTERN) : '';
  const out: Observable[] = [];
  const seen = new Set<string>();
  for (const m of pattern.matchAll(COMPARISON)) {
    const kind = PATH[m[1]!];
    if (!kind) continue;
    const value = m[2]!.replace(/\\(.)/g, '$1');
    const key = `${kind} ${value}`;
    if (value && !seen.has(key)) {
      seen.add(key);
      out.push({ kind, value });
    }
  }
  return out;
}
