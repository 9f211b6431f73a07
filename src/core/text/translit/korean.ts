// Korean Hangul → Latin, computed from the syllable's jamo (U+AC00 block: initial, vowel, final): Revised Romanization in its
// sound-change-free form (South Korea), McCune–Reischauer without breves and apostrophes as North Korean documents and UN/OFAC
// lists write DPRK names (KIM KYONG MIN, RI CHOL, CHOE RYONG HAE), the DPRK practice of j for ㅈ (JO, JANG, JONG), and the
// usual spellings of frequent surnames (이 Lee/Yi/Ri/I, 박 Park/Pak/Bak, 최 Choi/Choe) as alternatives.

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/** Initials in jamo order ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ. */
const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
/** McCune–Reischauer initials where they are voiceless (word start, after k/t/p); ㄹ is r (North Korean practice keeps it). */
const MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'];
/** The same, voiced between vowels and after n, m, ng, l (ㄱ g, ㄷ d, ㅂ b, ㅈ j). */
const MR_VOICED: Readonly<Record<number, string>> = { 0: 'g', 3: 'd', 7: 'b', 12: 'j' };
/** Vowels in jamo order ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ. */
const RR_VOWEL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
/** McCune–Reischauer vowels with the breve dropped, as lists write them (ŏ → o, ŭ → u). */
const MR_VOWEL = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
/** Finals by the sound they have at a syllable's end (the same in both systems): k, n, t, l, m, p, ng. */
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** Conjoining final jamo (U+11A8…) in the order of the syllable finals 1…27. */
const FINAL_JAMO_FIRST = 0x11a8;

const ㄹ = 5;
const VOICING_FINALS = new Set(['', 'n', 'm', 'ng', 'l']);

interface Jamo {
  l: number;
  v: number;
  t: number;
}

/** The jamo of a precomposed syllable, undefined for any other character. */
function decompose(ch: string): Jamo | undefined {
  const cp = ch.codePointAt(0)!;
  if (cp < SYLLABLE_FIRST || cp > SYLLABLE_LAST) return undefined;
  const i = cp - SYLLABLE_FIRST;
  return { l: Math.floor(i / 588), v: Math.floor((i % 588) / 28), t: i % 28 };
}

/** A lone conjoining jamo (what NFKC makes of compatibility jamo such as ㄱ) romanised by its RR letter; other characters kept. */
function loneJamo(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x1100 && cp <= 0x1112) return RR_INITIAL[cp - 0x1100]!;
  if (cp >= 0x1161 && cp <= 0x1175) return RR_VOWEL[cp - 0x1161]!;
  if (cp >= FINAL_JAMO_FIRST && cp <= 0x11c2) return FINAL[cp - FINAL_JAMO_FIRST + 1]!;
  return ch;
}

type Scheme = 'rr' | 'mr' | 'dprk';

/**
 * One word's syllables romanised, each syllable apart (`split`) or the word joined. RR is letter by letter without sound
 * changes; MR and the DPRK practice voice ㄱ ㄷ ㅂ ㅈ after a vowel or n, m, ng, l inside the word (a split given name is still one
 * word: 경민 → kyong min), write ㄹ after ㄹ as l, and DPRK writes ㅈ as j everywhere.
 */
function syllables(word: string, scheme: Scheme): string[] {
  const out: string[] = [];
  let prevFinal: string | undefined;
  for (const ch of word) {
    const j = decompose(ch);
    if (!j) {
      const s = loneJamo(ch);
      if (out.length && s !== ch) out[out.length - 1] += s;
      else out.push(s);
      prevFinal = undefined;
      continue;
    }
    let initial: string;
    if (scheme === 'rr') initial = j.l === ㄹ && prevFinal === 'l' ? 'l' : RR_INITIAL[j.l]!;
    else {
      const voiced = prevFinal !== undefined && VOICING_FINALS.has(prevFinal) ? MR_VOICED[j.l] : undefined;
      initial = voiced ?? MR_INITIAL[j.l]!;
      if (scheme === 'dprk' && j.l === 12) initial = 'j';
      if (j.l === ㄹ && prevFinal === 'l') initial = 'l';
    }
    const vowel = (scheme === 'rr' ? RR_VOWEL : MR_VOWEL)[j.v]!;
    const final = FINAL[j.t]!;
    out.push(initial + vowel + final);
    prevFinal = final;
  }
  return out;
}

/** Two-syllable surnames, so that 남궁민 reads "namgung min" and not "nam gungmin". */
const COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '을지', '어금', '망절', '공손']);

/**
 * Spellings of frequent surnames beyond the computed RR and MR forms: South Korean passport conventions first, then North
 * Korean forms that keep an initial ㄹ (리 Ri for 이, 림 Rim for 임) and other forms lists use.
 */
