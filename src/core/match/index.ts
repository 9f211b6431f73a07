// The screening engine: candidate index, name and evidence features, logistic scorer with explanations, fitting.
export { CandidateIndex, DEFAULT_LIMIT, type Candidate, type IndexedEntity, type IndexStats } from './candidates.js';
export { match, scoreSubjects, thresholdFor, compatibleSchemas, type MatchConfig, type MatchOptions, type MatchResult, type Scored } from './scorer.js';
export { screen, type ScreenMatch, type ScreenOptions, type ScreenResult } from './screen.js';
export { prepareSubject, documentKey, type MatchEntity, type ScreeningQuery, type Subject } from './subject.js';
export { explanationOf, type ExplanationItem } from './explain.js';
export type { DocumentRef, Evidence } from './evidence.js';
export { compareForms, bestNameComparison, tokenWeight, type NameComparison } from './features.js';
export { FEATURES, NAME_FEATURES, EVIDENCE_FEATURES, FEATURE_INDEX, type FeatureName } from './feature-list.js';
export { DEFAULT_MODEL, loadWeights, nameLogit, type Model, type Weights, type Thresholds } from './weights.js';
export { fitLogistic, type Fitted, type FitOptions } from './fit.js';
export { Lexicon, Kind, type Token } from './lexicon.js';
export { nameForms, type NameForm, type NameSource, type NameStyle } from './names.js';
export { jaro, jaroWinkler, levenshtein, levenshteinSimilarity } from './strings.js';
