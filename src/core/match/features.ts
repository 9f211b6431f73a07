// Name features of two name forms from their token alignment, and the choice of the best-matching pair of forms.
import { align, compositeCaps, MIN_PAIR_SIMILARITY, similarityMatrix, type SimCache, type SimMatrix, type TokenPair } from './align.js';
import { FEATURE_INDEX as F, NAME_FEATURE_COUNT } from './feature-list.js';
import { Kind, type Lexicon, type Token } from './lexicon.js';
import { kindWeight, type NameForm } from './names.js';
import { levenshtein } from './strings.js';
import { sameSyllabicScript } from './text.js';

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
/** A particle between two names (BIN in SALMAN BIN MUHAMMAD); first or last it is a name itself (BEN NELSON). */
const particleAt = (form: NameForm, i: number) => i > 0 && i < form.tokens.length - 1 && PATRONYMIC_PARTICLES.has(form.tokens[i]!.text);
const afterParticle = (form: NameForm, i: number) => particleAt(form, i - 1);

const informative = (t: Token) => t.kind === Kind.Word || t.kind === Kind.Number;
/** A token that, left without a counterpart on both sides, contradicts the other name: a word, a number or an initial (J. against TOM). */
const contradicts = (t: Token) => t.kind !== Kind.Particle;

function anyContradicting(form: NameForm, idx: readonly number[]): boolean {
  for (const i of idx) if (contradicts(form.tokens[i]!)) return true;
  return false;
}

/** Token weights of a form (see tokenWeight). */
function weightsOf(form: NameForm, lex: Lexicon): number[] {
  const toks = form.tokens;
  const out = new Array<number>(toks.length);
  for (let i = 0; i < toks.length; i++) out[i] = tokenWeight(toks[i]!, lex, form.roles[i]);
  return out;
}

