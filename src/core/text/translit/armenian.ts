// Armenian → Latin: Eastern Armenian passport practice, its -ian spelling of surnames, and Western Armenian (diaspora) spellings.
import { applyTable, compileTable, table } from './rules.js';

const VOWELS = 'աեէըիոօւ';
const EASTERN = table(`ա=a բ=b գ=g դ=d ե=e ^<ե=ye զ=z է=e ը=y թ=t ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch մ=m յ=y
  ն=n շ=sh ո=o ^ո=vo չ=ch պ=p ջ=j ռ=r ս=s վ=v տ=t ր=r ց=ts ու=u ւ=v փ=p ք=k և=ev օ=o ֆ=f`);
const IAN = table(`յան$=ian յանց$=iants`);
const WESTERN = table(`բ=p պ=b գ=k կ=g դ=t տ=d ջ=ch ճ=j ձ=ts ծ=dz թ=t փ=p ք=k յան$=ian ^ո=o`);

const SYSTEMS = [
  ['eastern', compileTable(VOWELS, EASTERN)],
  ['eastern-ian', compileTable(VOWELS, EASTERN, IAN)],
  ['western', compileTable(VOWELS, EASTERN, WESTERN)],
] as const;
export type ArmenianSystem = (typeof SYSTEMS)[number][0];

/** The romanisations of one lower-case Armenian word. */
export function armenianWord(word: string): string[] {
  return SYSTEMS.map(([, t]) => applyTable(word, t));
}
export function armenianWordWith(word: string, system: ArmenianSystem): string {
  return applyTable(word, (SYSTEMS.find(([id]) => id === system) ?? SYSTEMS[0])[1]);
}
export const ARMENIAN_SYSTEMS: readonly ArmenianSystem[] = SYSTEMS.map(([id]) => id);
