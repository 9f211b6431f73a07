// Validation of well-shaped MRZ lines: characters, codes, names, sex, dates, check digits and the composite digit, each problem located.
import { charValue, checkDigit, checkDigitOf } from './check-digit.js';
import { mrzCountry, SPECIMEN_CODES } from './countries.js';
import { isBefore, readMrzDate, type MrzDate } from './dates.js';
import { fieldAt, readFields } from './fields.js';
import type { Layout } from './layouts.js';
import type { MrzCountry, MrzField, MrzProblem, MrzResult } from './types.js';

function add(errors: MrzProblem[], field: string, line: number, column: number, code: MrzProblem['code'], detail: string): void {
  errors.push({ field, line, column, code, detail });
}

export function readLayout(layout: Layout, lines: string[], today: Date): MrzResult {
  const errors: MrzProblem[] = [];
  const fields: Record<string, MrzField> = {};
  const covered = readFields(layout, lines, fields);

  // Characters outside the MRZ alphabet, named by the field they sit in.
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    for (let i = 0; i < line.length; i++) {
      if (charValue(line.charCodeAt(i)) < 0)
        add(errors, fieldAt(fields, li, i), li + 1, i + 1, 'bad-character', `"${line[i]}" is not an MRZ character (A-Z, 0-9, <)`);
    }
  }

  const issuing = readCountry(fields.issuingState!, 'issuingState', errors);
  const nationality = readCountry(fields.nationality!, 'nationality', errors);
  readDocumentCode(layout, fields.documentCode!, errors);
  readName(fields.lastName!, fields.firstNames!, errors);
  readSex(fields.sex!, errors);
  readDate(fields.birthDate!, 'birthDate', 'birth', today, errors);
  const expiry = readDate(fields.expiryDate!, 'expiryDate', 'expiry', today, errors);
  readChecks(layout, lines, covered, fields, errors);

  const warnings: MrzProblem[] = [];
  let expiryStatus: MrzResult['expiry'] = 'unknown';
  if (expiry) {
    expiryStatus = isBefore(expiry, today) ? 'expired' : 'valid';
    if (expiryStatus === 'expired') {
      const f = fields.expiryDate!;
      warnings.push({ field: 'expiryDate', line: f.line, column: f.column, code: 'expired', detail: `the document expired on ${expiry.iso}` });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const e of errors) {
    const f = fields[e.field];
    if (f) f.valid = false;
    // A failing check digit makes the field it covers untrustworthy too (which of the two is misread is unknown).
    if (e.code === 'check-digit') for (const [covered, digit] of layout.checks) if (digit === e.field) fields[covered]!.valid = false;
  }
  const specimen = SPECIMEN_CODES.has(fields.issuingState!.value ?? '') || SPECIMEN_CODES.has(fields.nationality!.value ?? '');
  return {
    format: layout.format,
    valid: errors.length === 0,
    specimen,
    lines,
    fields,
    expiry: expiryStatus,
    issuingCountry: issuing,
    nationalityCountry: nationality,
    errors,
    warnings,
    suggestions: [],
  };
}

function readCountry(f: MrzField, name: string, errors: MrzProblem[]): MrzCountry | null {
  const code = f.raw.replace(/<+$/, '');
  f.value = code;
  if (!code) {
    add(errors, name, f.line, f.column, 'missing-field', `${name === 'nationality' ? 'nationality' : 'issuing state'} is empty`);
    return null;
  }
  const country = /^[A-Z]{1,3}$/.test(code) ? mrzCountry(code) : null;
  if (!country) {
    add(errors, name, f.line, f.column, 'unknown-country', `"${f.raw}" is not a Doc 9303 code of a state or organisation`);
    return { icao: code, alpha2: null, name: null };
  }
  return country;
}

function readDocumentCode(layout: Layout, f: MrzField, errors: MrzProblem[]): void {
  const first = f.raw.charAt(0);
  const second = f.raw.charAt(1);
  f.value = f.raw.replace(/<+$/, '');
  const allowed = layout.format === 'TD3' ? 'P' : layout.format === 'MRVA' || layout.format === 'MRVB' ? 'V' : 'ACI';
  if (!allowed.includes(first)) {
    const want = allowed.length === 1 ? `"${allowed}"` : 'A, C or I';
    add(errors, 'documentCode', f.line, f.column, 'bad-document-code', `a ${layout.format} document code starts with ${want}, not "${first}"`);
  } else if (!/^[A-Z<]$/.test(second)) {
    add(errors, 'documentCode', f.line, f.column + 1, 'bad-document-code', `the second character of the document code is a letter or <, not "${second}"`);
  } else if (second === 'V' && allowed === 'ACI') {
    add(
      errors,
      'documentCode',
      f.line,
      f.column + 1,
      'bad-document-code',
      `"V" may not be the second character of a ${layout.format} document code (it marks visas)`,
    );
  }
}

