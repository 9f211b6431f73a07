// Document numbers as read and as keyed: the cleaned number, its OCR-tolerant skeleton, and what differs between two readings.

/** Characters OCR confuses with digits (and digits with letters), folded to one representative in the skeleton. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  B: '8',
  S: '5',
  Z: '2',
  G: '6',
};

/** Longest document number kept (Doc 9303 allows 9 characters, 9 more in TD1 optional data; national registries a few more). */
export const MAX_NUMBER = 30;

/**
 * The number as registered: upper case, without spaces, hyphens, dots, slashes and MRZ fillers `<`.
 * Null when nothing but separators is left or a character other than A-Z and 0-9 remains.
 */
export function cleanNumber(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_NUMBER * 4) return null;
  const s = raw.toUpperCase().replace(/[\s\-./<_]+/g, '');
  if (!s || s.length > MAX_NUMBER || !/^[A-Z0-9]+$/.test(s)) return null;
  return s;
}

/** The OCR-tolerant key of a cleaned number: confusable letters folded to digits, leading zeros dropped. */
export function skeleton(clean: string): string {
  let out = '';
  for (const ch of clean) out += CONFUSABLE[ch] ?? ch;
  const trimmed = out.replace(/^0+/, '');
  return trimmed || '0';
}

export type Difference =
  | { kind: 'leading-zeros'; registered: number; read: number }
  | { kind: 'ocr-confusion'; position: number; registered: string; read: string }
  | { kind: 'separators'; read: string };

/**
 * What differs between the registered number and the one read (both cleaned, same skeleton): leading zeros, then each
 * position where one character stands for another its OCR confuses it with (1-based, within the number without leading zeros).
 */
export function differences(registered: string, read: string, rawRead?: string): Difference[] {
  const out: Difference[] = [];
  if (rawRead !== undefined && rawRead.trim().toUpperCase() !== read) out.push({ kind: 'separators', read: rawRead.slice(0, 60) });
  const zr = /^[0OQD]*/.exec(registered)![0];
  const zd = /^[0OQD]*/.exec(read)![0];
  // Leading characters that fold to zero are compared as leading zeros only when the skeletons drop them.
  const a = registered.slice(zr.length);
  const b = read.slice(zd.length);
  if (zr.length !== zd.length) out.push({ kind: 'leading-zeros', registered: zr.length, read: zd.length });
  else if (zr !== zd) out.push({ kind: 'ocr-confusion', position: 1, registered: zr, read: zd });
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push({ kind: 'ocr-confusion', position: zd.length + i + 1, registered: a[i]!, read: b[i]! });
  }
  return out;
}

/** One line for people: `leading zeros (registered 2, read 0); O read for 0 at 3`. */
export function describeDifferences(diffs: readonly Difference[]): string {
  return diffs
    .map((d) =>
      d.kind === 'leading-zeros'
        ? `leading zeros differ (registered ${d.registered}, read ${d.read})`
        : d.kind === 'separators'
          ? 'spaces, hyphens or fillers in the number as read'
          : `"${d.read}" read where "${d.registered}" is registered at character ${d.position}`,
    )
    .join('; ');
}
