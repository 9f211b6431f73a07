// Cuts well-shaped MRZ lines into fields (names split at `<<`, TD1/TD2 long document numbers joined) with their 1-based places.
import type { Layout } from './layouts.js';
import type { MrzField } from './types.js';

const trimFillers = (s: string) => s.replace(/^<+|<+$/g, '');

const field = (raw: string, line: number, start: number, value: string | null = raw): MrzField => ({
  value,
  valid: true,
  raw,
  line: line + 1,
  column: start + 1,
  length: raw.length,
});

/**
 * Fills `fields` from the lines. Returns, for a long TD1/TD2 document number, the texts its check digit may be computed over
 * (Doc 9303: the whole number; some issuers: the number with the filler that replaced the check digit), else null.
 */
export function readFields(layout: Layout, lines: readonly string[], fields: Record<string, MrzField>): string[] | null {
  for (const s of layout.slots) {
    const r = lines[s.line]!.slice(s.start, s.start + s.length);
    if (s.kind === 'name') {
      const cut = r.indexOf('<<');
      const last = cut < 0 ? r : r.slice(0, cut);
      const rest = cut < 0 ? '' : r.slice(cut + 2);
      fields.lastName = field(last, s.line, s.start, last.replace(/<+$/, '').replace(/</g, ' '));
      fields.firstNames = field(rest, s.line, s.start + last.length + (cut < 0 ? 0 : 2), rest.replace(/<+$/, '').replace(/</g, ' '));
      continue;
    }
    fields[s.name] = field(r, s.line, s.start, s.kind === 'text' ? trimFillers(r) : r);
  }
  return layout.longNumber ? joinLongNumber(fields) : null;
}

/** The field a character at (0-based) line and index belongs to; searched, as it is only asked when a character is wrong. */
export function fieldAt(fields: Record<string, MrzField>, line: number, index: number): string {
  for (const name in fields) {
    const f = fields[name]!;
    if (f.line === line + 1 && index + 1 >= f.column && index + 1 < f.column + f.length) return name;
  }
  return 'mrz';
}

/**
 * A document number longer than 9 characters (TD1, TD2): `<` where its check digit would be, the rest of the number
 * and then its check digit at the start of the optional data, followed by a filler.
 */
function joinLongNumber(fields: Record<string, MrzField>): string[] | null {
  const num = fields.documentNumber!;
  const digit = fields.documentNumberCheckDigit!;
  const opt = fields.optionalData!;
  if (digit.raw !== '<' || opt.raw.charAt(0) === '<' || opt.raw === '') return null;
  let end = opt.raw.indexOf('<');
  if (end < 0) end = opt.raw.length;
  if (end < 2) return null; // one character: no continuation and a digit; read as a short number whose check digit is missing
  const rest = opt.raw.slice(0, end - 1);
  const line = num.line - 1;
  const principal = num.raw;
  fields.documentNumber = { ...field(principal + '<' + rest, line, num.column - 1, (principal + rest).replace(/</g, '')), valid: true };
  const digitAt = opt.column - 1 + end - 1;
  fields.documentNumberCheckDigit = field(opt.raw.charAt(end - 1), line, digitAt);
  const after = opt.raw.slice(end);
  fields.optionalData = field(after, line, digitAt + 1, trimFillers(after));
  return [principal + rest, principal + '<' + rest];
}