/** Names hold letters and fillers only; the primary identifier (last name) is required. */
function readName(last: MrzField, first: MrzField, errors: MrzProblem[]): void {
  for (const [name, f] of [
    ['lastName', last],
    ['firstNames', first],
  ] as const) {
    for (let i = 0; i < f.raw.length; i++) {
      const c = f.raw.charCodeAt(i);
      if (c >= 48 && c <= 57) add(errors, name, f.line, f.column + i, 'bad-character', `a name holds letters and < only, not the digit "${f.raw[i]}"`);
    }
  }
  if (!last.value || last.raw.startsWith('<'))
    add(errors, 'lastName', last.line, last.column, 'missing-field', 'the name starts with fillers: the primary identifier (last name) is missing');
}

function readSex(f: MrzField, errors: MrzProblem[]): void {
  const c = f.raw;
  if (c === 'M' || c === 'F' || c === 'X') f.value = c;
  else if (c === '<') f.value = 'X';
  else {
    f.value = null;
    add(errors, 'sex', f.line, f.column, 'bad-sex', `sex is M, F, X or < (unspecified), not "${c}"`);
  }
}

function readDate(f: MrzField, name: string, kind: 'birth' | 'expiry', today: Date, errors: MrzProblem[]): MrzDate | null {
  const d = readMrzDate(f.raw, kind, today, kind === 'birth');
  if (typeof d === 'string') {
    f.value = null;
    add(errors, name, f.line, f.column, 'invalid-date', `${kind === 'birth' ? 'birth date' : 'expiry date'} "${f.raw}": ${d}`);
    return null;
  }
  f.value = d.iso;
  return d.iso.length === 10 ? d : null;
}

/** Check digits of each field and the composite; `<` stands for an empty field's digit. */
function readChecks(layout: Layout, lines: readonly string[], longNumber: string[] | null, fields: Record<string, MrzField>, errors: MrzProblem[]): void {
  for (const [name, digitName] of layout.checks) {
    const f = fields[name]!;
    const d = fields[digitName]!;
    const covered = f.raw;
    const c = d.raw;
    if (name === 'documentNumber' && !/[^<]/.test(covered)) {
      add(errors, name, f.line, f.column, 'missing-field', 'the document number is empty');
      continue;
    }
    if (c === '<') {
      if (/[^<]/.test(covered))
        add(errors, digitName, d.line, d.column, 'check-digit', `a filler stands where the check digit of ${name} is due (${checkDigit(covered)})`);
      continue;
    }
    if (c < '0' || c > '9') {
      if (charValue(c.charCodeAt(0)) >= 0) add(errors, digitName, d.line, d.column, 'bad-character', `a check digit is a digit, not "${c}"`);
      continue;
    }
    const texts = name === 'documentNumber' && longNumber ? longNumber : [covered];
    const want = checkDigit(texts[0]!);
    if (!texts.some((t) => checkDigit(t) === Number(c))) {
      add(errors, digitName, d.line, d.column, 'check-digit', `check digit ${c} does not match ${name} "${covered}" (its check digit is ${want})`);
    }
  }
  if (!layout.composite.length) return;
  const comp = fields.compositeCheckDigit!;
  const pieces = layout.composite.map(([line, start, end]) => lines[line]!.slice(start, end));
  const want = checkDigitOf(pieces);
  const c = comp.raw;
  if (c < '0' || c > '9') {
    if (charValue(c.charCodeAt(0)) >= 0)
      add(errors, 'compositeCheckDigit', comp.line, comp.column, 'check-digit', `the composite check digit is a digit (${want}), not "${c}"`);
  } else if (want !== Number(c)) {
    add(errors, 'compositeCheckDigit', comp.line, comp.column, 'check-digit', `composite check digit ${c} does not match (it is ${want})`);
  }
}