function hasPatronymicParticle(form: NameForm): boolean {
  for (let i = 0; i < form.tokens.length; i++) if (particleAt(form, i)) return true;
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

/** Highest of the values at the given indices (a pair's most identifying token). */
function maxAt(values: Float64Array, idx: readonly number[]): number {
  let m = -Infinity;
  for (const i of idx) if (values[i]! > m) m = values[i]!;
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

/** What compareForms and featureBounds need of one form, derived from the lexicon's current frequencies. */
interface FormInfo {
  lex: Lexicon;
  epoch: number;
  weights: number[];
  total: number;
  /** Rarity-times-kind weight of each token (see infoAt). */
  info: Float64Array;
  numbers: string[];
  informative: number;
  patronymicParticle: boolean;
}

/** The form's derived figures, computed once per form and lexicon state. */
function formInfo(form: NameForm, lex: Lexicon): FormInfo {
  const got = form.derived as FormInfo | undefined;
  if (got && got.lex === lex && got.epoch === lex.epoch) return got;
  const weights = weightsOf(form, lex);
  const info = new Float64Array(form.tokens.length);
  for (let i = 0; i < info.length; i++) info[i] = lex.idf(form.tokens[i]!.id) * kindWeight(form.tokens[i]!.kind, form.roles[i]);
  const made: FormInfo = {
    lex,
    epoch: lex.epoch,
    weights,
    total: sum(weights),
    info,
    numbers: numbersOf(form),
    informative: informativeCount(form),
    patronymicParticle: hasPatronymicParticle(form),
  };
  form.derived = made;
  return made;
}

const byQueryIndex = (a: TokenPair, b: TokenPair) => a.q[0]! - b.q[0]!;

/** Compares two name forms: aligns their tokens and computes the name features. */
export function compareForms(q: NameForm, c: NameForm, lex: Lexicon, cache?: SimCache, organisation = false, matrix?: SimMatrix): NameComparison {
  // The similarities go to scratch space (align keeps what it pairs) unless the caller gives them.
  const pairs = align(q.tokens, c.tokens, cache, matrix ?? similarityMatrix(q.tokens, c.tokens, cache, alignMatrix));
  const qi = formInfo(q, lex);
  const ci = formInfo(c, lex);
  const qw = qi.weights;
  const cw = ci.weights;
  const particles = qi.patronymicParticle && ci.patronymicParticle;
  let swapped = 0;
  let weakEdits = 0;
  const wq = qi.total;
  const wc = ci.total;
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
    rarity += (p.sim * (maxAt(qi.info, p.q) + maxAt(ci.info, p.c))) / 2;
    if (p.c[0]! < lastC) reordered = 1;
    lastC = p.c[0]!;
  }
  const qUnmatched = indices(usedQ, 0);
  const cUnmatched = indices(usedC, 0);
  const uq = maxUnmatched(q, qw, qUnmatched);
  const uc = maxUnmatched(c, cw, cUnmatched);
  const covQ = wq > 0 ? mq / wq : 0;
  const covC = wc > 0 ? mc / wc : 0;
  const nq = qi.numbers;
  const nc = ci.numbers;
  const v = new Float64Array(NAME_FEATURE_COUNT);
  v[F.nameSimilarity] = wq + wc > 0 ? (mq + mc) / (wq + wc) : 0;
  v[F.coverageMin] = Math.min(covQ, covC);
  v[F.coverageMax] = Math.max(covQ, covC);
  v[F.weakestToken] = pairs.length ? 1 - weakest : 1;
  v[F.weakestEdits] = weakEdits;
  v[F.unmatchedBoth] = Math.min(uq, uc);
  v[F.unmatchedOne] = Math.max(uq, uc);
  // A given name that is the father's name in the other (SALMAN BIN MUHAMMAD / MUHAMMAD BIN SALMAN) contradicts it too.
  v[F.conflict] = swapped || (anyContradicting(q, qUnmatched) && anyContradicting(c, cUnmatched)) ? 1 : 0;
  v[F.organisationExtraWord] = organisation ? Math.max(uq, uc) : 0;
  v[F.exactName] = exactAll && qUnmatched.length === 0 && cUnmatched.length === 0 ? 1 : 0;
  v[F.numberConflict] = nq.length && nc.length && nq.some((n) => !nc.includes(n)) && nc.some((n) => !nq.includes(n)) ? 1 : 0;
  v[F.numberMissing] = (nq.length === 0) !== (nc.length === 0) ? 1 : 0;
  v[F.legalFormConflict] = q.legal && c.legal && q.legal !== c.legal && q.legal !== 'generic' && c.legal !== 'generic' ? 1 : 0;
  v[F.reordered] = reordered;
  v[F.patronymicSwap] = swapped;
  v[F.initials] = pairs.length ? initials / pairs.length : 0;
  v[F.rarity] = Math.min(1, rarity / 2);
  v[F.singleToken] = qi.informative === 1 && ci.informative === 1 ? 1 : 0;
  v[F.romanised] = q.romanised || c.romanised ? 1 : 0;
  return { q, c, pairs, qUnmatched, cUnmatched, values: v };
}

/**
 * Bounds of the name features of a pair of forms, from their token similarities alone (before the alignment): each
 * token's best counterpart caps what it can add, and a token with no possible counterpart is certainly left unmatched.
 * `lo[f] <= compareForms(q, c).values[f] <= hi[f]` for every feature f.
 */
export function featureBounds(q: NameForm, c: NameForm, lex: Lexicon, m: SimMatrix, organisation: boolean, lo: Float64Array, hi: Float64Array): void {
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  const fits = nq <= SCRATCH_TOKENS && nc <= SCRATCH_TOKENS;
  const capQ = fits ? scratchCapQ.fill(0, 0, nq) : new Float64Array(nq);
  const capC = fits ? scratchCapC.fill(0, 0, nc) : new Float64Array(nc);
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) {
      const s = m.sims[i * nc + j]!;
      if (s < MIN_PAIR_SIMILARITY) continue;
      if (s > capQ[i]!) capQ[i] = s;
      if (s > capC[j]!) capC[j] = s;
    }
  }
  const compQ = fits ? scratchCompQ : new Float64Array(nq);
  const compC = fits ? scratchCompC : new Float64Array(nc);
  compositeCaps(q.tokens, c.tokens, compQ, compC);
  const qi = formInfo(q, lex);
  const ci = formInfo(c, lex);
  const qw = qi.weights;
  const cw = ci.weights;
  let wq = 0;
  let wc = 0;
  let mq = 0;
  let mc = 0;
  let rarity = 0;
  let uq = 0;
  let uc = 0;
  let leftQ = false;
  let leftC = false;
  for (let i = 0; i < nq; i++) {
    const cap = Math.max(capQ[i]!, compQ[i]!);
    wq += qw[i]!;
    mq += cap * qw[i]!;
    rarity += cap * qi.info[i]!;
    if (cap === 0 && informative(q.tokens[i]!) && qw[i]! > uq) uq = qw[i]!;
    if (cap === 0 && contradicts(q.tokens[i]!)) leftQ = true;
  }
  for (let j = 0; j < nc; j++) {
    const cap = Math.max(capC[j]!, compC[j]!);
    wc += cw[j]!;
    mc += cap * cw[j]!;
    rarity += cap * ci.info[j]!;
    if (cap === 0 && informative(c.tokens[j]!) && cw[j]! > uc) uc = cw[j]!;
    if (cap === 0 && contradicts(c.tokens[j]!)) leftC = true;
  }
  const covQ = wq > 0 ? Math.min(1, mq / wq) : 0;
  const covC = wc > 0 ? Math.min(1, mc / wc) : 0;
  lo.fill(0);
  hi.fill(1);
  hi[F.nameSimilarity] = wq + wc > 0 ? Math.min(1, (mq + mc) / (wq + wc)) : 0;
  hi[F.coverageMin] = Math.min(covQ, covC);
  hi[F.coverageMax] = Math.max(covQ, covC);
  lo[F.unmatchedBoth] = Math.min(uq, uc);
  lo[F.unmatchedOne] = Math.max(uq, uc);
  lo[F.conflict] = leftQ && leftC ? 1 : 0;
  lo[F.organisationExtraWord] = organisation ? Math.max(uq, uc) : 0;
  if (!organisation) hi[F.organisationExtraWord] = 0;
  if (nq !== nc) hi[F.exactName] = 0;
  if (!(qi.patronymicParticle && ci.patronymicParticle)) hi[F.patronymicSwap] = 0;
  hi[F.rarity] = Math.min(1, rarity / 4);
  // Known without the alignment: numbers, legal forms, single tokens, romanisation.
  const nums = qi.numbers;
  const numc = ci.numbers;
  lo[F.numberConflict] = hi[F.numberConflict] =
    nums.length && numc.length && nums.some((n) => !numc.includes(n)) && numc.some((n) => !nums.includes(n)) ? 1 : 0;
  lo[F.numberMissing] = hi[F.numberMissing] = (nums.length === 0) !== (numc.length === 0) ? 1 : 0;
  lo[F.legalFormConflict] = hi[F.legalFormConflict] = q.legal && c.legal && q.legal !== c.legal && q.legal !== 'generic' && c.legal !== 'generic' ? 1 : 0;
  lo[F.singleToken] = hi[F.singleToken] = qi.informative === 1 && ci.informative === 1 ? 1 : 0;
  lo[F.romanised] = hi[F.romanised] = q.romanised || c.romanised ? 1 : 0;
}

