// Cyrillic → Latin: ICAO 9303, BGN/PCGN, ISO 9 (folded), national systems and older French/German spellings, per language.
import { applyTable, compileTable, table, type CompiledTable } from './rules.js';

export type CyrillicLanguage = 'ru' | 'uk' | 'be' | 'sr' | 'bg' | 'kk' | 'ky' | 'tg';
export type CyrillicSystem = 'icao' | 'bgn' | 'english' | 'passport-1997' | 'iso9' | 'french' | 'german' | 'national';

const VOWELS = 'аеёиоуыэюяіїєўәөүұӣӯъьй';

/** ICAO 9303 Part 3 (2013), with the Central Asian letters as passports of those States write them. */
const ICAO = table(`а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts
  ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia ґ=g є=ie і=i ї=i ў=u ђ=d ћ=c џ=dz љ=lj њ=nj ј=j ѓ=g ќ=k ѕ=dz
  ә=a ғ=g қ=k ң=n ө=o ү=u ұ=u һ=h ӣ=i ӯ=u ҳ=kh ҷ=dzh`);
/** BGN/PCGN 1947 (Russian), diacritics folded: ye/yo after vowels and at the start, -iy/-yy endings. */
const BGN = table(`а=a б=b в=v г=g д=d е=e ^<е=ye ё=e ^<ё=ye ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u
  ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya ье=ye ьё=yo ъе=ye ґ=g є=ye і=i ї=yi ў=w ђ=dj ћ=c џ=dzh
  љ=lj њ=nj ј=j ѓ=g ќ=k ѕ=dz ә=a ғ=gh қ=q ң=ng ө=o ү=u ұ=u һ=h ӣ=i ӯ=u ҳ=kh ҷ=j`);
/** English press practice: BGN with x for кс, yo for ё, -y endings and -nder for a final ндр (Alexander). */
const ENGLISH = table(`кс=x ё=yo ^<ё=yo ий$=y ый$=y ой$=oy ия$=ia ндр$=nder`);
/** Russian internal-affairs passport practice before ICAO 2013 (1997): BGN letters without the ye rule. */
const PASSPORT_1997 = table(`е=e ^<е=e ё=e ^<ё=e й=y ь= ъ= ю=yu я=ya ы=y х=kh`);
/** ISO 9:1995 with its diacritics folded (ž → z, č → c, ŝ → s, û → u, â → a). */
const ISO9 = table(`а=a б=b в=v г=g д=d е=e ё=e ж=z з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=h ц=c
  ч=c ш=s щ=s ъ= ы=y ь= э=e ю=u я=a ґ=g є=e і=i ї=i ў=u ђ=d ћ=c џ=d љ=l њ=n ј=j ѓ=g ќ=k ѕ=z ә=a ғ=g қ=k ң=n ө=o
  ү=u ұ=u һ=h ӣ=i ӯ=u ҳ=h ҷ=c`);
/** French spellings on older lists: ou for у, ch for ш, tch for ч, j for ж, gu before е/и, ï for й. */
const FRENCH = table(`у=ou ш=ch ч=tch щ=chtch ж=j х=kh ц=ts й=i ю=iou я=ia ё=io е=e <е=ie ^е=ie кс=x ге=gue ги=gui
  ий$=i ый$=y ы=y с=s <с=ss э=e ь= ъ=`);
/** German (Duden) spellings: w for в, sch for ш, tsch for ч, j for й/ю/я, s/ss for с, z for ц, ch for х. */
const GERMAN = table(`в=w ш=sch ч=tsch щ=schtsch ж=sch з=s с=s <с=ss х=ch ц=z й=i ^й=j ю=ju я=ja ё=jo е=e <е=je ^е=je кс=x
  ий$=i ый$=y ь= ъ= э=e ы=y`);

/** Ukrainian national system (КМУ 2010): г → h, и → y, initial forms ye/yi/y/yu/ya, зг → zgh. */
const UK_NATIONAL = table(`г=h ґ=g е=e є=ie ^є=ye и=y і=i ї=i ^ї=yi й=i ^й=y ю=iu ^ю=yu я=ia ^я=ya зг=zgh ь= х=kh щ=shch`);
const UK_BGN = table(`г=h и=y є=ye і=i ї=yi й=y ю=yu я=ya е=e ^<е=e`);
const UK_ICAO = table(`и=y е=e ^<е=e`);
/** Belarusian passport practice (Lukashenka, Aliaksandr): г → h, я → ia, ў → u, е → e/ie, ё → io. */
const BE_PASSPORT = table(`г=h е=e ^<е=ie ё=io ^<ё=io ю=iu я=ia ^я=ia ў=u і=i й=i`);
const BE_BGN = table(`г=h ў=w е=ye ^<е=ye`);
/** Serbian and Macedonian: Gaj's Latin alphabet, folded, with đ as dj (or d), and an English-style variant. */
const SR_GAJ = table(`ђ=dj ж=z ј=j љ=lj њ=nj ћ=c х=h ц=c ч=c џ=dz ш=s ѓ=gj ќ=kj ѕ=dz`);
const SR_GAJ_D = table(`ђ=d ж=z ј=j љ=lj њ=nj ћ=c х=h ц=c ч=c џ=dz ш=s ѓ=g ќ=k ѕ=dz`);
const SR_ENGLISH = table(`ђ=dj ж=zh ј=y љ=lj њ=nj ћ=ch х=kh ц=ts ч=ch џ=dzh ш=sh`);
/** Bulgarian official Streamlined System (2009): ъ → a, щ → sht, х → h, ия at the end → ia. */
const BG_OFFICIAL = table(`х=h щ=sht ъ=a ь=y й=y ю=yu я=ya ия$=ia ц=ts`);
const BG_BGN = table(`щ=sht ъ=u ь= й=y`);
/** Kazakh: passport practice, the 2021 Latin alphabet folded, and BGN/PCGN. */
const KK_LATIN = table(`ә=a ғ=g қ=q ң=n ө=o ү=u ұ=u һ=h і=i ж=j х=h ы=y й=i у=u ц=ts ч=ch ш=sh щ=sh ю=iu я=ia`);
const KK_BGN = table(`ә=a ғ=gh қ=q ң=ng ө=o ү=u ұ=u һ=h і=i й=y`);
/** Kyrgyz and Tajik national practice. */
const KY_NATIONAL = table(`ж=j ң=ng ө=o ү=u й=y ю=yu я=ya е=e ^<е=ye`);
const TG_NATIONAL = table(`ғ=gh ӣ=i қ=q ӯ=u ҳ=h ҷ=j х=kh й=y ю=yu я=ya е=e ^<е=ye`);

