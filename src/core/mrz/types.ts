// The contract of MRZ reading (Doc 9303 parts 3-7): what `parseMrz` returns, for the CLI, the API, the document check and the web.
export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

/** One field as read. `value` is decoded (dates ISO `1974-08-12`, names with spaces, fillers removed); `raw` is the characters on the line. */
export interface MrzField {
  value: string | null;
  valid: boolean;
  raw: string;
  /** 1-based line and column of the field's first character; `length` characters long. */
  line: number;
  column: number;
  length: number;
}

export interface MrzProblem {
  /** The field the problem is in (`documentNumber`, `birthDateCheckDigit`, `compositeCheckDigit`, …) or `mrz` for the whole. */
  field: string;
  line: number;
  column: number;
  /** Stable code, one of MRZ_PROBLEM_CODES. */
  code: MrzProblemCode;
  detail: string;
}

/** The stable problem codes. `expired` is only ever a warning. */
export const MRZ_PROBLEM_CODES = [
  'empty',
  'too-long',
  'bad-line-count',
  'bad-line-length',
  'bad-character',
  'check-digit',
  'invalid-date',
  'unknown-country',
  'bad-sex',
  'bad-document-code',
  'missing-field',
  'expired',
] as const;
export type MrzProblemCode = (typeof MRZ_PROBLEM_CODES)[number];

/** A corrected reading that passes the check digits: OCR confusions (O/0, I/1, B/8, S/5, Z/2, D/0, G/6) undone. Never applied silently. */
export interface MrzSuggestion {
  lines: string[];
  changes: Array<{ field: string; line: number; column: number; from: string; to: string }>;
  detail: string;
}

export interface MrzCountry {
  /** The code as on the document, fillers removed (`D`, `UTO`, `XXA`). */
  icao: string;
  /** FollowTheMoney country code (ISO alpha-2 lower case, or `xk`, `un`, `eu`), null for organisations, stateless, refugees and specimens. */
  alpha2: string | null;
  /** English name or meaning; null when the code is unknown. */
  name: string | null;
}

export interface MrzResult {
  format: MrzFormat | null;
  /** Well-formed: every check digit, date, code and character right. Expiry does not make an MRZ invalid; see `expiry`. */
  valid: boolean;
  /** Issued by the ICAO specimen state `UTO` (or with nationality `UTO`): a specimen, not an error. */
  specimen: boolean;
  /** The lines as read, upper-cased, spaces removed (each cut to 200 characters). */
  lines: string[];
  /**
   * documentCode, issuingState, documentNumber, documentNumberCheckDigit, lastName, firstNames, nationality,
   * birthDate, birthDateCheckDigit, sex, expiryDate, expiryDateCheckDigit, optionalData, optionalDataCheckDigit (TD3),
   * optionalData2 (TD1), compositeCheckDigit (those the format has). Empty when the lines have the wrong shape.
   */
  fields: Record<string, MrzField>;
  /** Expiry relative to the date the caller gave: `valid`, `expired`, or `unknown` when the expiry date is unreadable or absent. */
  expiry: 'valid' | 'expired' | 'unknown';
  /** ICAO 9303 codes beside their FtM / ISO alpha-2 (lower case) where one exists, e.g. `{icao:'D', alpha2:'de'}`. */
  issuingCountry: MrzCountry | null;
  nationalityCountry: MrzCountry | null;
  /** What makes the MRZ invalid; empty when `valid`. */
  errors: MrzProblem[];
  /** What is worth telling but does not make it invalid (`expired`). */
  warnings: MrzProblem[];
  suggestions: MrzSuggestion[];
}

export interface ParseMrzOptions {
  /** "Today" for expiry and century inference; default the current date. */
  today?: Date;
  /** Look for OCR-corrected readings when the MRZ is invalid (default true). */
  suggest?: boolean;
}
