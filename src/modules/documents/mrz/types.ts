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
  /** Stable code: `bad-line-count`, `bad-line-length`, `bad-character`, `check-digit`, `invalid-date`, `unknown-country`, `bad-sex`, `bad-document-code`, `expired`, … */
  code: string;
  detail: string;
}

/** A corrected reading that passes the check digits: OCR confusions (O/0, I/1, B/8, S/5, Z/2) undone in numeric fields. Never applied silently. */
export interface MrzSuggestion {
  lines: string[];
  changes: Array<{ field: string; line: number; column: number; from: string; to: string }>;
  detail: string;
}

export interface MrzResult {
  format: MrzFormat | null;
  /** Well-formed: every check digit, date, code and character right. Expiry does not make an MRZ invalid; see `expired`. */
  valid: boolean;
  /** Issued by the ICAO specimen state `UTO` (or another specimen code): a specimen, not an error. */
  specimen: boolean;
  /** The lines as read, upper-cased and trimmed. */
  lines: string[];
  /**
   * documentCode, issuingState, documentNumber, documentNumberCheckDigit, lastName, firstNames, nationality,
   * birthDate, birthDateCheckDigit, sex, expiryDate, expiryDateCheckDigit, optionalData, optionalData2,
   * compositeCheckDigit (those the format has).
   */
  fields: Record<string, MrzField>;
  /** Expiry relative to the date the caller gave: `valid`, `expired`, or `unknown` when the expiry date is unreadable or absent. */
  expiry: 'valid' | 'expired' | 'unknown';
  /** ICAO 9303 codes beside their ISO alpha-2 (lower case) where one exists, e.g. `{icao:'D', alpha2:'de'}`. */
  issuingCountry: { icao: string; alpha2: string | null; name: string | null } | null;
  nationalityCountry: { icao: string; alpha2: string | null; name: string | null } | null;
  errors: MrzProblem[];
  suggestions: MrzSuggestion[];
}

export interface ParseMrzOptions {
  /** "Today" for expiry and century inference; default the current date. */
  today?: Date;
}
