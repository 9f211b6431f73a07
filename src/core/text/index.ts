// Text engine for matching: normalisation, scripts, transliteration, name equivalents, name parts and phonetic keys.
export { foldDiacritics, normaliseText, tokens, type FoldStyle } from './normalise.js';
export { detectScripts, firstScript, isLatin, type ScriptName } from './scripts.js';
export {
  guessCyrillicLanguage,
  MAX_VARIANTS,
  romanise,
  romaniseWith,
  type ArabicStyle,
  type ArmenianSystem,
  type CyrillicLanguage,
  type CyrillicSystem,
  type GeorgianSystem,
  type GreekSystem,
  type KanaSystem,
  type KoreanSystem,
  type RomanisationSystem,
  type RomaniseOptions,
  wadeGilesToPinyin,
} from './translit/index.js';
export { areEquivalent, equivalentTokens, equivalentsSize } from './equivalents.js';
export {
  commaName,
  introducesName,
  isPlainTitle,
  parseName,
  stripLegalForm,
  type LegalForm,
  type NameToken,
  type NameTokenKind,
  type ParsedName,
} from './names.js';
export { LEGAL_FORMS, type LegalFormKind, type LegalFormSpec } from './legal-forms.js';
export { abjadKey, consonantSkeleton, doubleMetaphone, phoneticKeys, spellingKey } from './phonetic.js';
