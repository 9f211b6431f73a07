// Human-readable explanation of a score: every feature's contribution to the log-odds, with what it compared.
import { FEATURE_INDEX, NAME_FEATURES } from './feature-list.js';
import { pairEdits, viaAbjad, type NameComparison } from './features.js';
import type { Lexicon, Token } from './lexicon.js';
import type { NameForm } from './names.js';
import type { Scored } from './scorer.js';
import type { Subject } from './subject.js';
import type { Model } from './weights.js';

/** One line of an explanation: the feature, its contribution to the log-odds (0 when it could not be compared), and why. */
export interface ExplanationItem {
  feature: string;
  score: number;
  detail: string;
  /** The feature's own value, when it has one. */
  value?: number;
}

const up = (t: Token) => t.text.toUpperCase();
const words = (form: NameForm, idx: readonly number[]) => idx.map((i) => up(form.tokens[i]!)).join(' ');
const round = (x: number) => Math.round(x * 1000) / 1000;

function describePairs(cmp: NameComparison): string {
  return cmp.pairs
    .map((p) => {
      const a = words(cmp.q, p.q);
      const b = words(cmp.c, p.c);
      if (p.how === 'exact') return `${a} = ${b}`;
      if (p.how === 'fuzzy') return `${a} ~ ${b} (${round(p.sim)})`;
      return `${a} ~ ${b} (${p.how})`;
    })
    .join(', ');
}

/** "surname", "given name" or "name part", from the token's place in a person's name as written. */
function role(form: NameForm, i: number, person: boolean): string {
  if (!person || form.tokens.length < 2 || form.text.includes(',') || form.romanised) return 'name part';
  return i === form.tokens.length - 1 ? 'surname' : i === 0 ? 'given name' : 'name part';
}

