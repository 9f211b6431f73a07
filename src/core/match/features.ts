// Name features of two name forms from their token alignment, and the choice of the best-matching pair of forms.
import { align, type SimCache, type TokenPair } from './align.js';
import { FEATURE_INDEX as F, NAME_FEATURE_COUNT } from './feature-list.js';
import { Kind, type Lexicon, type Token } from './lexicon.js';
import { kindWeight, type NameForm } from './names.js';
import { levenshtein } from './strings.js';

/** The comparison of one pair of name forms. */
export interface NameComparison {
  q: NameForm;
  c: NameForm;
  pairs: TokenPair[];
  /** Indices of tokens left without a counterpart. */
  qUnmatched: number[];
  cUnmatched: number[];
  /** The name features (first NAME_FEATURE_COUNT entries of the feature vector). */
  values: Float64Array;
}

/** Informativeness weight of a token: its kind (particles, initials count little) times its rarity in the index. */
export function tokenWeight(t: Token, lex: Lexicon, role = 0): number {
  return kindWeight(t.kind, role) * (0.25 + 0.75 * lex.idf(t.id));
}

const PATRONYMIC_PARTICLES = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ould', 'walad']);
const afterParticle = (form: NameForm, i: number) => i > 0 && PATRONYMIC_PARTICLES.has(form.tokens[i - 1]!.text);

const informative = (t: Token) => t.kind === Kind.Word || t.kind === Kind.Number;

/** Token weights of a form (see tokenWeight). */
function weightsOf(form: NameForm, lex: Lexicon): number[] {
  const toks = form.tokens;
  const out = new Array<number>(toks.length);
  for (let i = 0; i < toks.length; i++) out[i] = tokenWeight(toks[i]!, lex, form.roles[i]);
  return out;
}

function hasPatronymicParticle(form: NameForm): boolean {
  for (const t of form.tokens) if (PATRONYMIC_PARTICLES.has(t.text)) return true;
  return false;
}

/** Sum of the weights at the given token indices. */
function weightAt(w: readonly number[], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += w[i]!;
  return s;
}

function anyInformative(form: NameForm, idx: readonly number[]): boolean {
  for (const i of idx) if (informative(form.tokens[i]!)) return true;
  return false;
}

/** Highest rarity-times-kind weight among the given tokens. */
function infoAt(form: NameForm, idx: readonly number[], lex: Lexicon): number {
  let m = -Infinity;
  for (const i of idx) {
    const t = form.tokens[i]!;
    const v = lex.idf(t.id) * kindWeight(t.kind, form.roles[i]);
    if (v > m) m = v;
  }
  return m;
}

function maxUnmatched(form: NameForm, w: readonly number[], idx: readonly number[]): number {
  let m = 0;
  for (const i of idx) if (informative(form.tokens[i]!) && w[i]! > m) m = w[i]!;
  return m;
}

function numbersOf(form: NameForm): string[] {
  const out: string[] = [];
  for (const t of form.tokens) if (t.kind === Kind.Number) out.push(t.text);
  return out;
}

function informativeCount(form: NameForm): number {
  let n = 0;
  for (const t of form.tokens) if (informative(t)) n++;
  return n;
}

const byQueryIndex = (a: TokenPair, b: TokenPair) => a.q[0]! - b.q[0]!;

