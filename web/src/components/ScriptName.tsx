// Names in any writing system: the script is detected from the text, shown isolated (dir="auto") with a matching lang.
import type { MessageKey } from '../i18n';

interface ScriptDef {
  /** ISO 15924 code. */
  code: string;
  pattern: RegExp;
  /** The lang attribute: the language when the script has essentially one, else "und-<script>" (language unknown). */
  lang: string | undefined;
}

// Order matters only for ties; kana is checked before Han so Japanese text with kanji counts as Japanese.
const SCRIPTS: readonly ScriptDef[] = [
  { code: 'Latn', pattern: /\p{Script=Latin}/u, lang: undefined },
  { code: 'Arab', pattern: /\p{Script=Arabic}/u, lang: 'und-Arab' },
  { code: 'Cyrl', pattern: /\p{Script=Cyrillic}/u, lang: 'und-Cyrl' },
  { code: 'Jpan', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja' },
  { code: 'Kore', pattern: /\p{Script=Hangul}/u, lang: 'ko' },
  { code: 'Hani', pattern: /\p{Script=Han}/u, lang: 'zh' },
  { code: 'Grek', pattern: /\p{Script=Greek}/u, lang: 'el' },
  { code: 'Hebr', pattern: /\p{Script=Hebrew}/u, lang: 'und-Hebr' },
  { code: 'Thai', pattern: /\p{Script=Thai}/u, lang: 'th' },
  { code: 'Geor', pattern: /\p{Script=Georgian}/u, lang: 'ka' },
  { code: 'Armn', pattern: /\p{Script=Armenian}/u, lang: 'hy' },
  { code: 'Deva', pattern: /\p{Script=Devanagari}/u, lang: 'und-Deva' },
  { code: 'Beng', pattern: /\p{Script=Bengali}/u, lang: 'und-Beng' },
  { code: 'Ethi', pattern: /\p{Script=Ethiopic}/u, lang: 'und-Ethi' },
  { code: 'Mymr', pattern: /\p{Script=Myanmar}/u, lang: 'my' },
  { code: 'Khmr', pattern: /\p{Script=Khmer}/u, lang: 'km' },
  { code: 'Syrc', pattern: /\p{Script=Syriac}/u, lang: 'und-Syrc' },
  { code: 'Thaa', pattern: /\p{Script=Thaana}/u, lang: 'dv' },
];

const LETTER = /\p{L}/u;

export interface ScriptInfo {
  /** ISO 15924 code of the script most letters are in, or null when there are no letters or it is not one we know. */
  code: string | null;
  lang: string | undefined;
}

/** The dominant script of `text` (letters only; digits and punctuation are common to all scripts). */
export function scriptOf(text: string): ScriptInfo {
  const counts = new Map<ScriptDef, number>();
  let kana = false;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    const def = SCRIPTS.find((s) => s.pattern.test(ch));
    if (!def) continue;
    if (def.code === 'Jpan') kana = true;
    counts.set(def, (counts.get(def) ?? 0) + 1);
  }
  let best: ScriptDef | undefined;
  let most = 0;
  for (const [def, n] of counts) {
    if (n > most) {
      best = def;
      most = n;
    }
  }
  // Kanji mixed with kana is Japanese, not Chinese.
  if (best?.code === 'Hani' && kana) best = SCRIPTS.find((s) => s.code === 'Jpan');
  return best ? { code: best.code, lang: best.lang } : { code: null, lang: undefined };
}

/** The message key naming a script, e.g. `script.Arab` → "Arabic". */
export const scriptKey = (code: string): MessageKey => `script.${code}` as MessageKey;

/** A name of a person, organisation or place as written in its own script: isolated from the text around it. */
export function ScriptName({ children, className }: { children: string; className?: string }) {
  const { lang } = scriptOf(children);
  return (
    <bdi dir="auto" lang={lang} className={className}>
      {children}
    </bdi>
  );
}