function nameDetail(feature: string, cmp: NameComparison, q: Subject, lex: Lexicon): string {
  const person = q.style === 'person';
  const matchedQ = cmp.q.tokens.length - cmp.qUnmatched.length;
  const matchedC = cmp.c.tokens.length - cmp.cUnmatched.length;
  switch (feature) {
    case 'nameSimilarity':
      return `name "${cmp.q.text}" against ${cmp.c.source} "${cmp.c.text}": ${describePairs(cmp) || 'no token in common'}${
        cmp.values[FEATURE_INDEX.conflict] ? ' (not counted for the match: the names contradict each other)' : ''
      }`;
    case 'coverageMin':
    case 'coverageMax':
      return `${matchedQ} of ${cmp.q.tokens.length} query name tokens and ${matchedC} of ${cmp.c.tokens.length} candidate name tokens have a counterpart`;
    case 'weakestToken': {
      const weak = [...cmp.pairs].sort((a, b) => a.sim - b.sim)[0];
      return weak ? `weakest correspondence ${words(cmp.q, weak.q)} ~ ${words(cmp.c, weak.c)} (similarity ${round(weak.sim)})` : 'no token corresponds';
    }
    case 'weakestEdits': {
      // The feature is the letters that differ in the two spellings (a sound spelt two ways counts once), up to 4, over
      // 4, of the weakest pair (of equally weak ones, the one differing most): the first pair by similarity with as many.
      const value = cmp.values[FEATURE_INDEX.weakestEdits]!;
      const abjad = viaAbjad(cmp.q) || viaAbjad(cmp.c);
      const weak = [...cmp.pairs].sort((a, b) => a.sim - b.sim).find((p) => pairEdits(cmp.q, cmp.c, p, abjad) === value);
      const n = Math.round(value * 4);
      const by = n >= 4 ? '4 letters or more' : n === 1 ? 'one letter' : `${n} letters`;
      // Through a romanisation of a name in an abjad, letters its romanisations cannot tell apart are one (see abjadKey).
      const how = abjad ? 'as Arabic or Hebrew script can write them' : 'in their spelling';
      return weak ? `${words(cmp.q, weak.q)} and ${words(cmp.c, weak.c)} differ by ${by} ${how}` : 'no token corresponds';
    }
    case 'organisationExtraWord':
      return `${words(cmp.q, cmp.qUnmatched) || words(cmp.c, cmp.cUnmatched)} makes one organisation name more specific than the other`;
    case 'patronymicSwap':
      return "a name that is a parent's (after bin, ibn, ben) or a child's (after abu, umm: a kunya) in one is not in the other";
    case 'unmatchedBoth': {
      const c = cmp.cUnmatched[0]!;
      return `${role(cmp.c, c, person)} ${words(cmp.c, cmp.cUnmatched)} does not match ${words(cmp.q, cmp.qUnmatched)}`;
    }
    case 'conflict':
      return cmp.values[FEATURE_INDEX.patronymicSwap] && !(cmp.qUnmatched.length && cmp.cUnmatched.length)
        ? "a name that is the person's own in one is a parent's (after bin) or a child's (after abu, umm) in the other"
        : `each name has a part the other lacks: ${words(cmp.q, cmp.qUnmatched)} against ${words(cmp.c, cmp.cUnmatched)}`;
    case 'unmatchedOne':
      return cmp.qUnmatched.length
        ? `${words(cmp.q, cmp.qUnmatched)} of the query has no counterpart in "${cmp.c.text}"`
        : `${words(cmp.c, cmp.cUnmatched)} of the candidate has no counterpart in "${cmp.q.text}"`;
    case 'exactName':
      return `the names have the same tokens: ${cmp.q.tokens.map(up).join(' ')}`;
    case 'numberConflict':
    case 'numberMissing': {
      const nums = (f: NameForm) =>
        f.tokens
          .filter((t) => /^\d+$/.test(t.text))
          .map(up)
          .join(' ') || 'none';
      return `numbers in the names differ: ${nums(cmp.q)} against ${nums(cmp.c)}`;
    }
    case 'legalFormConflict':
      return `legal forms of different kinds: ${cmp.q.legal} against ${cmp.c.legal}`;
    case 'reordered':
      return 'the corresponding tokens come in another order';
    case 'initials':
      return 'initials or abbreviations stand for full name parts';
    case 'rarity': {
      const idf = cmp.pairs.map((p) => lex.idf(cmp.q.tokens[p.q[0]!]!.id));
      return `the agreeing tokens are ${idf.length && Math.min(...idf) > 0.6 ? 'rare' : 'partly common'} among the indexed names`;
    }
    case 'singleToken':
      return 'each name is a single word, which identifies less';
    case 'romanised':
      return `compared through the romanisation ${cmp.q.romanised ? cmp.q.tokens.map(up).join(' ') : cmp.c.tokens.map(up).join(' ')}`;
    default:
      return feature;
  }
}

/** The explanation of a scored pair, every feature that contributed and every evidence that could not be compared. */
export function explanationOf(q: Subject, c: Subject, s: Scored, m: Model, lex: Lexicon): ExplanationItem[] {
  if (s.schemaConflict) return [{ feature: 'schema', score: 0, detail: `a ${q.schema} is never the same as a ${c.schema}: no match` }];
  const out: ExplanationItem[] = [{ feature: 'base', score: round(m.weights.intercept), detail: `starting log-odds of model ${m.weights.version}` }];
  const cmp = s.name;
  if (!cmp) out.push({ feature: 'name', score: 0, detail: 'no spelling of the names can be compared (different scripts without a romanisation): no match' });
  else {
    for (const f of NAME_FEATURES) {
      const i = FEATURE_INDEX[f];
      const v = s.values[i]!;
      if (v === 0 && f !== 'nameSimilarity') continue;
      out.push({ feature: f, score: round(m.coef[i]! * v), value: round(v), detail: nameDetail(f, cmp, q, lex) });
    }
    const p = m.weights.priors;
    for (const src of ['weakAlias', 'previousName'] as const)
      if (cmp.q.source === src || cmp.c.source === src)
        out.push({
          feature: src,
          score: round(p[src]),
          detail: `the name compared is a ${src === 'weakAlias' ? 'weak alias (listed as one, or one name part of a person with fuller names)' : 'previous name'}`,
        });
  }
  for (const e of s.evidence) {
    const i = (FEATURE_INDEX as Record<string, number>)[e.feature];
    out.push({ feature: e.feature, score: i === undefined ? 0 : round(m.coef[i]!), detail: e.detail });
  }
  return out;
}
