// Phonetic keys for romanised name tokens: Double Metaphone (after Philips, 2000) and a consonant skeleton for Arabic romanisations.
import { doubleMetaphone } from './metaphone.js';

export { doubleMetaphone } from './metaphone.js';

const NON_LETTER = /[^a-z]/g;
/** Spellings of one sound unified before vowels are dropped: ph/f, kh/h, x/ks, dj/j, q/k/c, w/v, th/dh/z, ch/sh/sch/tsch. */
const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/(dh|th|dz)/g, 'z'],
  [/(dj|dzh|zh|g(?=[ei]))/g, 'j'],
  [/kh/g, 'h'],
  [/x/g, 'ks'],
  [/(ch|tch|tsch|sch|sh|ş|ś)/g, 's'],
  [/(ck|q|c|k)/g, 'k'],
  [/(ts|tz)/g, 's'],
  [/w/g, 'v'],
  [/([a-z])\1+/g, '$1'],
];

/** Letters that spell one sound in the conventions names are romanised and spelled with, made one; vowels kept. */
const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/t?sch|tch/g, 'ch'],
  [/ck|q|c(?=[aou]|$)/g, 'k'],
  [/kh/g, 'h'],
  [/dj/g, 'j'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/y/g, 'i'],
  [/([a-z])\1+/g, '$1'],
];

/**
 * A token's spelling with the choices between letters that spell one sound made one (ck and k, ph and f, kh and h, w
 * and v, ou and u, y and i, doubled letters): BARACK and BARAK, KHUSSEIN and HUSEIN, WLADIMIR and VLADIMIR spell alike.
 * Unlike the skeleton, vowels stay: they tell names apart.
 */
export function spellingKey(token: string): string {
  let t = token;
  for (const [re, out] of SPELLING_RULES) t = t.replace(re, out);
  return t;
}

/**
 * A Latin spelling with the choices a romanisation of Arabic script cannot make made one: the script has no letter for
 * p, v or x (written as b, f and ks) and no vowel but a, i and u (PEREZ and BIRIZ, بيريز, both BIRIZ; MAXIM and
 * MAKSIM, ماكسيم, both MAKSIM). Whether a vowel is written at all still counts. Letters that spell one sound are made
 * one too (see spellingKey).
 */
export function abjadKey(s: string): string {
  return spellingKey(s.replace(/p/g, 'b').replace(/v/g, 'f').replace(/x/g, 'ks')).replace(/e/g, 'i').replace(/o/g, 'u');
}

/**
 * Consonant skeleton of a romanised token: spellings of one sound unified (q/k/c, ph/f, w/v, dj/j, dh/th/z, sh/ch),
 * doubled letters single, vowels and y/h between vowels dropped ("mohammed", "muhammad" → "mhmd").
 */
export function consonantSkeleton(token: string): string {
  let t = token.toLowerCase().replace(NON_LETTER, '');
  if (t === '') return '';
  for (const [re, out] of SKELETON_RULES) t = t.replace(re, out);
  const first = t[0]!;
  const rest = t.slice(1).replace(/[aeiouy]/g, '');
  const skeleton = (/[aeiouy]/.test(first) ? '' : first) + rest;
  return skeleton.replace(/([a-z])\1+/g, '$1');
}

/** Phonetic keys of one token: the two Double Metaphone codes and the consonant skeleton, distinct and non-empty. */
export function phoneticKeys(token: string): string[] {
  const t = token.toLowerCase().replace(NON_LETTER, '');
  if (t === '') return [];
  const [primary, alternate] = doubleMetaphone(t);
  const out = new Set<string>();
  if (primary) out.add(`m:${primary}`);
  if (alternate) out.add(`m:${alternate}`);
  const s = consonantSkeleton(t);
  if (s) out.add(`s:${s}`);
  return [...out];
}
