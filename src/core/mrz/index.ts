// MRZ reading (ICAO Doc 9303 parts 3-7): parse and validate, generate, check digits and country codes; pure, usable in the web too.
export { parseMrz } from './parse.js';
export { generateMrz, type MrzInputFields } from './generate.js';
export { checkDigit, checkDigitOf } from './check-digit.js';
export { mrzCountry, mrzCodeOf, MRZ_COUNTRY_CODES, SPECIMEN_CODES } from './countries.js';
export { LETTER_TO_DIGIT, DIGIT_TO_LETTER } from './ocr.js';
export { DOC9303_SPECIMENS } from './specimens.js';
export * from './types.js';
