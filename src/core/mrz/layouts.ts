// Where each field sits in the five MRZ formats (Doc 9303 parts 4-7), 0-based, and what the check digits cover.
import type { MrzFormat } from './types.js';

export type SlotKind = 'code' | 'country' | 'text' | 'name' | 'date' | 'sex' | 'digit';

export interface Slot {
  name: string;
  line: number;
  start: number;
  length: number;
  kind: SlotKind;
}

export interface Layout {
  format: MrzFormat;
  lines: number;
  width: number;
  slots: readonly Slot[];
  /** field → its check digit field. */
  checks: ReadonlyArray<readonly [string, string]>;
  /** Pieces [line, start, end) the composite check digit covers, in order; empty when the format has none. */
  composite: ReadonlyArray<readonly [number, number, number]>;
  /** Whether a document number longer than 9 characters may continue in the optional data (TD1, TD2). */
  longNumber: boolean;
}

const s = (name: string, line: number, start: number, length: number, kind: SlotKind): Slot => ({ name, line, start, length, kind });

const BASE_CHECKS = [
  ['documentNumber', 'documentNumberCheckDigit'],
  ['birthDate', 'birthDateCheckDigit'],
  ['expiryDate', 'expiryDateCheckDigit'],
] as const;

/** Line 2 of TD2, TD3, MRV-A and MRV-B, up to the optional data. */
const line2 = (optional: number): Slot[] => [
  s('documentNumber', 1, 0, 9, 'text'),
  s('documentNumberCheckDigit', 1, 9, 1, 'digit'),
  s('nationality', 1, 10, 3, 'country'),
  s('birthDate', 1, 13, 6, 'date'),
  s('birthDateCheckDigit', 1, 19, 1, 'digit'),
  s('sex', 1, 20, 1, 'sex'),
  s('expiryDate', 1, 21, 6, 'date'),
  s('expiryDateCheckDigit', 1, 27, 1, 'digit'),
  s('optionalData', 1, 28, optional, 'text'),
];

const line1 = (width: number): Slot[] => [s('documentCode', 0, 0, 2, 'code'), s('issuingState', 0, 2, 3, 'country'), s('name', 0, 5, width - 5, 'name')];

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = {
  TD1: {
    format: 'TD1',
    lines: 3,
    width: 30,
    slots: [
      s('documentCode', 0, 0, 2, 'code'),
      s('issuingState', 0, 2, 3, 'country'),
      s('documentNumber', 0, 5, 9, 'text'),
      s('documentNumberCheckDigit', 0, 14, 1, 'digit'),
      s('optionalData', 0, 15, 15, 'text'),
      s('birthDate', 1, 0, 6, 'date'),
      s('birthDateCheckDigit', 1, 6, 1, 'digit'),
      s('sex', 1, 7, 1, 'sex'),
      s('expiryDate', 1, 8, 6, 'date'),
      s('expiryDateCheckDigit', 1, 14, 1, 'digit'),
      s('nationality', 1, 15, 3, 'country'),
      s('optionalData2', 1, 18, 11, 'text'),
      s('compositeCheckDigit', 1, 29, 1, 'digit'),
      s('name', 2, 0, 30, 'name'),
    ],
    checks: BASE_CHECKS,
    composite: [
      [0, 5, 30],
      [1, 0, 7],
      [1, 8, 15],
      [1, 18, 29],
    ],
    longNumber: true,
  },
  TD2: {
    format: 'TD2',
    lines: 2,
    width: 36,
    slots: [...line1(36), ...line2(7), s('compositeCheckDigit', 1, 35, 1, 'digit')],
    checks: BASE_CHECKS,
    composite: [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 35],
    ],
    longNumber: true,
  },
  TD3: {
    format: 'TD3',
    lines: 2,
    width: 44,
    slots: [...line1(44), ...line2(14), s('optionalDataCheckDigit', 1, 42, 1, 'digit'), s('compositeCheckDigit', 1, 43, 1, 'digit')],
    checks: [...BASE_CHECKS, ['optionalData', 'optionalDataCheckDigit']],
    composite: [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 43],
    ],
    longNumber: false,
  },
  MRVA: { format: 'MRVA', lines: 2, width: 44, slots: [...line1(44), ...line2(16)], checks: BASE_CHECKS, composite: [], longNumber: false },
  MRVB: { format: 'MRVB', lines: 2, width: 36, slots: [...line1(36), ...line2(8)], checks: BASE_CHECKS, composite: [], longNumber: false },
};

/** The format of well-shaped lines: by line count and width, and the document code for visas (`V`). */
export function formatOf(lineCount: number, width: number, firstChar: string): MrzFormat | null {
  if (lineCount === 3) return 'TD1';
  if (lineCount !== 2) return null;
  if (width === 44) return firstChar === 'V' ? 'MRVA' : 'TD3';
  if (width === 36) return firstChar === 'V' ? 'MRVB' : 'TD2';
  return null;
}
