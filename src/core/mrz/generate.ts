// generateMrz: the lines of an MRZ of any of the five formats from its fields, with every check digit computed (tests, the demo, specimens).
import { checkDigit, checkDigitOf } from './check-digit.js';
import { LAYOUTS } from './layouts.js';
import type { MrzFormat } from './types.js';

export interface MrzInputFields {
  format: MrzFormat;
  /** Default: `I` (TD1, TD2), `P` (TD3), `V` (visas). */
  documentCode?: string;
  /** Doc 9303 code: `UTO`, `D`, `GBR`, `XXA`. */
  issuingState: string;
  documentNumber: string;
  lastName: string;
  firstNames?: string;
  nationality: string;
  /** ISO `1974-08-12` (or `1974-08`, `1974` for a partly unknown birth date) or MRZ `740812`. */
  birthDate: string;
  sex: 'M' | 'F' | 'X' | '<';
  expiryDate: string;
  optionalData?: string;
  /** TD1 line 2. */
  optionalData2?: string;
  /** How a TD1/TD2 document number longer than 9 characters gets its check digit: over the whole number (Doc 9303) or with the filler. */
  longNumberPractice?: 'whole' | 'with-filler';
}

const DEFAULT_CODE: Readonly<Record<MrzFormat, string>> = { TD1: 'I', TD2: 'I', TD3: 'P', MRVA: 'V', MRVB: 'V' };

/** Upper case, spaces and punctuation to `<`, apostrophes dropped, accents stripped (no transliteration beyond that). */
export function mrzText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['’]/g, '')
    .replace(/[^A-Z0-9]+/g, '<')
    .replace(/^<+|<+$/g, '');
}

function fit(text: string, width: number, what: string): string {
  if (text.length > width) throw new RangeError(`${what} "${text}" is longer than ${width} characters`);
  return text.padEnd(width, '<');
}

function mrzDate(value: string, what: string): string {
  if (/^[0-9<]{6}$/.test(value)) return value;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new RangeError(`${what} "${value}" is neither ISO (1974-08-12) nor YYMMDD`);
  return m[1]!.slice(2) + (m[2] ?? '<<') + (m[3] ?? '<<');
}

const digit = (text: string) => (/[^<]/.test(text) ? String(checkDigit(text)) : '<');

/** The MRZ lines for the fields given. Throws RangeError when a field does not fit its format (this is for trusted callers). */
export function generateMrz(f: MrzInputFields): string[] {
  const layout = LAYOUTS[f.format];
  const width = layout.width;
  const code = fit(mrzText(f.documentCode ?? DEFAULT_CODE[f.format]), 2, 'document code');
  const state = fit(f.issuingState.toUpperCase(), 3, 'issuing state');
  const nationality = fit(f.nationality.toUpperCase(), 3, 'nationality');
  const given = mrzText(f.firstNames ?? '');
  const nameWidth = f.format === 'TD1' ? 30 : width - 5;
  const name = (mrzText(f.lastName) + (given ? '<<' + given : '')).slice(0, nameWidth).padEnd(nameWidth, '<');
  const birth = mrzDate(f.birthDate, 'birth date');
  const expiry = mrzDate(f.expiryDate, 'expiry date');
  const docNumber = mrzText(f.documentNumber);
  const optional = mrzText(f.optionalData ?? '');
  const optionalWidth = layout.slots.find((s) => s.name === 'optionalData')!.length;

  let numberPart: string;
  let optionalPart: string;
  if (docNumber.length > 9) {
    if (!layout.longNumber) throw new RangeError(`a ${f.format} document number has at most 9 characters, not ${docNumber.length}`);
    const principal = docNumber.slice(0, 9);
    const rest = docNumber.slice(9);
    const over = f.longNumberPractice === 'with-filler' ? principal + '<' + rest : docNumber;
    numberPart = principal + '<';
    optionalPart = fit(rest + checkDigit(over) + (optional ? '<' + optional : ''), optionalWidth, 'document number continued in the optional data');
  } else {
    numberPart = fit(docNumber, 9, 'document number') + digit(fit(docNumber, 9, 'document number'));
    optionalPart = fit(optional, optionalWidth, 'optional data');
  }
  const dates = birth + digit(birth) + f.sex + expiry + digit(expiry);

  if (f.format === 'TD1') {
    const l1 = code + state + numberPart + optionalPart;
    const l2head = dates + nationality + fit(mrzText(f.optionalData2 ?? ''), 11, 'optional data 2');
    const l2 = l2head + checkDigitOf([l1.slice(5, 30), l2head.slice(0, 7), l2head.slice(8, 15), l2head.slice(18, 29)]);
    return [l1, l2, name];
  }
  const l1 = code + state + name;
  const head = numberPart + nationality + dates;
  if (f.format === 'MRVA' || f.format === 'MRVB') return [l1, head + optionalPart];
  const body = f.format === 'TD3' ? head + optionalPart + digit(optionalPart) : head + optionalPart;
  return [l1, body + checkDigitOf([body.slice(0, 10), body.slice(13, 20), body.slice(21)])];
}
