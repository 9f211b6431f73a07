// The human form of an MRZ reading for the CLI: verdict, the lines with problems marked, a field table, problems and suggestions.
import type { MrzResult } from './types.js';

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  TD1: 'TD1 card',
  TD2: 'TD2 card',
  TD3: 'TD3 passport',
  MRVA: 'MRV-A visa',
  MRVB: 'MRV-B visa',
};

export interface FieldRow {
  field: string;
  value: string;
  raw: string;
  at: string;
  ok: string;
}

export function verdictLine(r: MrzResult): string {
  const what = r.format ? FORMAT_NAMES[r.format]! : 'MRZ';
  const n = r.errors.length;
  const verdict = r.valid ? 'VALID' : `INVALID (${n} problem${n === 1 ? '' : 's'})`;
  const notes = [r.specimen ? 'specimen' : '', r.expiry === 'expired' ? 'expired' : r.expiry === 'valid' ? 'not expired' : ''].filter(Boolean);
  return `${what}: ${verdict}${notes.length ? `, ${notes.join(', ')}` : ''}`;
}

/** Each line, and under it `^` at every column a problem names. */
export function markedLines(r: MrzResult): string[] {
  const out: string[] = [];
  r.lines.forEach((line, i) => {
    out.push(`  ${line}`);
    const cols = r.errors.filter((e) => e.line === i + 1 && e.field !== 'mrz').map((e) => e.column);
    if (cols.length) {
      const marks = Array.from({ length: Math.max(...cols) }, (_, k) => (cols.includes(k + 1) ? '^' : ' ')).join('');
      out.push(`  ${marks}`);
    }
  });
  return out;
}

export function fieldRows(r: MrzResult): FieldRow[] {
  return Object.entries(r.fields)
    .sort(([, a], [, b]) => a.line - b.line || a.column - b.column)
    .map(([field, f]) => ({ field, value: f.value ?? '(unreadable)', raw: f.raw, at: `${f.line}:${f.column}`, ok: f.valid ? 'ok' : 'PROBLEM' }));
}

export function problemLines(r: MrzResult): string[] {
  const out = r.errors.map((e) => `  line ${e.line} column ${e.column}  ${e.field}  ${e.code}: ${e.detail}`);
  for (const w of r.warnings) out.push(`  note: ${w.detail}`);
  for (const s of r.suggestions) out.push(`  suggestion: ${s.detail}`, ...s.lines.map((l) => `    ${l}`));
  return out;
}
