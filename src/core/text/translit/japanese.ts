// Japanese kana (hiragana and katakana) → Latin: Hepburn as passports write it (long vowels not marked, ん as m before b, m, p),
// Hepburn with long vowels written out (satou), the passport "oh" for a long o (satoh), Kunrei-shiki (si, ti, tu, hu, zi, sya),
// and, for katakana words, the foreign name without its final added vowel (バラク baraku → barak).

/** Hepburn per hiragana (katakana are mapped onto hiragana first); Kunrei-shiki differs only where KUNREI says. */
const HEPBURN: Readonly<Record<string, string>> = Object.fromEntries(
  `あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto なna にni ぬnu ねne のno
  はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo らra りri るru れre ろro わwa ゐi ゑe をo
  がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo
  ぁa ぃi ぅu ぇe ぉo ゃya ゅyu ょyo ゎwa ゕka ゖke ゔvu
  きゃkya きゅkyu きょkyo しゃsha しゅshu しょsho ちゃcha ちゅchu ちょcho にゃnya にゅnyu にょnyo ひゃhya ひゅhyu ひょhyo
  みゃmya みゅmyu みょmyo りゃrya りゅryu りょryo ぎゃgya ぎゅgyu ぎょgyo じゃja じゅju じょjo ぢゃja ぢゅju ぢょjo
  びゃbya びゅbyu びょbyo ぴゃpya ぴゅpyu ぴょpyo
  ふぁfa ふぃfi ふぇfe ふぉfo ふゅfyu てぃti でぃdi とぅtu どぅdu てゅtyu でゅdyu うぃwi うぇwe うぉwo いぇye
  しぇshe じぇje ちぇche つぁtsa つぃtsi つぇtse つぉtso ゔぁva ゔぃvi ゔぇve ゔぉvo くぁkwa ぐぁgwa`
    .trim()
    .split(/\s+/)
    .map((e) => {
      const kana = e.replace(/[a-z]+$/, '');
      return [kana, e.slice(kana.length)];
    }),
);
const KUNREI: Readonly<Record<string, string>> = {
  し: 'si',
  ち: 'ti',
  つ: 'tu',
  ふ: 'hu',
  じ: 'zi',
  ぢ: 'zi',
  づ: 'zu',
  しゃ: 'sya',
  しゅ: 'syu',
  しょ: 'syo',
  ちゃ: 'tya',
  ちゅ: 'tyu',
  ちょ: 'tyo',
  じゃ: 'zya',
  じゅ: 'zyu',
  じょ: 'zyo',
  ぢゃ: 'zya',
  ぢゅ: 'zyu',
  ぢょ: 'zyo',
};
/** Katakana with no hiragana counterpart. */
const KATAKANA_ONLY: Readonly<Record<string, string>> = { ヷ: 'va', ヸ: 'vi', ヹ: 've', ヺ: 'vo' };
/** Small kana that join the kana before them into one mora. */
const SMALL = new Set([...'ゃゅょぁぃぅぇぉゎ']);
const SOKUON = 'っ';
const N = 'ん';
const LONG = 'ー';
const REPEAT = new Set(['ゝ', 'ゞ', 'ヽ', 'ヾ']);
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const VOWEL_END = /[aeiou]$/;

export type KanaSystem = 'hepburn' | 'hepburn-long' | 'hepburn-oh' | 'kunrei';
export const KANA_SYSTEMS: readonly KanaSystem[] = ['hepburn', 'hepburn-long', 'hepburn-oh', 'kunrei'];

/** Katakana (U+30A1…U+30F6) onto hiragana (U+3041…U+3096); other characters kept. */
function toHiragana(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : ch;
}

type Mora = { kind: 'syllable'; hep: string; kun: string } | { kind: 'sokuon' } | { kind: 'n' } | { kind: 'long' } | { kind: 'other'; text: string };

