// `npx tsx scripts/eval-screening/dev-folds.ts`: per-fold counts of the cross-validated name benchmark (a quick check while
// working on features; aggregates only, no test-fold case is printed). `EVAL_COEF=1` adds the name coefficients fitted on
// every case and on every case but each group's.
import { CandidateIndex, FEATURES, NAME_FEATURES, loadWeights } from '../../src/core/match/index.js';
import { casePairs } from './cases.js';
import { LIST_FILES, readCases } from './data.js';
import { bestThreshold, prf } from './metrics.js';
import { PRIOR, fitNames, scorePair } from './model.js';

const [un, pep, ofac, ofacCons] = [await LIST_FILES.un(), await LIST_FILES.pep(), await LIST_FILES.ofac(), await LIST_FILES.ofacCons()];
const lex = CandidateIndex.build([...un, ...pep, ...ofac, ...ofacCons]).lexicon;
const cases = await readCases();
const pairs = casePairs(cases, lex);
const prior = loadWeights(PRIOR);
const groups = [...new Set(cases.map((c) => c.group))];
const pooled: Array<{ score: number; label: boolean; person: boolean }> = [];
const models = [];
for (const g of groups) {
  const train = cases.flatMap((c, i) => (c.group !== g ? [i] : []));
  const test = cases.flatMap((c, i) => (c.group === g ? [i] : []));
  const m = fitNames(
    train.map((i) => pairs[i]!),
    lex,
    prior,
  );
  models.push(m);
  const tr = train.map((i) => ({ score: scorePair(pairs[i]!, lex, m), label: pairs[i]!.label }));
  const t = bestThreshold(tr);
  const te = test.map((i) => ({ score: scorePair(pairs[i]!, lex, m), label: pairs[i]!.label }));
  const r = prf(te, t);
  for (const [k, i] of test.entries()) pooled.push({ score: te[k]!.score >= t ? 1 : 0, label: te[k]!.label, person: cases[i]!.schema === 'Person' });
  console.log(
    `${g.padEnd(16)} n=${te.length} threshold ${t.toFixed(3)}: tp ${r.tp} fp ${r.fp} fn ${r.fn} F1 ${r.f1.toFixed(3)} (training F1 ${prf(tr, t).f1.toFixed(3)})`,
  );
}
const a = prf(pooled, 0.5);
const p = prf(
  pooled.filter((x) => x.person),
  0.5,
);
console.log(`pooled F1 ${a.f1.toFixed(3)} (tp ${a.tp} fp ${a.fp} fn ${a.fn}); persons ${p.f1.toFixed(3)} (tp ${p.tp} fp ${p.fp} fn ${p.fn})`);
if (process.env.EVAL_COEF) {
  const whole = fitNames(pairs, lex, prior);
  console.log(['feature', 'all', ...groups.map((g) => `not ${g}`)].join(' | '));
  for (const f of [...NAME_FEATURES, 'intercept'] as const) {
    const k = FEATURES.indexOf(f as (typeof FEATURES)[number]);
    const of = (m: typeof whole) => (f === 'intercept' ? m.weights.intercept : m.coef[k]!).toFixed(2);
    console.log([f, of(whole), ...models.map(of)].join(' | '));
  }
}