/** Compares two name forms: aligns their tokens and computes the name features. */
export function compareForms(q: NameForm, c: NameForm, lex: Lexicon, cache?: SimCache, organisation = false): NameComparison {
  const pairs = align(q.tokens, c.tokens, cache);
  const qw = weightsOf(q, lex);
  const cw = weightsOf(c, lex);
  const particles = hasPatronymicParticle(q) && hasPatronymicParticle(c);
  let swapped = 0;
  let weakEdits = 0;
  const wq = sum(qw);
  const wc = sum(cw);
  const usedQ = new Uint8Array(q.tokens.length);
  const usedC = new Uint8Array(c.tokens.length);
  let mq = 0;
  let mc = 0;
  let weakest = 1;
  let initials = 0;
  let rarity = 0;
  let exactAll = q.tokens.length === c.tokens.length;
  let lastC = -1;
  let reordered = 0;
  const ordered = pairs.length > 1 ? [...pairs].sort(byQueryIndex) : pairs;
  for (const p of ordered) {
    for (const i of p.q) usedQ[i] = 1;
    for (const j of p.c) usedC[j] = 1;
    mq += p.sim * weightAt(qw, p.q);
    mc += p.sim * weightAt(cw, p.c);
    const word = anyInformative(q, p.q) || anyInformative(c, p.c);
    if (word && p.sim <= weakest) {
      const edits = p.how === 'fuzzy' || p.how === 'phonetic' ? Math.min(4, levenshtein(words(q, p.q), words(c, p.c))) / 4 : 0;
      if (p.sim < weakest || edits > weakEdits) weakEdits = edits;
      weakest = p.sim;
    }
    if (particles && p.q.length === 1 && p.c.length === 1 && afterParticle(q, p.q[0]!) !== afterParticle(c, p.c[0]!)) swapped = 1;
    if (p.how === 'initial' || p.how === 'abbreviation') initials++;
    if (p.how !== 'exact') exactAll = false;
    rarity += (p.sim * (infoAt(q, p.q, lex) + infoAt(c, p.c, lex))) / 2;
    if (p.c[0]! < lastC) reordered = 1;
    lastC = p.c[0]!;
  }
  const qUnmatched = indices(usedQ, 0);
  const cUnmatched = indices(usedC, 0);
  const uq = maxUnmatched(q, qw, qUnmatched);
  const uc = maxUnmatched(c, cw, cUnmatched);
  const covQ = wq > 0 ? mq / wq : 0;
  const covC = wc > 0 ? mc / wc : 0;
  const nq = numbersOf(q);
  const nc = numbersOf(c);
  const v = new Float64Array(NAME_FEATURE_COUNT);
  v[F.nameSimilarity] = wq + wc > 0 ? (mq + mc) / (wq + wc) : 0;
  v[F.coverageMin] = Math.min(covQ, covC);
  v[F.coverageMax] = Math.max(covQ, covC);
  v[F.weakestToken] = pairs.length ? 1 - weakest : 1;
  v[F.weakestEdits] = weakEdits;
  v[F.unmatchedBoth] = Math.min(uq, uc);
  v[F.unmatchedOne] = Math.max(uq, uc);
  v[F.organisationExtraWord] = organisation ? Math.max(uq, uc) : 0;
  v[F.exactName] = exactAll && qUnmatched.length === 0 && cUnmatched.length === 0 ? 1 : 0;
  v[F.numberConflict] = nq.length && nc.length && nq.some((n) => !nc.includes(n)) && nc.some((n) => !nq.includes(n)) ? 1 : 0;
  v[F.numberMissing] = (nq.length === 0) !== (nc.length === 0) ? 1 : 0;
  v[F.legalFormConflict] = q.legal && c.legal && q.legal !== c.legal && q.legal !== 'generic' && c.legal !== 'generic' ? 1 : 0;
  v[F.reordered] = reordered;
  v[F.patronymicSwap] = swapped;
  v[F.initials] = pairs.length ? initials / pairs.length : 0;
  v[F.rarity] = Math.min(1, rarity / 2);
  v[F.singleToken] = informativeCount(q) === 1 && informativeCount(c) === 1 ? 1 : 0;
  v[F.romanised] = q.romanised || c.romanised ? 1 : 0;
  return { q, c, pairs, qUnmatched, cUnmatched, values: v };
}

/**
 * Compares every form of the query's names with every form of the candidate's and keeps the pair the model rates
 * highest (`rate` gives the name part of the model's log-odds). Forms that share no script are skipped.
 */
export function bestNameComparison(
  qForms: readonly NameForm[],
  cForms: readonly NameForm[],
  lex: Lexicon,
  rate: (values: Float64Array, q: NameForm, c: NameForm) => number,
  cache?: SimCache,
  organisation = false,
): { comparison: NameComparison; rating: number } | undefined {
  let best: NameComparison | undefined;
  let bestRating = -Infinity;
  for (const q of qForms) {
    for (const c of cForms) {
      if (q.latin !== c.latin && !sameScript(q, c)) continue;
      const cmp = compareForms(q, c, lex, cache, organisation);
      const r = rate(cmp.values, q, c);
      if (r > bestRating) {
        bestRating = r;
        best = cmp;
      }
    }
  }
  return best ? { comparison: best, rating: bestRating } : undefined;
}

/** Two non-Latin forms are compared as written when they share a character. */
function sameScript(q: NameForm, c: NameForm): boolean {
  if (q.latin || c.latin) return false;
  const chars = new Set(q.tokens.flatMap((t) => [...t.text]));
  return c.tokens.some((t) => [...t.text].some((ch) => chars.has(ch)));
}

const words = (form: NameForm, idx: readonly number[]) => idx.map((i) => form.tokens[i]!.text).join('');

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function indices(flags: Uint8Array, value: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] === value) out.push(i);
  return out;
}
