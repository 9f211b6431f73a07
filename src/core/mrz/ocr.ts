// OCR confusions (O/0, I/1, B/8, S/5, Z/2, D/0, G/6): corrected readings that make the check digits pass, offered, never applied.
import { checkDigit } from './check-digit.js';
import type { MrzField, MrzResult, MrzSuggestion } from './types.js';

/** Letters an OCR engine reads where a digit is printed. */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
/** Digits an OCR engine reads where a letter is printed (only the common pairs). */
export const DIGIT_TO_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

const NUMERIC = /^(birthDate|expiryDate|\w+CheckDigit)$/;
/** Alphanumeric fields a check digit covers, where a confusion may go either way. */
const MIXED = ['documentNumber', 'optionalData'] as const;
const MAX_CANDIDATES = 24;
const MAX_SUGGESTIONS = 5;

type Lines = string[][];

function fieldAt(fields: Record<string, MrzField>, line: number, column: number): string {
  for (const [name, f] of Object.entries(fields)) if (f.line === line && column >= f.column && column < f.column + f.length) return name;
  return 'mrz';
}

const checkOf = (name: string) => (name === 'documentNumber' ? 'documentNumberCheckDigit' : 'optionalDataCheckDigit');
const failing = (r: MrzResult, digit: string) => r.errors.some((e) => e.field === digit && e.code === 'check-digit');

/** Readings of an invalid MRZ with OCR confusions undone that pass every check digit; empty when there is none. */
export function suggestCorrections(result: MrzResult, reparse: (lines: string[]) => MrzResult): MrzSuggestion[] {
  if (!result.format || result.valid) return [];
  // Only a failing check digit or a misread character in a numeric field can be an OCR confusion worth undoing.
  if (!result.errors.some((e) => e.code === 'check-digit' || (NUMERIC.test(e.field) && (e.code === 'bad-character' || e.code === 'invalid-date')))) return [];
  const base: Lines = result.lines.map((l) => [...l]);
  // Letters in numeric fields (dates, check digits) can only be misread digits.
  for (const [name, f] of Object.entries(result.fields)) {
    if (!NUMERIC.test(name)) continue;
    for (let i = 0; i < f.length; i++) {
      const ch = base[f.line - 1]![f.column - 1 + i]!;
      const d = LETTER_TO_DIGIT[ch];
      if (d) base[f.line - 1]![f.column - 1 + i] = d;
    }
  }
  const baseText = base.map((l) => l.join(''));
  const baseResult = baseText.every((l, i) => l === result.lines[i]) ? result : reparse(baseText);
  // Alphanumeric fields whose check digit still fails: try each single confusion.
  let candidates: Lines[] = [base];
  for (const name of MIXED) {
    const f = baseResult.fields[name];
    if (!f || !baseResult.fields[checkOf(name)] || !failing(baseResult, checkOf(name))) continue;
    const digit = baseResult.fields[checkOf(name)]!.raw;
    if (digit < '0' || digit > '9') return [];
    const options: Array<[number, number, string]> = [];
    // A long TD1/TD2 number (`<` where its check digit would be) is checked with and without that filler.
    const long = f.raw.length > 9 && f.raw[9] === '<';
    for (let i = 0; i < f.length; i++) {
      const ch = f.raw[i]!;
      const to = LETTER_TO_DIGIT[ch] ?? DIGIT_TO_LETTER[ch];
      if (!to) continue;
      const text = f.raw.slice(0, i) + to + f.raw.slice(i + 1);
      const texts = long ? [text.slice(0, 9) + text.slice(10), text] : [text];
      if (texts.some((t) => String(checkDigit(t)) === digit)) options.push([f.line - 1, f.column - 1 + i, to]);
    }
    if (!options.length) return [];
    const next: Lines[] = [];
    for (const c of candidates) {
      for (const [li, ci, to] of options) {
        if (next.length >= MAX_CANDIDATES) break;
        const copy = c.map((l) => l.slice());
        copy[li]![ci] = to;
        next.push(copy);
      }
    }
    candidates = next;
  }
  const out: MrzSuggestion[] = [];
  for (const c of candidates) {
    const lines = c.map((l) => l.join(''));
    if (lines.every((l, i) => l === result.lines[i])) continue;
    const r = reparse(lines);
    if (r.errors.some((e) => e.code === 'check-digit' || e.code === 'bad-character')) continue;
    const changes: MrzSuggestion['changes'] = [];
    lines.forEach((l, li) => {
      for (let i = 0; i < l.length; i++) {
        if (l[i] !== result.lines[li]![i])
          changes.push({ field: fieldAt(result.fields, li + 1, i + 1), line: li + 1, column: i + 1, from: result.lines[li]![i]!, to: l[i]! });
      }
    });
    const what = changes.map((ch) => `${ch.from}→${ch.to} at line ${ch.line} column ${ch.column} (${ch.field})`).join(', ');
    out.push({ lines, changes, detail: `reading ${what} passes the check digits${r.valid ? '' : ' (other problems remain)'}` });
    if (out.length >= MAX_SUGGESTIONS) break;
  }
  return out.sort((a, b) => a.changes.length - b.changes.length);
}
