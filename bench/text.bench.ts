// Text benchmarks: normalisation and romanisation throughput on real list names, against plain NFKC + toLowerCase.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normaliseText, phoneticKeys, romanise, tokens } from '../src/core/text/index.js';
import { report, scaled, timeBatch, type Row } from './harness.js';

const DATA = resolve(import.meta.dirname, '../../shared/data/watchlists');

function realNames(): { latin: string[]; other: string[] } {
  const latin: string[] = [];
  const other: string[] = [];
  const un = resolve(DATA, 'un/UN_consolidated.xml');
  if (existsSync(un)) {
    const xml = readFileSync(un, 'utf8');
    for (const m of xml.matchAll(/<(FIRST_NAME|ALIAS_NAME)>([^<]+)</g)) latin.push(m[2]!);
    for (const m of xml.matchAll(/<NAME_ORIGINAL_SCRIPT>([^<]+)</g)) other.push(m[1]!);
  }
  const cases = resolve(DATA, 'eval/nomenklatura-name-bench/cases.csv');
  if (existsSync(cases))
    for (const line of readFileSync(cases, 'utf8').split('\n').slice(1)) {
      const [, , a, b] = line.split(',');
      // eslint-disable-next-line no-control-regex -- deliberate ranges
      for (const n of [a, b]) if (n) (/^[\x00-\x7f]*$/.test(n) ? latin : other).push(n);
    }
  if (latin.length === 0) {
    console.warn(`text bench: no real names under ${DATA}; using a few invented ones`);
    latin.push('Testperson Quuxley', 'Quux Holdings Ltd', 'Abdul Rahman Quuxani');
    other.push('Тестов Квукс Иванович', 'محمد القوكسي', '习近平');
  }
  return { latin, other };
}

export async function textBench(): Promise<void> {
  const { latin, other } = realNames();
  const n = scaled(200_000, 2_000);
  const pick = (list: string[], i: number) => list[i % list.length]!;
  const rows: Row[] = [];
  let sink = 0;
  rows.push(
    await timeBatch(`NFKC + toLowerCase (Latin, ${latin.length} names)`, n, () => {
      for (let i = 0; i < n; i++) sink += pick(latin, i).normalize('NFKC').toLowerCase().length;
    }),
  );
  const base = rows[0]!.name;
  rows.push({
    ...(await timeBatch('normaliseText (Latin)', n, () => {
      for (let i = 0; i < n; i++) sink += normaliseText(pick(latin, i)).length;
    })),
    baseline: base,
  });
  rows.push({
    ...(await timeBatch('romanise (Latin)', n, () => {
      for (let i = 0; i < n; i++) sink += romanise(pick(latin, i)).length;
    })),
    baseline: base,
  });
  rows.push({
    ...(await timeBatch('tokens + phoneticKeys (Latin)', n, () => {
      for (let i = 0; i < n; i++) for (const t of tokens(pick(latin, i))) sink += phoneticKeys(t).length;
    })),
    baseline: base,
  });
  const m = Math.max(100, Math.round(n / 4));
  rows.push(
    await timeBatch(`NFKC + toLowerCase (non-Latin, ${other.length} names)`, m, () => {
      for (let i = 0; i < m; i++) sink += pick(other, i).normalize('NFKC').toLowerCase().length;
    }),
  );
  rows.push({
    ...(await timeBatch('romanise (non-Latin: Arabic, Cyrillic, Han…)', m, () => {
      for (let i = 0; i < m; i++) sink += romanise(pick(other, i)).length;
    })),
    baseline: rows[rows.length - 1]!.name,
  });
  report('Text: normalise and romanise', rows);
  if (sink < 0) console.log(sink);
}
