import { CandidateIndex, DEFAULT_MODEL, match, screen } from '../../src/core/match/index.js';
import { LIST_FILES } from './data.js';
import { variantProbes } from './variants.js';
const [un, pep] = [await LIST_FILES.un(), await LIST_FILES.pep()];
const both = CandidateIndex.build([...un, ...pep]);
const t = DEFAULT_MODEL.weights.thresholds.default;
for (const p of variantProbes([...un, ...pep], 100).filter((p) => p.kind === 'word order')) {
  const r = screen(both, p.query, { threshold: 0.01, candidates: 50 });
  const truth = [...p.truth][0]!;
  if (r.bestEntityId !== truth || r.best < t) {
    const mine = match(p.query, both.get(truth)!.subject, { lexicon: both.lexicon });
    console.log(p.query.name, '| truth', both.get(truth)!.subject.caption, mine.score.toFixed(3), '| best', r.matches[0]?.caption, r.best.toFixed(3));
    for (const x of mine.explanation) if (x.score !== 0) console.log('   ', x.feature, x.score, x.detail.slice(0, 150));
  }
}
