// Script detection: which Unicode scripts the letters of a text belong to (Unicode property escapes).

export type ScriptName =
  'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Georgian' | 'Armenian' | 'Han' | 'Kana' | 'Hangul' | 'Thai' | 'Devanagari' | 'Bengali' | 'Other';

/** One test per named script, compiled once; Kana covers Hiragana and Katakana. */
const SCRIPT_TESTS: ReadonlyArray<readonly [ScriptName, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
];
/** Letters of any script not named above (Common and Inherited characters, digits and punctuation do not count). */
const OTHER_LETTER =
  /(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}])[\p{L}\p{Mc}]/u;
// eslint-disable-next-line no-control-regex -- deliberate ranges
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_LETTER = /[A-Za-z]/;

/** The set of scripts whose letters occur in `s` ('Other' for letters of any other script). */
export function detectScripts(s: string): Set<ScriptName> {
  const out = new Set<ScriptName>();
  if (ASCII.test(s)) {
    if (ASCII_LETTER.test(s)) out.add('Latin');
    return out;
  }
  for (const [name, re] of SCRIPT_TESTS) if (re.test(s)) out.add(name);
  if (OTHER_LETTER.test(s)) out.add('Other');
  return out;
}

const NON_LATIN_LETTER = /(?!\p{Script=Latin})[\p{L}]/u;

/** True when every letter of `s` is Latin (texts without letters, such as numbers, count as Latin). */
export function isLatin(s: string): boolean {
  return ASCII.test(s) || !NON_LATIN_LETTER.test(s);
}

/** The script of the first letter of `s`, or undefined when it has none. */
export function firstScript(s: string): ScriptName | undefined {
  for (const ch of s) {
    if (ch < '\x80') {
      if (ASCII_LETTER.test(ch)) return 'Latin';
      continue;
    }
    for (const [name, re] of SCRIPT_TESTS) if (re.test(ch)) return name;
    if (OTHER_LETTER.test(ch)) return 'Other';
  }
  return undefined;
}
