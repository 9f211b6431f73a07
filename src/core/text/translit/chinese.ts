// Chinese → Latin: Hanyu Pinyin without tones per character (readings from pinyin-pro), surname first, with Wade–Giles surnames.
import { pinyin } from 'pinyin-pro';

/** Two-character surnames, so that 欧阳修 reads "ouyang xiu" and not "ou yangxiu". */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 夏侯 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 轩辕 端木 独孤 南宫 西门 百里 呼延 澹台 公冶 太史 申屠 万俟 闻人 赫连 钟离 宗政 濮阳 淳于 单于 司空 拓跋 歐陽 司馬 諸葛 東方 長孫 令狐 軒轅 獨孤 南宮 鍾離'.split(
    ' ',
  ),
);
/** Wade–Giles (and Hong Kong or Taiwan passport) spellings of frequent surnames, as older lists and documents write them. */
const WADE_GILES: Readonly<Record<string, string>> = {
  zhang: 'chang',
  zhou: 'chou',
  zhao: 'chao',
  zheng: 'cheng',
  zhu: 'chu',
  xu: 'hsu',
  xie: 'hsieh',
  xiao: 'hsiao',
  jiang: 'chiang',
  qian: 'chien',
  qiu: 'chiu',
  cai: 'tsai',
  cao: 'tsao',
  zeng: 'tseng',
  li: 'lee',
  guo: 'kuo',
  gao: 'kao',
  he: 'ho',
  song: 'sung',
  deng: 'teng',
  ye: 'yeh',
  kong: 'kung',
  jin: 'chin',
  zhuang: 'chuang',
  gong: 'kung',
  ren: 'jen',
  rong: 'jung',
};
const OPTIONS = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const;
const UMLAUT = /ü/g;

/** Ranked romanisations of a run of Han characters read as a personal name: "xi jinping", "xi jin ping", Wade–Giles surname. */
export function chineseWord(word: string): string[] {
  const syllables = pinyin(word, OPTIONS)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  if (syllables.length === 0) return [word];
  if (syllables.length === 1) return distinctUmlaut([syllables[0]!]);
  const surnameLength = syllables.length >= 3 && COMPOUND_SURNAMES.has(word.slice(0, 2)) ? 2 : 1;
  const surname = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength);
  const out = [`${surname} ${given.join('')}`, `${surname} ${given.join(' ')}`];
  const wg = WADE_GILES[surname];
  if (wg) out.push(`${wg} ${given.join('')}`);
  return distinctUmlaut(out);
}

/** ü is written u in most lists and yu in passports since 2012 (lü → lyu). */
function distinctUmlaut(list: string[]): string[] {
  const out = new Set<string>();
  for (const s of list) out.add(s.replace(UMLAUT, 'u'));
  for (const s of list) if (s.includes('ü')) out.add(s.replace(UMLAUT, 'yu'));
  return [...out];
}
