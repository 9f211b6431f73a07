// The text functions the matcher uses, in one place, from core/text (normalisation, scripts, romanisation, names, phonetics).
import {
  abjadKey,
  commaName,
  equivalentTokens,
  firstScript,
  foldDiacritics,
  isLatin,
  isPlainTitle,
  normaliseText,
  parseName,
  phoneticKeys,
  romanise as romaniseText,
  spellingKey,
  tokens,
  wadeGilesToPinyin,
  type ScriptName,
} from '../text/index.js';

export { abjadKey, commaName, isLatin, isPlainTitle, normaliseText, parseName, spellingKey };

/** Normalised tokens with Latin diacritics folded (ä → a); tokens of other scripts kept as they are. */
export function nameTokens(s: string): string[] {
  return tokens(s).map((t) => foldDiacritics(t));
}

/** Latin spellings of a name written in another script (empty when it is Latin or its script has no romanisation here). */
export function romanise(s: string): string[] {
  if (isLatin(s)) return [];
  return romaniseText(s).filter((v) => v !== '' && isLatin(v));
}

/** Other spellings of a Latin-script name: a Wade–Giles name in Pinyin (Hsi Chin-ping → xi jinping); empty when none. */
export function respell(s: string): string[] {
  return wadeGilesToPinyin(s);
}

const NONE: readonly string[] = [];

/** Other spellings of the same name token (mohammed: muhammad, mohamed …); empty when none is known. */
export function equivalents(token: string): readonly string[] {
  const set = equivalentTokens(token);
  return set.size > 1 ? [...set].filter((t) => t !== token) : NONE;
}

const HAN_CHARACTER = /^\p{Script=Han}$/u;

/**
 * Phonetic keys of a Latin token (Double Metaphone codes and consonant skeleton); of one Han character, its Pinyin
 * reading (homophones and simplified/traditional forms of a character share it); empty for other tokens.
 */
export function phonetic(token: string): readonly string[] {
  if (/^[a-z]{2,}$/.test(token)) return phoneticKeys(token);
  if (HAN_CHARACTER.test(token)) {
    const reading = romaniseText(token).find((r) => /^[a-z]+$/.test(r));
    return reading ? [`p:${reading}`] : NONE;
  }
  return NONE;
}

/** Scripts written a syllable per character, where a different character is a different name part however alike it sounds. */
const SYLLABIC = new Set<ScriptName>(['Han', 'Kana', 'Hangul']);

/** True when two names are written in the same syllabic script (they are then compared as written, not through romanisations). */
export function sameSyllabicScript(a: string, b: string): boolean {
  const s = firstScript(a);
  return s !== undefined && SYLLABIC.has(s) && firstScript(b) === s;
}

/** Scripts written without most vowels (abjads): a romanisation chooses the vowels, and writes sounds the script lacks as it can. */
const ABJADS = new Set<ScriptName>(['Arabic', 'Hebrew']);

/** True when `s` is written in an abjad (Arabic, Hebrew). */
export function inAbjad(s: string): boolean {
  const script = firstScript(s);
  return script !== undefined && ABJADS.has(script);
}
