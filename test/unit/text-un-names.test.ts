// Real-data check: romanising the UN list's Arabic original-script names recovers the tokens of their Latin names.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { equivalentTokens, romanise, tokens } from '../../src/core/text/index.js';

const FILE = resolve(import.meta.dirname, '../../../shared/data/watchlists/un/UN_consolidated.xml');
const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'at', 'an', 'ash', 'az', 'ul', 'ur', 'ud']);
const ARABIC = /\p{Script=Arabic}/u;

interface Pair {
  original: string;
  latin: string[];
}

function pairs(xml: string): Pair[] {
  const out: Pair[] = [];
  const field = (block: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1] ?? '';
  for (const m of xml.matchAll(/<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g)) {
    const block = m[2]!;
    const original = field(block, 'NAME_ORIGINAL_SCRIPT').trim();
    if (!ARABIC.test(original)) continue;
    const latin = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((f) => field(block, f)).join(' ');
    out.push({ original, latin: tokens(latin).filter((t) => !ARTICLES.has(t)) });
  }
  return out;
}

/** Share of Latin tokens found among the romanised tokens (and their adjacent concatenations), and of whole names. */
function measure(all: Pair[], withEquivalents: boolean) {
  let covered = 0;
  let total = 0;
  let whole = 0;
  for (const p of all) {
    const found = new Set<string>();
    for (const v of romanise(p.original)) {
      const t = v.split(' ');
      t.forEach((x, i) => {
        found.add(x);
        if (i > 0) found.add(t[i - 1]! + x);
      });
    }
    const hit = (lt: string) => found.has(lt) || (withEquivalents && [...equivalentTokens(lt)].some((e) => found.has(e)));
    const n = p.latin.filter(hit).length;
    covered += n;
    total += p.latin.length;
    if (n === p.latin.length) whole++;
  }
  return { tokens: covered / total, names: whole / all.length };
}

describe.skipIf(!existsSync(FILE))('UN list Arabic names', () => {
  it('romanise to their Latin tokens for a large share (floors measured on 2026-02-27 data)', () => {
    const all = pairs(readFileSync(FILE, 'utf8'));
    expect(all.length).toBeGreaterThan(350);
    const before = measure(all, false);
    const after = measure(all, true);
    console.info(
      `UN Arabic names (${all.length}): tokens found ${(before.tokens * 100).toFixed(1)}% → ${(after.tokens * 100).toFixed(1)}% with equivalents; ` +
        `whole names ${(before.names * 100).toFixed(1)}% → ${(after.names * 100).toFixed(1)}%`,
    );
    expect(before.tokens).toBeGreaterThanOrEqual(0.64);
    expect(after.tokens).toBeGreaterThanOrEqual(0.7);
    expect(after.names).toBeGreaterThanOrEqual(0.41);
  });
});
if (!existsSync(FILE)) console.warn(`skipped: UN list not found at ${FILE}`);
