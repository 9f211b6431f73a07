// Hebrew → Latin: consonants with modest vowel guesses (matres lectionis as o/u and i, one short vowel between consonants).
/* eslint-disable @typescript-eslint/no-unused-expressions -- comma sequences keep the rule branches on one line each */

const FINALS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const NIQQUD = /[\u0591-\u05c7]/g;
const GERESH: Record<string, string> = { "ג'": 'j', "ז'": 'zh', "צ'": 'ch', "ת'": 'th', "ח'": 'kh' };

interface HebrewStyle {
  /** consonant → [initial, medial] spellings */
  cons: Readonly<Record<string, readonly [string, string]>>;
  short: string;
  o: string;
  i: string;
}
const BASE: Record<string, readonly [string, string]> = {
  א: ['', ''],
  ב: ['b', 'v'],
  ג: ['g', 'g'],
  ד: ['d', 'd'],
  ה: ['h', 'h'],
  ז: ['z', 'z'],
  ח: ['kh', 'kh'],
  ט: ['t', 't'],
  כ: ['k', 'kh'],
  ל: ['l', 'l'],
  מ: ['m', 'm'],
  נ: ['n', 'n'],
  ס: ['s', 's'],
  ע: ['', ''],
  פ: ['p', 'f'],
  צ: ['ts', 'ts'],
  ק: ['k', 'k'],
  ר: ['r', 'r'],
  ש: ['sh', 'sh'],
  ת: ['t', 't'],
};
const STYLES: readonly HebrewStyle[] = [
  { cons: BASE, short: 'a', o: 'o', i: 'i' },
  { cons: { ...BASE, ח: ['ch', 'ch'], צ: ['tz', 'tz'], כ: ['k', 'ch'] }, short: 'e', o: 'o', i: 'i' },
  { cons: { ...BASE, ב: ['b', 'b'], כ: ['k', 'k'], פ: ['p', 'p'], ח: ['h', 'h'] }, short: 'a', o: 'u', i: 'i' },
];

/** Frequent words of Hebrew names, with their usual spellings. */
const FREQUENT: Readonly<Record<string, readonly string[]>> = {
  בן: ['ben'],
  בת: ['bat'],
  משה: ['moshe', 'moshe'],
  דוד: ['david', 'dovid'],
  יצחק: ['yitzhak', 'itzhak', 'isaac'],
  אברהם: ['avraham', 'abraham'],
  יעקב: ['yaakov', 'yakov', 'jacob'],
  יוסף: ['yosef', 'joseph'],
  שלמה: ['shlomo'],
  שמואל: ['shmuel', 'samuel'],
  בנימין: ['binyamin', 'benjamin'],
  אריאל: ['ariel'],
  מרים: ['miriam'],
  שרה: ['sara', 'sarah'],
  רחל: ['rachel', 'rahel'],
  לאה: ['lea', 'leah'],
  רבקה: ['rivka', 'rebecca'],
  יהודה: ['yehuda', 'judah'],
  אליהו: ['eliyahu', 'eliahu'],
  מיכאל: ['michael', 'mikhael'],
  דניאל: ['daniel'],
  חיים: ['chaim', 'haim', 'hayim'],
  אהרן: ['aharon', 'aaron'],
  אהרון: ['aharon', 'aaron'],
  נתן: ['natan', 'nathan'],
  שמעון: ['shimon', 'simon'],
  ראובן: ['reuven', 'ruben'],
  מנחם: ['menachem', 'menahem'],
};

function consonantAt(letter: string, initial: boolean, st: HebrewStyle): string {
  const c = st.cons[letter];
  return c ? c[initial ? 0 : 1] : letter;
}

function readWord(word: string, st: HebrewStyle): string {
  let out = '';
  let open = false;
  const isMater = (i: number) => {
    const ch = word[i];
    if (ch !== 'ו' && ch !== 'י') return false;
    if (i === 0 || word[i + 1] === ch || word[i - 1] === ch) return false;
    return true;
  };
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const pair = word.slice(i, i + 2);
    if (pair in GERESH) {
      out += GERESH[pair];
      i++;
      open = false;
      continue;
    }
    if (isMater(i)) {
      out += ch === 'ו' ? st.o : st.i;
      open = true;
      continue;
    }
    if (ch === 'ה' && i === word.length - 1 && i > 0) {
      out += open ? '' : st.short;
      break;
    }
    let latin: string;
    let doubled = false;
    if (ch === 'ו' || ch === 'י') {
      latin = ch === 'ו' ? 'v' : 'y';
      if (word[i + 1] === ch) (i++, (doubled = true));
    } else latin = consonantAt(ch, i === 0, st);
    if (doubled) open = false;
    out += latin;
    const next = i + 1 < word.length ? i + 1 : -1;
    if (next < 0) break;
    if (isMater(next) || (word[next] === 'ה' && next === word.length - 1)) open = false;
    else if (open) open = false;
    else ((out += st.short), (open = true));
  }
  return out;
}

/** Ranked romanisations of one Hebrew word (niqqud ignored, final letter forms read as their base letters). */
export function hebrewWord(word: string): string[] {
  const w = word.replace(NIQQUD, '').replace(/[ךםןףץ]/g, (c) => FINALS[c]!);
  const known = FREQUENT[w];
  if (known) return [...known];
  return [...new Set(STYLES.map((st) => readWord(w, st)))];
}
