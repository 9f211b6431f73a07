// parseMrz: reads and validates one MRZ of any of the five Doc 9303 formats; never throws, every problem located by line and column.
import { readInput } from './input.js';
import { formatOf, LAYOUTS } from './layouts.js';
import { suggestCorrections } from './ocr.js';
import type { MrzFormat, MrzProblem, MrzResult, ParseMrzOptions } from './types.js';
import { readLayout } from './validate.js';

const WIDTHS: Readonly<Record<number, string>> = { 30: 'TD1', 36: 'TD2 or MRV-B', 44: 'TD3 or MRV-A' };

function emptyResult(lines: string[], format: MrzFormat | null, errors: MrzProblem[]): MrzResult {
  return {
    format,
    valid: false,
    specimen: false,
    lines,
    fields: {},
    expiry: 'unknown',
    issuingCountry: null,
    nationalityCountry: null,
    errors,
    warnings: [],
    suggestions: [],
  };
}

/** The width the lines should have, from their count and the widths seen. */
function expectedWidth(lines: readonly string[]): number {
  if (lines.length === 3) return 30;
  if (lines.some((l) => l.length === 44)) return 44;
  if (lines.some((l) => l.length === 36)) return 36;
  return Math.abs(lines[0]!.length - 36) < Math.abs(lines[0]!.length - 44) ? 36 : 44;
}

/** Reads an MRZ given as one text (lines split by newlines) or as its lines. Never throws: problems are in `errors`. */
export function parseMrz(input: string | readonly string[], opts: ParseMrzOptions = {}): MrzResult {
  const today = opts.today instanceof Date && !Number.isNaN(opts.today.getTime()) ? opts.today : new Date();
  const { lines, problem } = readInput(input);
  if (problem) return emptyResult(lines, null, [problem]);
  if (lines.length !== 2 && lines.length !== 3) {
    const detail = `an MRZ has 2 lines (TD2, TD3, MRV-A, MRV-B) or 3 lines (TD1); this has ${lines.length}`;
    return emptyResult(
      lines.slice(0, 3).map((l) => l.slice(0, 200)),
      null,
      [{ field: 'mrz', line: 1, column: 1, code: 'bad-line-count', detail }],
    );
  }
  const shape = lines.every((l) => l.length === 30) ? 30 : lines.every((l) => l.length === 36 || l.length === 44) ? lines[0]!.length : 0;
  if ((lines.length === 2 && shape === 30) || (lines.length === 3 && shape > 30)) {
    const detail =
      shape === 30 ? `a TD1 MRZ (lines of 30 characters) has 3 lines; this has 2` : `an MRZ with lines of ${shape} characters has 2 lines; this has 3`;
    return emptyResult(lines, shape === 30 ? 'TD1' : null, [{ field: 'mrz', line: lines.length, column: 1, code: 'bad-line-count', detail }]);
  }
  const width = expectedWidth(lines);
  const format = formatOf(lines.length, width, lines[0]!.charAt(0));
  const lengthErrors: MrzProblem[] = [];
  lines.forEach((l, i) => {
    if (l.length !== width) {
      const detail = `line ${i + 1} has ${l.length} characters; a ${format ?? WIDTHS[width]} line has ${width}`;
      lengthErrors.push({ field: 'mrz', line: i + 1, column: Math.min(l.length, width) + 1, code: 'bad-line-length', detail });
    }
  });
  if (lengthErrors.length || !format)
    return emptyResult(
      lines.map((l) => l.slice(0, 200)),
      format,
      lengthErrors,
    );
  const result = readLayout(LAYOUTS[format], lines, today);
  if (!result.valid && opts.suggest !== false) result.suggestions = suggestCorrections(result, (l) => parseMrz(l, { today, suggest: false }));
  return result;
}