const SCRATCH_TOKENS = 32;
const scratchCapQ = new Float64Array(SCRATCH_TOKENS);
const scratchCapC = new Float64Array(SCRATCH_TOKENS);
const scratchCompQ = new Float64Array(SCRATCH_TOKENS);
const scratchCompC = new Float64Array(SCRATCH_TOKENS);
const scratchMatrix: SimMatrix = { sims: new Float64Array(SCRATCH_TOKENS * SCRATCH_TOKENS), hows: new Array(SCRATCH_TOKENS * SCRATCH_TOKENS) };
const alignMatrix: SimMatrix = { sims: new Float64Array(SCRATCH_TOKENS * SCRATCH_TOKENS), hows: new Array(SCRATCH_TOKENS * SCRATCH_TOKENS) };
const scratchLo = new Float64Array(NAME_FEATURE_COUNT);
const scratchHi = new Float64Array(NAME_FEATURE_COUNT);

/** Largest linear rating `coef · values` can reach with every value within its bounds. */
export function boundRating(coef: ArrayLike<number>, lo: Float64Array, hi: Float64Array): number {
  let z = 0;
  for (let i = 0; i < lo.length; i++) {
    const k = coef[i]!;
    z += k * (k > 0 ? hi[i]! : lo[i]!);
  }
  return z;
}