const SURNAMES: Readonly<Record<string, readonly string[]>> = {
  이: ['lee', 'ri', 'yi', 'rhee'],
  리: ['lee', 'ri', 'yi'],
  김: ['kim'],
  박: ['park', 'pak', 'bak'],
  최: ['choi', 'choe'],
  정: ['jung', 'jong', 'chung', 'jeong'],
  강: ['kang'],
  조: ['cho', 'jo'],
  윤: ['yoon', 'yun'],
  장: ['jang', 'chang'],
  임: ['lim', 'rim', 'im', 'yim'],
  림: ['lim', 'rim', 'im'],
  한: ['han'],
  오: ['oh', 'o'],
  서: ['seo', 'suh', 'so'],
  신: ['shin', 'sin'],
  권: ['kwon', 'gwon'],
  황: ['hwang'],
  안: ['ahn', 'an'],
  송: ['song'],
  류: ['ryu', 'yoo', 'yu', 'lyu'],
  유: ['yoo', 'yu', 'ryu'],
  전: ['jeon', 'jon', 'chon', 'jun'],
  홍: ['hong'],
  고: ['ko', 'go'],
  문: ['moon', 'mun'],
  양: ['yang', 'ryang'],
  량: ['ryang', 'yang'],
  손: ['son', 'sohn'],
  배: ['bae', 'pae'],
  백: ['baek', 'paek', 'paik'],
  허: ['heo', 'ho', 'hur'],
  노: ['roh', 'no', 'ro', 'noh'],
  로: ['ro', 'roh', 'no'],
  남: ['nam'],
  심: ['shim', 'sim'],
  하: ['ha'],
  주: ['joo', 'ju', 'chu'],
  구: ['koo', 'ku', 'gu'],
  우: ['woo', 'u'],
  나: ['na', 'ra'],
  라: ['ra', 'na'],
  민: ['min'],
  진: ['jin', 'chin'],
  지: ['ji', 'chi'],
  엄: ['eom', 'um', 'om'],
  채: ['chae'],
  원: ['won'],
  천: ['cheon', 'chun', 'chon'],
  방: ['bang', 'pang'],
  공: ['kong', 'gong'],
  현: ['hyun', 'hyon', 'hyeon'],
  함: ['ham'],
  변: ['byun', 'pyon', 'byeon'],
  염: ['yeom', 'yom', 'ryom'],
  려: ['ryo', 'yeo'],
  여: ['yeo', 'yo', 'ryo'],
  연: ['yeon', 'yon', 'ryon'],
  석: ['seok', 'suk', 'sok'],
  선: ['sun', 'son', 'seon'],
  설: ['seol', 'sul', 'sol'],
  길: ['gil', 'kil'],
  명: ['myung', 'myong', 'myeong'],
  기: ['ki', 'gi'],
  반: ['ban', 'pan'],
  금: ['keum', 'kum', 'geum'],
  국: ['kook', 'kuk', 'guk'],
  도: ['do', 'to'],
  태: ['tae', 'thae'],
  차: ['cha'],
  곽: ['kwak', 'gwak'],
  성: ['sung', 'song', 'seong'],
};

/** South Korean spellings of surnames that North Korean orthography writes with an initial ㄹ (이 → 리 Ri, 임 → 림 Rim). */
const NORTH_SURNAMES: Readonly<Record<string, string>> = { 이: 'ri', 임: 'rim', 유: 'ryu', 노: 'ro', 나: 'ra', 양: 'ryang', 여: 'ryo', 연: 'ryon', 염: 'ryom' };

const isSyllable = (ch: string) => decompose(ch) !== undefined;

/** The surname of a name written as one word or as words: its first word when there are several, else its first syllable(s). */
function splitName(words: readonly string[]): { surname: string; given: string[] } | undefined {
  const chars = [...words[0]!];
  if (!chars.every(isSyllable)) return undefined;
  if (words.length > 1) return chars.length <= 2 ? { surname: words[0]!, given: words.slice(1) } : undefined;
  if (chars.length < 2 || chars.length > 5) return undefined;
  const two = chars.slice(0, 2).join('');
  const n = chars.length >= 3 && COMPOUND_SURNAMES.has(two) ? 2 : 1;
  return { surname: chars.slice(0, n).join(''), given: [chars.slice(n).join('')] };
}

const SCHEMES: readonly Scheme[] = ['mr', 'rr', 'dprk'];

/**
 * Ranked romanisations of a run of Hangul words read as a personal name, at most `max`: MR split by syllable
 * ("kim kyong min"), RR given name joined with the usual surname spelling ("kim gyeongmin"), the DPRK j form ("jo yong chol"),
 * MR joined, pure RR ("gim gyeongmin"), RR split, then the other surname spellings. Text that is not read as a name (no
 * Hangul syllables first, more than five syllables in one word) gets its MR, RR and DPRK spellings word by word.
 */
export function koreanName(words: readonly string[], max = 8): string[] {
  if (words.length === 0) return [''];
  const name = splitName(words);
  if (!name) {
    const out = new Set<string>();
    for (const scheme of SCHEMES) out.add(words.map((w) => syllables(w, scheme).join('')).join(' '));
    for (const scheme of SCHEMES) out.add(words.map((w) => syllables(w, scheme).join(' ')).join(' '));
    return [...out].slice(0, max);
  }
  const given = (scheme: Scheme, split: boolean) => name.given.map((w) => syllables(w, scheme).join(split ? ' ' : '')).join(' ');
  const computed = (scheme: Scheme) => syllables(name.surname, scheme).join('');
  const usual = SURNAMES[name.surname] ?? [];
  const mrSurname = name.surname === '이' || name.surname === '리' ? 'ri' : computed('mr');
  const dprkSurname = NORTH_SURNAMES[name.surname] ?? computed('dprk');
  const conventional = usual[0] ?? computed('mr');
  const out = new Set<string>();
  const add = (surname: string, rest: string) => out.add(rest ? `${surname} ${rest}` : surname);
  add(mrSurname, given('mr', true));
  add(conventional, given('rr', false));
  add(dprkSurname, given('dprk', true));
  add(mrSurname, given('mr', false));
  add(computed('rr'), given('rr', false));
  add(conventional, given('rr', true));
  for (const s of usual) add(s, given('rr', false));
  for (const s of usual) add(s, given('mr', true));
  return [...out].slice(0, max);
}

export type KoreanSystem = 'rr' | 'mr';
export const KOREAN_SYSTEMS: readonly KoreanSystem[] = ['rr', 'mr'];

/** One word by one system, syllables joined, without surname conventions (한국 → "hanguk" RR, "han'guk" folded "hanguk" MR). */
export function koreanWordWith(word: string, system: KoreanSystem): string {
  return syllables(word, system).join('');
}
