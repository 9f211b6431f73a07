// Context-sensitive rewrite tables for alphabetic scripts, compiled once at module load and applied per word.

/**
 * A table maps source sequences to Latin. Markers on a key restrict where it applies:
 * `^x` only at the start of a word, `x$` only at its end, `<x` only after one of the table's vowels
 * (a key may combine `^` and `<` as `^<x`: at the start or after a vowel).
 */
export type RuleTable = Readonly<Record<string, string>>;

interface Rule {
  pat: string;
  out: string;
  initial: boolean;
  final: boolean;
  afterVowel: boolean;
}

export interface CompiledTable {
  rules: Map<string, Rule[]>;
  vowels: ReadonlySet<string>;
}

/** Compiles layered tables (later layers override earlier ones) into per-first-character rule lists. */
export function compileTable(vowels: string, ...layers: RuleTable[]): CompiledTable {
  const merged: Record<string, string> = {};
  for (const layer of layers) Object.assign(merged, layer);
  const rules = new Map<string, Rule[]>();
  for (const [key, out] of Object.entries(merged)) {
    let k = key;
    let initial = false;
    let afterVowel = false;
    let final = false;
    if (k.startsWith('^<')) {
      initial = afterVowel = true;
      k = k.slice(2);
    } else if (k.startsWith('^')) {
      initial = true;
      k = k.slice(1);
    } else if (k.startsWith('<')) {
      afterVowel = true;
      k = k.slice(1);
    }
    if (k.length > 1 && k.endsWith('$')) {
      final = true;
      k = k.slice(0, -1);
    }
    const list = rules.get(k[0]!) ?? [];
    list.push({ pat: k, out, initial, final, afterVowel });
    rules.set(k[0]!, list);
  }
  // Longer patterns first, then the conditioned ones before the unconditioned.
  const weight = (r: Rule) => r.pat.length * 8 + (r.initial ? 2 : 0) + (r.afterVowel ? 2 : 0) + (r.final ? 4 : 0);
  for (const list of rules.values()) list.sort((a, b) => weight(b) - weight(a));
  return { rules, vowels: new Set(vowels) };
}

function applies(r: Rule, word: string, i: number, vowels: ReadonlySet<string>): boolean {
  if (r.pat.length > 1 && !word.startsWith(r.pat, i)) return false;
  if (r.final && i + r.pat.length !== word.length) return false;
  if (r.initial && r.afterVowel) return i === 0 || vowels.has(word[i - 1]!);
  if (r.initial) return i === 0;
  if (r.afterVowel) return i > 0 && vowels.has(word[i - 1]!);
  return true;
}

/** Rewrites one lower-case word with a compiled table; characters without a rule are kept. */
export function applyTable(word: string, table: CompiledTable): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const list = table.rules.get(word[i]!);
    let done = false;
    if (list) {
      for (const r of list) {
        if (applies(r, word, i, table.vowels)) {
          out += r.out;
          i += r.pat.length;
          done = true;
          break;
        }
      }
    }
    if (!done) out += word[i++];
  }
  return out;
}

/** Parses a compact table written as "а=a б=b ^е=ye" (pairs separated by spaces; an empty output is written "ь="). */
export function table(spec: string): RuleTable {
  const out: Record<string, string> = {};
  for (const pair of spec.trim().split(/\s+/)) {
    const eq = pair.indexOf('=', 1);
    if (eq < 0) throw new Error(`transliteration table entry "${pair}" has no "="`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
