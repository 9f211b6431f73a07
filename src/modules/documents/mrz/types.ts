// The contract of MRZ reading, defined with the pure parser in src/core/mrz and re-exported here for the module's users.
export { MRZ_FORMATS, MRZ_PROBLEM_CODES } from '../../../core/mrz/types.js';
export type { MrzFormat, MrzField, MrzProblem, MrzProblemCode, MrzSuggestion, MrzCountry, MrzResult, ParseMrzOptions } from '../../../core/mrz/types.js';