/** The morae of a word: syllables (with their small kana), small tsu, ん, the long mark, and any other character as it is. */
function morae(word: string): Mora[] {
  const chars = [...word].map((c) => KATAKANA_ONLY[c] ?? toHiragana(c));
  const out: Mora[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const pair = i + 1 < chars.length && SMALL.has(chars[i + 1]!) ? c + chars[i + 1]! : undefined;
    if (pair && HEPBURN[pair] !== undefined) {
      out.push({ kind: 'syllable', hep: HEPBURN[pair], kun: KUNREI[pair] ?? HEPBURN[pair] });
      i++;
    } else if (c === SOKUON || c === 'ッ') out.push({ kind: 'sokuon' });
    else if (c === N) out.push({ kind: 'n' });
    else if (c === LONG) out.push({ kind: 'long' });
    else if (REPEAT.has(c)) {
      // ゝ repeats the kana before it, ゞ repeats it voiced (すゞき suzuki).
      const prev = i > 0 ? chars[i - 1]! : '';
      const kana = c === 'ゞ' || c === 'ヾ' ? (prev + '\u3099').normalize('NFC') : prev;
      const hep = HEPBURN[kana];
      out.push(hep !== undefined ? { kind: 'syllable', hep, kun: KUNREI[kana] ?? hep } : { kind: 'other', text: '' });
    } else if (HEPBURN[c] !== undefined) out.push({ kind: 'syllable', hep: HEPBURN[c], kun: KUNREI[c] ?? HEPBURN[c] });
    else if (/^[a-z]+$/.test(c)) out.push({ kind: 'syllable', hep: c, kun: c });
    else out.push({ kind: 'other', text: c });
  }
  return out;
}

/** The romanisation of one kana word by one system. */
function render(ms: readonly Mora[], system: KanaSystem): string {
  const kunrei = system === 'kunrei';
  const spelled = ms.map((m) => (m.kind === 'syllable' ? (kunrei ? m.kun : m.hep) : ''));
  let out = '';
  let lastVowel = '';
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.kind === 'syllable') {
      const s = spelled[i]!;
      // A bare vowel lengthening the one before (おう, おお, うう) is a long vowel: not written in passports, "h" after o in the
      // oh style, written out in the long style. ええ, ああ, いい are written as they are.
      const isLong = (s === 'u' && (lastVowel === 'o' || lastVowel === 'u')) || (s === 'o' && lastVowel === 'o');
      if (isLong && system !== 'hepburn-long') out += system === 'hepburn-oh' && lastVowel === 'o' ? 'h' : '';
      else out += s;
      lastVowel = isLong ? '' : VOWEL_END.test(s) ? s.slice(-1) : '';
    } else if (m.kind === 'long') {
      if (system === 'hepburn-long') out += lastVowel;
      else if (system === 'hepburn-oh' && lastVowel === 'o') out += 'h';
      lastVowel = '';
    } else if (m.kind === 'sokuon') {
      const next = ms[i + 1];
      const s = next?.kind === 'syllable' ? spelled[i + 1]! : '';
      if (s && !VOWEL_END.test(s[0]!)) out += s.startsWith('ch') && !kunrei ? 't' : s[0];
      lastVowel = '';
    } else if (m.kind === 'n') {
      const next = ms[i + 1];
      const s = next?.kind === 'syllable' ? spelled[i + 1]! : '';
      out += system === 'hepburn' && /^[bmp]/.test(s) ? 'm' : 'n';
      lastVowel = '';
    } else {
      out += m.text;
      lastVowel = '';
    }
  }
  return out;
}

const KATAKANA = /\p{Script=Katakana}/u;
/** A final vowel that Japanese adds to a foreign name's last consonant: -ku, -su, -ru, -to, -do … (バラク → barak). */
const EPENTHETIC = /(?<=[kgszfbpmr])u$|(?<=[td])o$/;

/**
 * Romanisations of one kana word, one per system in a fixed order (romanise combines a name's words system by system):
 * passport Hepburn, Hepburn with long vowels written out, the "oh" spelling, Kunrei-shiki, and passport Hepburn without a
 * final added vowel for a katakana word of three or more morae (passport Hepburn again for other words).
 */
export function kanaWord(word: string): string[] {
  if (!KANA.test(word)) return [word];
  const ms = morae(word);
  const out = KANA_SYSTEMS.map((system) => render(ms, system));
  const hep = out[0]!;
  const bare = KATAKANA.test(word) && ms.length >= 3 ? hep.replace(EPENTHETIC, '') : hep;
  out.push(bare.length >= 3 ? bare : hep);
  return out;
}

export function kanaWordWith(word: string, system: KanaSystem): string {
  return render(morae(word), system);
}
