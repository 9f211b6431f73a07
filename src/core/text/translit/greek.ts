// Greek → Latin: ELOT 743 / ISO 843 as passports write it, ISO 843 transliteration, and the common phonetic English spellings.
import { applyTable, compileTable, table, type RuleTable } from './rules.js';

const VOWELS = 'αεηιουωϊϋ';
const VOICELESS: Record<string, string> = { θ: 'th', κ: 'k', ξ: 'x', π: 'p', σ: 's', ς: 's', τ: 't', φ: 'f', χ: 'ch', ψ: 'ps' };
/** Accented vowels lose the tonos; the diaeresis stays so that αϋ is not read as a digraph. */
const TONOS: Record<string, string> = { ά: 'α', έ: 'ε', ή: 'η', ί: 'ι', ό: 'ο', ύ: 'υ', ώ: 'ω', ΐ: 'ϊ', ΰ: 'ϋ' };
const TONOS_RE = /[άέήίόύώΐΰ]/g;
const HAS_TONOS = /[άέήίόύώΐΰ]/;

const BASE = table(`α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y φ=f χ=ch ψ=ps ω=o
  ϊ=i ϋ=y ου=ou αι=ai ει=ei οι=oi υι=yi`);

/** ELOT 743 transcription: av/ev before voiced sounds, af/ef before voiceless, mp/b, nt/d, gk/g, ng. */
function elot(): RuleTable {
  const t: Record<string, string> = {
    ...BASE,
    ...table(`γγ=ng γκ=gk ^γκ=g γξ=nx γχ=nch μπ=mp ^μπ=b ντ=nt ^ντ=d αυ=av ευ=ev ηυ=iv αυ$=af ευ$=ef`),
  };
  for (const [v, out] of Object.entries(VOICELESS)) {
    t[`αυ${v}`] = `af${out}`;
    t[`ευ${v}`] = `ef${out}`;
    t[`ηυ${v}`] = `if${out}`;
  }
  return t;
}
const ISO843 = table(`γγ=gg γκ=gk γξ=gx γχ=gch αυ=au ευ=eu ηυ=iu μπ=mp ντ=nt`);
/** Phonetic English spellings: h for χ, i for υ/ει/οι, e for αι, b/d for initial μπ/ντ, y for γ before front vowels. */
const PHONETIC = table(`χ=h υ=i ει=i οι=i αι=e γγ=ng γκ=g μπ=b ντ=d ^γι=y ^γε=ye γι=gi`);

const SYSTEMS = [
  ['elot', compileTable(VOWELS, elot())],
  ['iso843', compileTable(VOWELS, BASE, ISO843)],
  ['phonetic', compileTable(VOWELS, elot(), PHONETIC)],
] as const;
export type GreekSystem = (typeof SYSTEMS)[number][0];

const strip = (w: string) => (HAS_TONOS.test(w) ? w.replace(TONOS_RE, (c) => TONOS[c]!) : w);

/** The romanisations of one lower-case Greek word, passport form first. */
export function greekWord(word: string): string[] {
  const w = strip(word);
  return SYSTEMS.map(([, t]) => applyTable(w, t));
}

export function greekWordWith(word: string, system: GreekSystem): string {
  const w = strip(word);
  return applyTable(w, (SYSTEMS.find(([id]) => id === system) ?? SYSTEMS[0])[1]);
}
export const GREEK_SYSTEMS: readonly GreekSystem[] = SYSTEMS.map(([id]) => id);