type Systems = ReadonlyArray<readonly [CyrillicSystem, CompiledTable]>;
const c = (...layers: Parameters<typeof compileTable> extends [string, ...infer R] ? R : never) => compileTable(VOWELS, ...layers);

/** The systems used for each language, most common on documents and lists first. */
const BY_LANGUAGE: Readonly<Record<CyrillicLanguage, Systems>> = {
  ru: [
    ['icao', c(ICAO)],
    ['bgn', c(ICAO, BGN)],
    ['english', c(ICAO, BGN, ENGLISH)],
    ['passport-1997', c(ICAO, BGN, PASSPORT_1997)],
    ['iso9', c(ISO9)],
    ['french', c(ICAO, FRENCH)],
    ['german', c(ICAO, GERMAN)],
  ],
  uk: [
    ['national', c(ICAO, UK_NATIONAL)],
    ['bgn', c(ICAO, BGN, UK_BGN)],
    ['icao', c(ICAO, UK_ICAO)],
    ['iso9', c(ISO9)],
    ['english', c(ICAO, BGN, ENGLISH, UK_BGN)],
  ],
  be: [
    ['national', c(ICAO, BE_PASSPORT)],
    ['bgn', c(ICAO, BGN, BE_BGN)],
    ['icao', c(ICAO)],
    ['iso9', c(ISO9)],
  ],
  sr: [
    ['national', c(ICAO, SR_GAJ)],
    ['iso9', c(ICAO, SR_GAJ_D)],
    ['english', c(ICAO, SR_ENGLISH)],
    ['icao', c(ICAO)],
  ],
  bg: [
    ['national', c(ICAO, BG_OFFICIAL)],
    ['bgn', c(ICAO, BGN, BG_BGN)],
    ['icao', c(ICAO)],
    ['iso9', c(ISO9)],
  ],
  kk: [
    ['icao', c(ICAO)],
    ['bgn', c(ICAO, BGN, KK_BGN)],
    ['national', c(ICAO, KK_LATIN)],
    ['iso9', c(ISO9)],
  ],
  ky: [
    ['national', c(ICAO, KY_NATIONAL)],
    ['icao', c(ICAO)],
    ['bgn', c(ICAO, BGN, KK_BGN)],
  ],
  tg: [
    ['national', c(ICAO, TG_NATIONAL)],
    ['icao', c(ICAO)],
    ['bgn', c(ICAO, BGN, KK_BGN)],
  ],
};

const KAZAKH = /[әғқңөұүһ]/;
const KYRGYZ_ONLY = /[ңөү]/;
const TAJIK = /[ӣӯҳҷ]/;
const UKRAINIAN = /[іїєґ]/;
/** Ukrainian adjectival family names (-ський, -цька): Russian writes -ский, -цкая. */
const UKRAINIAN_SURNAME = /[сзц]ьк(?:ий|а)(?![\p{L}\p{M}])/u;
const BELARUSIAN = /ў/;
const SERBIAN = /[ђћџљњјѓќѕ]/;
const BULGARIAN = /ъ[бвгджзклмнпрстфхцчшщ]|щ[ъ]/;
const RUSSIAN_ONLY = /[ыэё]/;

/** Guesses the language of a Cyrillic text from the letters only some alphabets have (Russian when none). */
export function guessCyrillicLanguage(s: string): CyrillicLanguage {
  if (TAJIK.test(s)) return 'tg';
  if (KAZAKH.test(s) && /[әғқұһі]/.test(s)) return 'kk';
  if (KYRGYZ_ONLY.test(s)) return 'ky';
  if (BELARUSIAN.test(s)) return 'be';
  if (UKRAINIAN.test(s) || UKRAINIAN_SURNAME.test(s)) return 'uk';
  if (SERBIAN.test(s)) return 'sr';
  if (BULGARIAN.test(s) && !RUSSIAN_ONLY.test(s)) return 'bg';
  return 'ru';
}

/** The romanisations of one lower-case Cyrillic word, one per system of the language, in the language's order. */
export function cyrillicWord(word: string, lang: CyrillicLanguage): string[] {
  return BY_LANGUAGE[lang].map(([, t]) => applyTable(word, t));
}

/** The romanisation of one word by one system (falling back to the language's first system when it has not that one). */
export function cyrillicWordWith(word: string, lang: CyrillicLanguage, system: CyrillicSystem): string {
  const systems = BY_LANGUAGE[lang];
  const found = systems.find(([id]) => id === system) ?? systems[0]!;
  return applyTable(word, found[1]);
}

export const CYRILLIC_SYSTEMS: readonly CyrillicSystem[] = ['icao', 'bgn', 'english', 'passport-1997', 'iso9', 'french', 'german', 'national'];
