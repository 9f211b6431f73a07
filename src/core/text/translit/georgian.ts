// Georgian → Latin: the national system (2002) as passports write it, ISO 9984 folded, and Russian-mediated spellings.
import { applyTable, compileTable, table } from './rules.js';

const VOWELS = 'აეიოუ';
const NATIONAL = table(`ა=a ბ=b გ=g დ=d ე=e ვ=v ზ=z თ=t ი=i კ=k ლ=l მ=m ნ=n ო=o პ=p ჟ=zh რ=r ს=s ტ=t უ=u ფ=p ქ=k ღ=gh
  ყ=q შ=sh ჩ=ch ც=ts ძ=dz წ=ts ჭ=ch ხ=kh ჯ=j ჰ=h ჱ=e ჲ=y ჳ=w ჴ=q ჵ=o ჶ=f ჷ=y ჸ=' ჹ=ts ჺ=ts`);
const ISO9984 = table(`ჟ=z შ=s ჩ=c ც=c წ=c ჭ=c ხ=x ღ=g ძ=dz`);
const RUSSIAN = table(`ყ=k ჯ=dzh ღ=g`);

const SYSTEMS = [
  ['national', compileTable(VOWELS, NATIONAL)],
  ['iso9984', compileTable(VOWELS, NATIONAL, ISO9984)],
  ['russian', compileTable(VOWELS, NATIONAL, RUSSIAN)],
] as const;
export type GeorgianSystem = (typeof SYSTEMS)[number][0];

/** The romanisations of one lower-case Georgian word (Mtavruli capitals are folded to Mkhedruli by normalisation). */
export function georgianWord(word: string): string[] {
  return SYSTEMS.map(([, t]) => applyTable(word, t));
}
export function georgianWordWith(word: string, system: GeorgianSystem): string {
  return applyTable(word, (SYSTEMS.find(([id]) => id === system) ?? SYSTEMS[0])[1]);
}
export const GEORGIAN_SYSTEMS: readonly GeorgianSystem[] = SYSTEMS.map(([id]) => id);
