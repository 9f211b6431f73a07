// The text functions the matcher uses, in one place, from core/text (normalisation, scripts, romanisation, names, phonetics).
import { equivalentTokens, foldDiacritics, isLatin, normaliseText, parseName, phoneticKeys, romanise as romaniseText, tokens } from '../text/index.js';

export { isLatin, normaliseText, parseName };

/** Normalised tokens with Latin diacritics folded (ä → a); tokens of other scripts kept as they are. */
export function nameTokens(s: string): string[] {
  return tokens(s).map((t) => foldDiacritics(t));
}

/** Latin spellings of a name written in another script (empty when it is Latin or its script has no romanisation here). */
export function romanise(s: string): string[] {
  if (isLatin(s)) return [];
  return romaniseText(s).filter((v) => v !== '' && isLatin(v));
}

const NONE: readonly string[] = [];

/** Other spellings of the same name token (mohammed: muhammad, mohamed …); empty when none is known. */
export function equivalents(token: string): readonly string[] {
  const set = equivalentTokens(token);
  return set.size > 1 ? [...set].filter((t) => t !== token) : NONE;
}

/** Phonetic keys of a Latin token (Double Metaphone codes and consonant skeleton); empty for other tokens. */
export function phonetic(token: string): readonly string[] {
  return /^[a-z]{2,}$/.test(token) ? phoneticKeys(token) : NONE;
}
