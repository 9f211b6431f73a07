// Writes generated segments as EDIFACT text: separators, release characters, UNT counts, and optional carrier quirks.

/** A segment as data: tag and elements, each element its components. */
export type Seg = [tag: string, ...elements: Array<string | string[]>];

/** Deviations real carriers make, to exercise data-quality reporting in demos and tests. */
export interface Quirks {
  /** Custom separators announced in UNA: [component, element, release, terminator]. */
  separators?: [string, string, string, string];
  /** Every fifth segment follows the previous one on the same line. */
  severalPerLine?: boolean;
  /** Spaces before NAD/TIF segments. */
  leadingSpaces?: boolean;
  /** Names in mixed case. */
  mixedCaseNames?: boolean;
  /** UNT and CNT/EQN counts off by one. */
  wrongCounts?: boolean;
  /** A transmission trailer after UNZ. */
  junkAfterUnz?: boolean;
  /** An empty segment after the message header. */
  emptySegments?: boolean;
}

const mixed = (v: string) => v.toLowerCase().replace(/(^|[\s-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

/** Mixed case when the quirk is on. */
export const nameCase = (q: Quirks, v: string) => (q.mixedCaseNames ? mixed(v) : v);

/** Wraps message body segments with UNH … UNT and counts them (off by one with `wrongCounts`). */
export function message(reference: string, type: Seg[number][], body: Seg[], q: Quirks, extraUnh: Array<string | string[]> = []): Seg[] {
  const segs: Seg[] = [['UNH', reference, type as string[], ...extraUnh], ...body];
  return [...segs, ['UNT', String(segs.length + 1 + (q.wrongCounts ? 1 : 0)), reference]];
}

/** Serialises an interchange: UNA, segments one per line (with the quirks asked for), UNZ. */
export function writeInterchange(segments: Seg[], q: Quirks = {}): string {
  const [comp, elem, rel, term] = q.separators ?? [':', '+', '?', "'"];
  const special = new RegExp(`[${[comp, elem, rel, term].map((c) => `\\${c}`).join('')}]`, 'g');
  const esc = (v: string) => v.replace(special, (c) => rel + c);
  const out: string[] = [`UNA${comp}${elem}.${rel} ${term}`];
  segments.forEach((s, i) => {
    const [tag, ...els] = s;
    const parts = [tag, ...els.map((e) => (Array.isArray(e) ? e.map(esc).join(comp) : esc(e)))];
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    let line = parts.join(elem) + term;
    if (q.leadingSpaces && (tag === 'NAD' || tag === 'TIF')) line = `  ${line}`;
    if (q.emptySegments && tag === 'UNH') line += term;
    if (q.severalPerLine && i % 5 === 4) out[out.length - 1] += line;
    else out.push(line);
  });
  return out.join('\n') + '\n' + (q.junkAfterUnz ? 'NNNN\n' : '');
}

/** `2026-12-01T10:05` → `2612011005` (API format 201). */
export const apiDateTime = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
/** `1980-08-12` → `800812`. */
export const apiDate = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
/** `2026-12-01T10:05` → [`011226`, `1005`] (PNRGOV). */
export const pnrDateTime = (iso: string): [string, string] => [iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(2, 4), iso.slice(11, 13) + iso.slice(14, 16)];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** `1980-08-12` → `12AUG80` (AIRIMP). */
export const airimpDate = (iso: string) => `${iso.slice(8, 10)}${MONTHS[Number(iso.slice(5, 7)) - 1]}${iso.slice(2, 4)}`;
/** UNB date and time (syntax 4: CCYYMMDD). */
export const unbDateTime = (iso: string): [string, string] => [iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10), iso.slice(11, 13) + iso.slice(14, 16)];
