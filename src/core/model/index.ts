// The FollowTheMoney entity model: schemata, countries, dates and entity checks, for every module.
export type { EntityData } from './types.js';
export { model, isListable, type Model, type Schema, type PropertySpec, type EdgeSpec } from './schema.js';
export { normaliseCountry, countryName, alpha3, countryKey, ICAO_CODES, COUNTRY_CODES, type CountryCode } from './countries.js';
export { normaliseDate, parseDate, isFtmDate, MAX_RANGE_YEARS, type ParsedDate } from './dates.js';
export { caption, validateEntity, cleanEntity, type EntityProblem } from './entity.js';
