// STIX 2.1 model and validation: what the rest of Vigil imports from core/stix.
export { StixValidator, STIX_ID, type StixIssue, type ObjectVerdict, type JsonSchema, type ValidateOptions, type Severity } from './validate.js';
export { readStix, objectsOf, type ReadResult } from './bundle.js';
export { isStixTimestamp, timestampKey, microTimestamp, microOf } from './timestamps.js';
export { TLP_LEVELS, TLP_MARKINGS, TLP2_EXTENSION, parseTlpLevel, tlpRank, objectTlp, markingRefsOf, tlpOfMarkingDefinition, type TlpLevel } from './tlp.js';
export { STIX_LIMITS, exceedsLimits, parseJson, childPath } from './limits.js';
export { checkRelationshipType } from './relationships.js';
export { observablesOf, OBSERVABLE_KINDS, type Observable, type ObservableKind } from './observables.js';