/** Margin kept when comparing a bound with a rating (bounds are summed in another order than ratings). */
const BOUND_MARGIN = 1e-9;

/**
 * Compares every form of the query's names with every form of the candidate's and keeps the pair the model rates
 * highest (`rate` gives the name part of the model's log-odds; the first pair wins a tie). Forms that share no script
 * are skipped. With `bound` (an upper bound of `rate` from feature bounds), pairs that cannot beat the best found so
 * far, or cannot reach `floor`, are not aligned; when no pair can reach `floor` the result is `null` (nothing computed
 * that could matter). Without `floor` the result is the same as without `bound`.
 */
export function bestNameComparison(
  qForms: readonly NameForm[],
  cForms: readonly NameForm[],
  lex: Lexicon,
  rate: (values: Float64Array, q: NameForm, c: NameForm) => number,
  cache?: SimCache,
  organisation = false,
  bound?: (lo: Float64Array, hi: Float64Array, q: NameForm, c: NameForm) => number,
  floor = -Infinity,
): { comparison: NameComparison; rating: number } | undefined | null {
  if (!bound) {
    let best: NameComparison | undefined;
    let bestRating = -Infinity;
    for (const q of qForms) {
      for (const c of cForms) {
        if ((q.latin !== c.latin && !sameScript(q, c)) || asWritten(q, c)) continue;
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
  // Every comparable pair with its similarities and its bound; then the most promising first.
  const lo = scratchLo;
  const hi = scratchHi;
  const promising: Array<{ q: NameForm; c: NameForm; order: number; ub: number }> = [];
  let order = 0;
  let any = false;
  for (const q of qForms) {
    for (const c of cForms) {
      if ((q.latin !== c.latin && !sameScript(q, c)) || asWritten(q, c)) continue;
      any = true;
      // The similarities go to scratch space: the few pairs aligned afterwards find them again in the memo.
      const matrix = similarityMatrix(q.tokens, c.tokens, cache, scratchMatrix);
      featureBounds(q, c, lex, matrix, organisation, lo, hi);
      const ub = bound(lo, hi, q, c) + BOUND_MARGIN;
      if (ub >= floor) promising.push({ q, c, order, ub });
      order++;
    }
  }
  if (!any) return undefined;
  if (!promising.length) return null;
  promising.sort((a, b) => b.ub - a.ub || a.order - b.order);
  let best: NameComparison | undefined;
  let bestRating = -Infinity;
  let bestOrder = Infinity;
  for (const t of promising) {
    if (t.ub < bestRating || t.ub < floor) break;
    const cmp = compareForms(t.q, t.c, lex, cache, organisation);
    const r = rate(cmp.values, t.q, t.c);
    if (r > bestRating || (r === bestRating && t.order < bestOrder)) {
      bestRating = r;
      best = cmp;
      bestOrder = t.order;
    }
  }
  if (!best || bestRating < floor) return null;
  return { comparison: best, rating: bestRating };
}

/** Romanisations of two names written in the same syllabic script are not compared: the names are, as written. */
function asWritten(q: NameForm, c: NameForm): boolean {
  return q.romanised && c.romanised && sameSyllabicScript(q.text, c.text);
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
