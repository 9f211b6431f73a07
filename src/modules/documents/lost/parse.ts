// Parser of lost and stolen document reports: CSV with a header, or JSON lines; every problem named by line, column and field.
import { issuingCountry, type IssuingCountry } from './countries.js';
import { cleanNumber, MAX_NUMBER } from './numbers.js';
import { splitCsv } from './csv.js';

export const FIELDS = ['issuingCountry', 'documentType', 'documentNumber', 'status', 'reportedOn'] as const;
export type ReportField = (typeof FIELDS)[number];

/** INTERPOL SLTD's categories, plus `stolen-blank` for a blank document stolen before issue. */
export const STATUSES = ['lost', 'stolen', 'stolen-blank', 'revoked', 'invalidated'] as const;
export type ReportStatus = (typeof STATUSES)[number];

export const MAX_LINE = 4096;

export interface Report {
  country: IssuingCountry;
  /** Doc 9303 document code (`P`, `PP`, `I`, `ID`, `AC`, `V` …) or null when not given. */
  documentType: string | null;
  /** Cleaned: upper case, no separators. */
  documentNumber: string;
  status: ReportStatus;
  /** ISO date or null. */
  reportedOn: string | null;
  line: number;
}

export interface ReportProblem {
  line: number;
  column: number;
  field: ReportField | 'header' | 'line';
  detail: string;
}

export type Format = 'csv' | 'jsonl';

const STATUS_ALIASES: Readonly<Record<string, ReportStatus>> = {
  blank: 'stolen-blank',
  'stolen blank': 'stolen-blank',
  invalid: 'invalidated',
  cancelled: 'invalidated',
};

function controlAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}

function isoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

/** Checks the values of one report; `at(field)` gives the column of a field. */
function toReport(values: Partial<Record<ReportField, unknown>>, line: number, at: (f: ReportField) => number): Report | ReportProblem {
  const problem = (field: ReportField, detail: string): ReportProblem => ({ line, column: at(field), field, detail });
  const str = (f: ReportField): string | ReportProblem => {
    const v = values[f];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') return problem(f, `must be text, not ${Array.isArray(v) ? 'an array' : typeof v}`);
    if (v.length > 200) return problem(f, `is longer than 200 characters`);
    const c = controlAt(v);
    if (c >= 0) return problem(f, `holds a control character at offset ${c}`);
    return v.trim();
  };
  const countryText = str('issuingCountry');
  if (typeof countryText !== 'string') return countryText;
  if (!countryText) return problem('issuingCountry', 'is required (ICAO 9303 code, ISO alpha-2 or alpha-3)');
  const country = issuingCountry(countryText);
  if (!country) return problem('issuingCountry', `"${countryText.slice(0, 40)}" is not a known country or ICAO 9303 code`);
  const typeText = str('documentType');
  if (typeof typeText !== 'string') return typeText;
  const documentType = typeText.replace(/<+$/, '').toUpperCase() || null;
  if (documentType !== null && !/^[A-Z][A-Z0-9]?$/.test(documentType))
    return problem('documentType', `"${typeText.slice(0, 40)}" is not a Doc 9303 document code (one or two letters: P, PP, I, ID, AC, V …)`);
  const numberText = str('documentNumber');
  if (typeof numberText !== 'string') return numberText;
  if (!numberText) return problem('documentNumber', 'is required');
  const documentNumber = cleanNumber(numberText);
  if (!documentNumber)
    return problem(
      'documentNumber',
      `"${numberText.slice(0, 40)}" is not a document number (letters A-Z and digits, at most ${MAX_NUMBER}, spaces and hyphens ignored)`,
    );
  const statusText = str('status');
  if (typeof statusText !== 'string') return statusText;
  const lower = statusText.toLowerCase();
  const status = (STATUSES as readonly string[]).includes(lower) ? (lower as ReportStatus) : STATUS_ALIASES[lower];
  if (!status)
    return problem('status', statusText ? `"${statusText.slice(0, 40)}" is not one of ${STATUSES.join(', ')}` : `is required: one of ${STATUSES.join(', ')}`);
  const dateText = str('reportedOn');
  if (typeof dateText !== 'string') return dateText;
  if (dateText && !isoDate(dateText)) return problem('reportedOn', `"${dateText.slice(0, 40)}" is not a date as YYYY-MM-DD`);
  return { country, documentType, documentNumber, status, reportedOn: dateText || null, line };
}

