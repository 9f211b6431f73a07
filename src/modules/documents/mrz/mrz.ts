// MRZ reading for the documents module: the pure parser and generator of src/core/mrz, re-exported for the module's parts.
export { parseMrz, generateMrz, checkDigit, mrzCountry, DOC9303_SPECIMENS, type MrzInputFields } from '../../../core/mrz/index.js';
