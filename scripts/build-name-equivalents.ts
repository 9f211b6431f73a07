// Emits candidate name-token equivalents from the UN list's original-script names aligned with their Latin name parts (for review).
// Usage: tsx scripts/build-name-equivalents.ts [path/to/UN_consolidated.xml] > candidates.json
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { romanise } from '../src/core/text/translit/index.js';
import { consonantSkeleton } from '../src/core/text/phonetic.js';
import { tokens } from '../src/core/text/normalise.js';

interface Entry {
  original: string;
  latin: string[];
}

const FIELDS = new Set(['NAME_ORIGINAL_SCRIPT', 'FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']);

function readEntries(xml: string): Entry[] {
  const parser = new SaxesParser();
  const out: Entry[] = [];
  let depth = 0;
  let current: Record<string, string> | undefined;
  let field: string | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > 64) throw new Error(`XML nested deeper than 64 at line ${parser.line}`);
    if (tag.name === 'INDIVIDUAL' || tag.name === 'ENTITY') current = {};
    else if (current && FIELDS.has(tag.name)) field = tag.name;
  });
  parser.on('text', (t) => {
    if (current && field) current[field] = (current[field] ?? '') + t;
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (tag.name === field) field = undefined;
    if ((tag.name === 'INDIVIDUAL' || tag.name === 'ENTITY') && current) {
      const original = current.NAME_ORIGINAL_SCRIPT?.trim();
      const latin = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => current![k] ?? '').join(' ');
      if (original) out.push({ original, latin: tokens(latin) });
      current = undefined;
    }
  });
  parser.write(xml).close();
  return out;
}

/** Similarity of two Latin tokens: shared consonant skeleton, else a normalised edit distance. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (consonantSkeleton(a) === consonantSkeleton(b)) return 0.9;
  const d = levenshtein(a, b);
  return 1 - d / Math.max(a.length, b.length);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/data/watchlists/un/UN_consolidated.xml'));
const entries = readEntries(readFileSync(file, 'utf8'));
const pairs = new Map<string, { latin: string; romanised: string; count: number }>();
for (const e of entries) {
  const variants = romanise(e.original).map((v) => v.split(' '));
  const width = Math.max(...variants.map((v) => v.length));
  // Align each Latin token with the romanised token (any variant, near the same relative position) it resembles most.
  e.latin.forEach((lt, li) => {
    let best = { score: 0, token: '' };
    for (const v of variants) {
      v.forEach((rt, ri) => {
        const positional = 1 - Math.abs(li / Math.max(1, e.latin.length - 1) - ri / Math.max(1, width - 1)) * 0.2;
        const s = similarity(lt, rt) * positional;
        if (s > best.score) best = { score: s, token: rt };
      });
    }
    if (best.score >= 0.5 && best.token !== lt) {
      const k = `${best.token}|${lt}`;
      const p = pairs.get(k) ?? { latin: lt, romanised: best.token, count: 0 };
      p.count++;
      pairs.set(k, p);
    }
  });
}
const sorted = [...pairs.values()].sort((a, b) => b.count - a.count || a.latin.localeCompare(b.latin));
process.stdout.write(JSON.stringify({ source: file, entries: entries.length, candidates: sorted }, null, 1) + '\n');