/** A line-at-a-time parser: the format is taken from the first line that is not blank (`{` starts JSON lines, else a CSV header). */
export class ReportParser {
  format: Format | null = null;
  private columns: Partial<Record<ReportField, number>> = {};
  private headerColumns: number[] = [];

  /** Null for a blank or header line, else the report or the problem of the line. */
  line(text: string, line: number): Report | ReportProblem | null {
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
    const body = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!body.trim()) return null;
    if (body.length > MAX_LINE) return { line, column: MAX_LINE + 1, field: 'line', detail: `the line is longer than ${MAX_LINE} characters` };
    if (this.format === null) {
      if (body.trimStart().startsWith('{')) this.format = 'jsonl';
      else {
        this.format = 'csv';
        return this.header(body, line);
      }
    }
    return this.format === 'jsonl' ? this.json(body, line) : this.csv(body, line);
  }

  private header(text: string, line: number): ReportProblem | null {
    const split = splitCsv(text);
    if ('error' in split) return { line, column: split.column, field: 'header', detail: split.error };
    const seen = new Set<string>();
    for (const [i, cell] of split.cells.entries()) {
      const name = cell.text.trim();
      const field = FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
      if (!field) return { line, column: cell.column, field: 'header', detail: `unknown column "${name.slice(0, 40)}"; the columns are ${FIELDS.join(',')}` };
      if (seen.has(field)) return { line, column: cell.column, field: 'header', detail: `column ${field} appears twice` };
      seen.add(field);
      this.columns[field] = i;
    }
    for (const f of ['issuingCountry', 'documentNumber', 'status'] as const)
      if (!seen.has(f)) return { line, column: 1, field: 'header', detail: `the header lacks column ${f} (columns: ${FIELDS.join(',')})` };
    this.headerColumns = split.cells.map((c) => c.column);
    return null;
  }

  private csv(text: string, line: number): Report | ReportProblem {
    const split = splitCsv(text);
    if ('error' in split) return { line, column: split.column, field: 'line', detail: split.error };
    const expected = this.headerColumns.length;
    if (split.cells.length !== expected)
      return {
        line,
        column: split.cells[Math.min(split.cells.length, expected) - 1]?.column ?? 1,
        field: 'line',
        detail: `${split.cells.length} cells where the header has ${expected}`,
      };
    const values: Partial<Record<ReportField, string>> = {};
    for (const f of FIELDS) {
      const i = this.columns[f];
      if (i !== undefined) values[f] = split.cells[i]!.text;
    }
    return toReport(values, line, (f) => {
      const i = this.columns[f];
      return i === undefined ? 1 : split.cells[i]!.column;
    });
  }

  private json(text: string, line: number): Report | ReportProblem {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
      return { line, column: m ? Number(m[1]) + 1 : 1, field: 'line', detail: 'not valid JSON' };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, column: 1, field: 'line', detail: 'each line must be a JSON object' };
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!(FIELDS as readonly string[]).includes(k))
        return { line, column: columnOfKey(text, k), field: 'line', detail: `unknown field "${k.slice(0, 40)}"; the fields are ${FIELDS.join(', ')}` };
    return toReport(o as Partial<Record<ReportField, unknown>>, line, (f) => columnOfKey(text, f));
  }
}

/** 1-based column of `"key"` in a JSON line (1 when not found as written). */
function columnOfKey(text: string, key: string): number {
  const i = text.indexOf(JSON.stringify(key));
  return i < 0 ? 1 : i + 1;
}

export const isProblem = (r: Report | ReportProblem | null): r is ReportProblem => r !== null && 'detail' in r;

/** `line 4, column 12 (documentNumber): …` */
export const describeProblem = (p: ReportProblem): string => `line ${p.line}, column ${p.column} (${p.field}): ${p.detail}`;
