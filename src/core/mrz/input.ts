// MRZ input as typed, pasted or scanned: lines split, spaces dropped, upper-cased; bounded so megabytes cost nothing.
import type { MrzProblem } from './types.js';

/** More than this many characters in all is no MRZ (the longest is 90), so the rest is not read. */
export const MAX_INPUT = 1000;
/** Lines in a result are cut to this many characters. */
export const MAX_LINE_ECHO = 200;

export interface MrzInput {
  lines: string[];
  problem: MrzProblem | null;
}

const whole = (code: MrzProblem['code'], detail: string): MrzProblem => ({ field: 'mrz', line: 1, column: 1, code, detail });

/** Splits and cleans the input. A single line of 90, 88 or 72 characters (a scanner that sent no line breaks) is cut into its lines. */
export function readInput(input: unknown): MrzInput {
  let pieces: string[];
  if (typeof input === 'string') pieces = [input];
  else if (Array.isArray(input)) pieces = (input as unknown[]).filter((x): x is string => typeof x === 'string');
  else return { lines: [], problem: whole('empty', 'no MRZ given: expected its lines as text') };
  let total = 0;
  for (const p of pieces) total += p.length;
  if (total > MAX_INPUT * 4) return { lines: [], problem: whole('too-long', `${total} characters is far more than an MRZ has (at most 90)`) };
  let lines: string[] = [];
  for (const p of pieces) {
    for (const l of p.split(/\r\n|\r|\n/)) {
      const clean = l.replace(/[\s\u00a0]+/g, '').toUpperCase();
      if (clean) lines.push(clean);
    }
  }
  if (lines.length === 1) {
    const one = lines[0]!;
    if (one.length === 90) lines = [one.slice(0, 30), one.slice(30, 60), one.slice(60)];
    else if (one.length === 88) lines = [one.slice(0, 44), one.slice(44)];
    else if (one.length === 72) lines = [one.slice(0, 36), one.slice(36)];
  }
  total = 0;
  for (const l of lines) total += l.length;
  if (!lines.length) return { lines, problem: whole('empty', 'no MRZ given: the input is empty') };
  if (total > MAX_INPUT)
    return {
      lines: lines.slice(0, 3).map((l) => l.slice(0, MAX_LINE_ECHO)),
      problem: whole('too-long', `${total} characters is far more than an MRZ has (at most 90)`),
    };
  return { lines, problem: null };
}
