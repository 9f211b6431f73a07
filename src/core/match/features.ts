// Name features of two name forms from their token alignment, and the choice of the best-matching pair of forms.
import {
  ABBREVIATED_C,
  ABBREVIATED_Q,
  align,
  compositeCaps,
  JOINED_C,
  JOINED_Q,
  lengthBit,
  lettersOnlyWord,
  MIN_PAIR_SIMILARITY,
  similarityMatrix,
  within2,
  WORDS_ABBREVIATE,
  type SimCache,
  type SimMatrix,
  type TokenPair,
} from './align.js';
import { FEATURE_INDEX as F, NAME_FEATURE_COUNT } from './feature-list.js';
import { Kind, spellingOf, type Lexicon, type Token } from './lexicon.js';
import { kindWeight, type NameForm } from './names.js';
import { firstLetter, letterMask, levenshtein } from './strings.js';
import { abjadKey, inAbjad, sameSyllabicScript, spellingKey } from './text.js';
import { sortSmall } from './sort.js';

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
/** ABU (father of) and UMM (mother of) open a kunya: the name after them is a child's (ABU USAMA is no USAMA). */
const KUNYA_PARTICLES = new Set(['abu', 'abou', 'umm']);
/** A particle between two names (BIN in SALMAN BIN MUHAMMAD); first or last it is a name itself (BEN NELSON). */
const particleAt = (form: NameForm, i: number) => i > 0 && i < form.tokens.length - 1 && PATRONYMIC_PARTICLES.has(form.tokens[i]!.text);
/** A kunya particle followed by a name (ABU in ABU USAMA, wherever it stands). */
const kunyaAt = (form: NameForm, i: number) => i < form.tokens.length - 1 && KUNYA_PARTICLES.has(form.tokens[i]!.text);
const PARENT = 1;
const KUNYA = 2;
/** The name at i is a parent's (after BIN), a child's (KUNYA, after ABU), or the person's own (0). */
const relationOf = (form: NameForm, i: number) => (particleAt(form, i - 1) ? PARENT : i > 0 && kunyaAt(form, i - 1) ? KUNYA : 0);

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

/**
 * Query token i and candidate token j, counterparts, are a person's own name in one and a parent's or a child's in the
 * other (SALMAN BIN MUHAMMAD / MUHAMMAD BIN SALMAN) — unless the tokens before them are counterparts too: then the query's
 * is a spelling of the other's particle (BNE or JEN for BEN, a typo) and the two names stand in the same place.
 */
function swappedAt(q: NameForm, c: NameForm, i: number, j: number, partner: Int32Array, both: boolean): boolean {
  const rq = relationOf(q, i);
  const rc = relationOf(c, j);
  return rq !== rc && (both || rq === KUNYA || rc === KUNYA) && !(i > 0 && j > 0 && partner[i - 1] === j - 1);
}

/** Each of the `n` query tokens' counterpart in one-to-one pairs, else −1. */
function partners(pairs: readonly TokenPair[], n: number): Int32Array {
  const out = n <= SCRATCH_TOKENS ? scratchPartner.fill(-1, 0, n) : new Int32Array(n).fill(-1);
  for (const p of pairs) if (p.q.length === 1 && p.c.length === 1) out[p.q[0]!] = p.c[0]!;
  return out;
}

/** The form holds a particle that makes the name after it a parent's (BIN) or a child's (ABU): see relationOf. */
function hasRelationParticle(form: NameForm): boolean {
  for (let i = 0; i < form.tokens.length; i++) if (particleAt(form, i) || kunyaAt(form, i)) return true;
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
  relationParticle: boolean;
  /** The form holds a kunya (ABU, UMM before a name). */
  kunya: boolean;
  /** An initial inside the form may stand only for a middle name (see middleInitials). */
  middleInitial: boolean;
  /** Per token, side by side (what bounding a pair reads): id, weight, info and INFORMATIVE | CONTRADICTS flags. */
  packed: Float64Array;
  /** numbers.length. */
  numberCount: number;
  /** The form is a romanisation of a name written in an abjad (see abjadKey). */
  abjad: boolean;
  /** Lengths (see lengthBit) of the runs of 2 and 3 adjacent tokens joined, and of the tokens of 4 characters or more. */
  runs: number;
  long: number;
  /** Letter masks (see letterMask) of the words of 2 to 5 characters: abbreviations the form may hold. */
  shorts: number[];
  /** First letters (a–z) of the tokens longer than one character: initials the form may spell. */
  heads: number;
}

const INFORMATIVE = 1;
const CONTRADICTS = 2;
/** Numbers per token in FormInfo.packed. */
const PACKED = 4;

/**
 * The kinds of joined/split and abbreviation pairs that can hold (see compositeCaps; 0 when none can: no need to look
 * for one): runs of one side need a token of the other of a length within 2 of theirs, abbreviations the initials.
 */
function compositeParts(qi: FormInfo, ci: FormInfo, nq: number, nc: number, organisation: boolean): number {
  if (nq < 2 && nc < 2) return 0;
  return (
    (within2(qi.runs) & ci.long ? JOINED_Q : 0) |
    (within2(ci.runs) & qi.long ? JOINED_C : 0) |
    (abbreviable(qi.shorts, ci.heads, nc, organisation) ? ABBREVIATED_Q : 0) |
    (abbreviable(ci.shorts, qi.heads, nq, organisation) ? ABBREVIATED_C : 0) |
    (organisation ? WORDS_ABBREVIATE : 0)
  );
}

/**
 * A short word of one form may be spelled by the initials of `n` tokens of the other, whose first letters are `heads`
 * (without `words`, only letters without a vowel: see WORDS_ABBREVIATE).
 */
function abbreviable(shorts: readonly number[], heads: number, n: number, words: boolean): boolean {
  if (n < 2) return false;
  for (const m of shorts) if ((words || lettersOnlyWord(m)) && (m < 0 || (m & ~heads) === 0)) return true;
  return false;
}

/** The form is a romanisation of a name written in an abjad: its letters are compared as the abjad writes them (see abjadKey). */
export const viaAbjad = (form: NameForm) => form.romanised && inAbjad(form.text);

/** The form's derived figures, computed once per form and lexicon state. */
function formInfo(form: NameForm, lex: Lexicon): FormInfo {
  const got = form.derived as FormInfo | undefined;
  if (got && got.lex === lex && got.epoch === lex.epoch) return got;
  const weights = weightsOf(form, lex);
  const info = new Float64Array(form.tokens.length);
  for (let i = 0; i < info.length; i++) info[i] = lex.idf(form.tokens[i]!.id) * kindWeight(form.tokens[i]!.kind, form.roles[i]);
  const toks = form.tokens;
  const packed = new Float64Array(toks.length * PACKED);
  let runs = 0;
  let long = 0;
  let heads = 0;
  const shorts: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    packed[i * PACKED] = t.id;
    packed[i * PACKED + 1] = weights[i]!;
    packed[i * PACKED + 2] = info[i]!;
    packed[i * PACKED + 3] = (informative(t) ? INFORMATIVE : 0) | (contradicts(t) ? CONTRADICTS : 0);
    const len = t.text.length;
    if (len >= 4) long |= lengthBit(len);
    if (i + 1 < toks.length) runs |= lengthBit(len + toks[i + 1]!.text.length);
    if (i + 2 < toks.length) runs |= lengthBit(len + toks[i + 1]!.text.length + toks[i + 2]!.text.length);
    if (len >= 2 && len <= 5 && t.kind === Kind.Word) shorts.push(letterMask(t.text));
    const letter = len > 1 ? firstLetter(t.text) : 0;
    if (letter) heads |= 1 << (letter - 1);
  }
  const numbers = numbersOf(form);
  const made: FormInfo = {
    lex,
    epoch: lex.epoch,
    weights,
    total: sum(weights),
    info,
    numbers,
    informative: informativeCount(form),
    relationParticle: hasRelationParticle(form),
    kunya: form.tokens.some((_, i) => kunyaAt(form, i)),
    middleInitial: hasMiddleInitial(toks),
    packed,
    numberCount: numbers.length,
    abjad: viaAbjad(form),
    runs,
    long,
    shorts,
    heads,
  };
  form.derived = made;
  return made;
}

/**
 * An initial inside a name (neither its first token nor its last) stands for a middle name: it does not take the other
 * name's last token (its family name, in the usual order) while both names end in a word. "John A. Smith" is not
 * "John Adams": A paired with ADAMS left SMITH alone, as if the family names did not differ. Not where the initial's
 * name holds a particle: "Mohammed A. al-Masri" may be "Mohammed Abdullah", named by his father's name without the
 * nisba. Returns `m`, changed.
 */
function middleInitials(q: readonly Token[], c: readonly Token[], qi: FormInfo, ci: FormInfo, m: SimMatrix): SimMatrix {
  const nq = q.length;
  const nc = c.length;
  if (qi.middleInitial && nc > 1 && c[nc - 1]!.kind === Kind.Word)
    for (let i = 1; i < nq - 1; i++) if (q[i]!.kind === Kind.Initial) m.sims[i * nc + nc - 1] = 0;
  if (ci.middleInitial && nq > 1 && q[nq - 1]!.kind === Kind.Word)
    for (let j = 1; j < nc - 1; j++) if (c[j]!.kind === Kind.Initial) m.sims[(nq - 1) * nc + j] = 0;
  return m;
}

/** The form holds an initial between its first token and its last, ends in a word and holds no particle. */
function hasMiddleInitial(toks: readonly Token[]): boolean {
  const n = toks.length;
  if (n < 3 || toks[n - 1]!.kind !== Kind.Word || toks.some((t) => t.kind === Kind.Particle)) return false;
  for (let i = 1; i < n - 1; i++) if (toks[i]!.kind === Kind.Initial) return true;
  return false;
}

const byQueryIndex = (a: TokenPair, b: TokenPair) => a.q[0]! - b.q[0]!;

/**
 * Compares two name forms: aligns their tokens and computes the name features (into `out` when given, a vector of
 * NAME_FEATURE_COUNT numbers the comparison then holds; a new one otherwise).
 */
export function compareForms(
  q: NameForm,
  c: NameForm,
  lex: Lexicon,
  cache?: SimCache,
  organisation = false,
  matrix?: SimMatrix,
  out?: Float64Array,
): NameComparison {
  const qi = formInfo(q, lex);
  const ci = formInfo(c, lex);
  // The similarities go to scratch space (align keeps what it pairs) unless the caller gives them.
  const sims = matrix ?? middleInitials(q.tokens, c.tokens, qi, ci, similarityMatrix(q.tokens, c.tokens, cache, alignMatrix));
  const aligned = align(q.tokens, c.tokens, cache, sims, compositeParts(qi, ci, q.tokens.length, c.tokens.length, organisation), qi.long, ci.long);
  const pairs = !organisation && lettersOnly(aligned) ? NO_PAIRS : aligned;
  const qw = qi.weights;
  const cw = ci.weights;
  const particles = qi.relationParticle && ci.relationParticle;
  // A kunya's name is a child's even when the other name has no particle (MOHAMED SALAH is not ABU MOHAMED SALAH).
  const kunya = !particles && (qi.kunya || ci.kunya);
  let swapped = 0;
  let weakEdits = 0;
  const wq = qi.total;
  const wc = ci.total;
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  const usedQ = nq <= SCRATCH_TOKENS ? scratchUsedQ.fill(0, 0, nq) : new Uint8Array(nq);
  const usedC = nc <= SCRATCH_TOKENS ? scratchUsedC.fill(0, 0, nc) : new Uint8Array(nc);
  let mq = 0;
  let mc = 0;
  let weakest = 1;
  let initials = 0;
  let rarity = 0;
  let exactAll = q.tokens.length === c.tokens.length;
  // Through a romanisation of a name written in an abjad, letters that differ only as its romanisations differ are no edit.
  const abjad = qi.abjad || ci.abjad;
  let lastC = -1;
  let reordered = 0;
  const ordered = pairs.length > 1 ? sortSmall([...pairs], byQueryIndex) : pairs;
  // Each query token's counterpart when one token answers one token (else −1): see swappedAt.
  const partner = particles || kunya ? partners(pairs, nq) : undefined;
  for (const p of ordered) {
    for (const i of p.q) usedQ[i] = 1;
    for (const j of p.c) usedC[j] = 1;
    mq += p.sim * weightAt(qw, p.q);
    mc += p.sim * weightAt(cw, p.c);
    const word = anyInformative(q, p.q) || anyInformative(c, p.c);
    if (word && p.sim <= weakest) {
      const edits = pairEdits(q, c, p, abjad);
      if (p.sim < weakest || edits > weakEdits) weakEdits = edits;
      weakest = p.sim;
    }
    if (partner && p.q.length === 1 && p.c.length === 1 && swappedAt(q, c, p.q[0]!, p.c[0]!, partner, particles)) swapped = 1;
    if (p.how === 'initial' || p.how === 'abbreviation') initials++;
    if (p.how !== 'exact') exactAll = false;
    rarity += (p.sim * (maxAt(qi.info, p.q) + maxAt(ci.info, p.c))) / 2;
    if (p.c[0]! < lastC) reordered = 1;
    lastC = p.c[0]!;
  }
  if (reordered && (q.turn || c.turn) && turnedInOrder(ordered, q, c, usedQ, usedC)) reordered = 0;
  const qUnmatched = indices(usedQ, nq);
  const cUnmatched = indices(usedC, nc);
  const uq = maxUnmatched(q, qw, qUnmatched);
  const uc = maxUnmatched(c, cw, cUnmatched);
  const covQ = wq > 0 ? mq / wq : 0;
  const covC = wc > 0 ? mc / wc : 0;
  const numQ = qi.numbers;
  const numC = ci.numbers;
  const v = out ? out.fill(0) : new Float64Array(NAME_FEATURE_COUNT);
  v[F.nameSimilarity] = wq + wc > 0 ? (mq + mc) / (wq + wc) : 0;
  v[F.coverageMin] = Math.min(covQ, covC);
  v[F.coverageMax] = Math.max(covQ, covC);
  v[F.weakestToken] = pairs.length ? 1 - weakest : 1;
  v[F.weakestEdits] = weakEdits;
  v[F.unmatchedBoth] = Math.min(uq, uc);
  v[F.unmatchedOne] = Math.max(uq, uc);
  // A person's own name that is a parent's or a child's in the other (SALMAN BIN MUHAMMAD / MUHAMMAD BIN SALMAN, USAMA / ABU
  // USAMA) contradicts it too.
  v[F.conflict] = swapped || (anyContradicting(q, qUnmatched) && anyContradicting(c, cUnmatched)) ? 1 : 0;
  v[F.organisationExtraWord] = organisation ? Math.max(uq, uc) : 0;
  v[F.exactName] = exactAll && qUnmatched.length === 0 && cUnmatched.length === 0 ? 1 : 0;
  v[F.numberConflict] = numQ.length && numC.length && numQ.some((n) => !numC.includes(n)) && numC.some((n) => !numQ.includes(n)) ? 1 : 0;
  v[F.numberMissing] = (numQ.length === 0) !== (numC.length === 0) ? 1 : 0;
  v[F.legalFormConflict] = q.legal && c.legal && q.legal !== c.legal && q.legal !== 'generic' && c.legal !== 'generic' ? 1 : 0;
  v[F.reordered] = reordered;
  v[F.patronymicSwap] = swapped;
  v[F.initials] = pairs.length ? initials / pairs.length : 0;
  v[F.rarity] = Math.min(1, rarity / 2);
  v[F.singleToken] = qi.informative === 1 && ci.informative === 1 ? 1 : 0;
  v[F.romanised] = q.romanised || c.romanised ? 1 : 0;
  if (v[F.conflict]) contradicted(v);
  return { q, c, pairs, qUnmatched, cUnmatched, values: v };
}

/** Where token `i` of `n` stands when the last `turn` tokens (a family name, see NameForm.turn) are read first. */
const turned = (i: number, n: number, turn: number) => (i >= n - turn ? i - (n - turn) : i + turn);

/** Every word of the form's last `turn` tokens (its family name) has a counterpart; a particle (the AL of AL-ALI) may be left out. */
function wholeFamily(form: NameForm, used: Uint8Array, turn: number): boolean {
  const n = form.tokens.length;
  for (let i = n - turn; i < n; i++) if (!used[i] && form.tokens[i]!.kind !== Kind.Particle) return false;
  return true;
}

/**
 * The pairs (in query order) are in order once either form's family name (see NameForm.turn) is read first: KIM
 * JONG UN and KIM, Jong Un (a form Jong Un KIM, turned) are not another order of one another. The family name moves
 * whole: a name that answers only part of it (ABDUL MASOUD against ALY SOLIMAN MASSOUD, family name ABDUL SAYED) is
 * not read so.
 */
function turnedInOrder(pairs: readonly TokenPair[], q: NameForm, c: NameForm, usedQ: Uint8Array, usedC: Uint8Array): boolean {
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  const tqs = q.turn && wholeFamily(q, usedQ, q.turn) ? [0, q.turn] : [0];
  const tcs = c.turn && wholeFamily(c, usedC, c.turn) ? [0, c.turn] : [0];
  if (tqs.length === 1 && tcs.length === 1) return false;
  let same: string[] | undefined;
  for (const tq of tqs)
    for (const tc of tcs) {
      if (!tq && !tc) continue;
      const at = pairs.map((p, k) => ({ q: turned(p.q[0]!, nq, tq), c: turned(p.c[0]!, nc, tc), k })).sort((a, b) => a.q - b.q);
      if (ascending(at)) return true;
      // Pairs of one token each with the same spelling on each side (the two ALs of AL-TIKRITI ALI HASSAN AL-MAJID) may
      // exchange partners: the alignment paired them in written order, not in the order read.
      same ??= pairs.map((p) => (p.q.length === 1 && p.c.length === 1 ? `${q.tokens[p.q[0]!]!.text} ${c.tokens[p.c[0]!]!.text}` : ''));
      for (const key of new Set(same)) {
        if (!key) continue;
        const group = at.filter((x) => same![x.k] === key);
        const cs = group.map((x) => x.c).sort((a, b) => a - b);
        group.forEach((x, k) => (x.c = cs[k]!));
      }
      if (ascending(at)) return true;
    }
  return false;
}

const ascending = (at: ReadonlyArray<{ c: number }>) => at.every((x, k) => k === 0 || x.c > at[k - 1]!.c);

/** What a pair of forms aligns to when it may not be aligned at all (see lettersOnly). */
const NO_PAIRS: TokenPair[] = [];

/**
 * Two persons' names that correspond only letter to name (J. S. and JOHN SMITH, NN and NURSULTAN NAZARBAYEV: initials,
 * or a word spelled by the other's initials) share no name: "N.N." is how records write a name not known. They are
 * compared as names with no token in common; other evidence still counts. An organisation's acronym is its name (IBM).
 */
function lettersOnly(pairs: readonly TokenPair[]): boolean {
  if (pairs.length === 0) return false;
  for (const p of pairs) if (p.how !== 'initial' && p.how !== 'abbreviation') return false;
  return true;
}

/**
 * Names that contradict each other (each keeps a word or initial the other lacks, or a given name is the father's name
 * in the other) are not partly the same name: how much of them agrees, and how rare the agreeing tokens are, says
 * nothing for them (ABD EL KADER MAHMOUD AHMED EL SAYED is not ABD EL KADER MAHMOUD MOHAMED EL SAYED for agreeing in
 * five of six parts). Their agreement features are 0, so a contradiction weighs the same in a long name as in a short one.
 */
function contradicted(v: Float64Array): void {
  v[F.nameSimilarity] = 0;
  v[F.coverageMin] = 0;
  v[F.coverageMax] = 0;
  v[F.rarity] = 0;
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
  boundsOf(q, c, formInfo(q, lex), formInfo(c, lex), capQ, capC, organisation, lo, hi);
}

/** featureBounds from each token's best plain similarity on the other side (`capQ`, `capC`, 0 when none), with the forms' derived figures (`qi`, `ci`). */
function boundsOf(
  q: NameForm,
  c: NameForm,
  qi: FormInfo,
  ci: FormInfo,
  capQ: Float64Array,
  capC: Float64Array,
  organisation: boolean,
  lo: Float64Array,
  hi: Float64Array,
): void {
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  const fits = nq <= SCRATCH_TOKENS && nc <= SCRATCH_TOKENS;
  const compQ = fits ? scratchCompQ : new Float64Array(nq);
  const compC = fits ? scratchCompC : new Float64Array(nc);
  // Joined, split and abbreviated pairs are looked for only when the lengths and letters of the two forms allow one.
  const parts = compositeParts(qi, ci, nq, nc, organisation);
  if (parts) compositeCaps(q.tokens, c.tokens, compQ, compC, parts, qi.long, ci.long);
  else {
    compQ.fill(0, 0, nq);
    compC.fill(0, 0, nc);
  }
  const qp = qi.packed;
  const cp = ci.packed;
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
    const w = qp[i * PACKED + 1]!;
    wq += w;
    mq += cap * w;
    rarity += cap * qp[i * PACKED + 2]!;
    if (cap === 0) {
      const flags = qp[i * PACKED + 3]!;
      if (flags & INFORMATIVE && w > uq) uq = w;
      if (flags & CONTRADICTS) leftQ = true;
    }
  }
  for (let j = 0; j < nc; j++) {
    const cap = Math.max(capC[j]!, compC[j]!);
    const w = cp[j * PACKED + 1]!;
    wc += w;
    mc += cap * w;
    rarity += cap * cp[j * PACKED + 2]!;
    if (cap === 0) {
      const flags = cp[j * PACKED + 3]!;
      if (flags & INFORMATIVE && w > uc) uc = w;
      if (flags & CONTRADICTS) leftC = true;
    }
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
  if (!(qi.relationParticle && ci.relationParticle) && !qi.kunya && !ci.kunya) hi[F.patronymicSwap] = 0;
  hi[F.rarity] = Math.min(1, rarity / 4);
  // A contradiction certain before the alignment: the agreement features will be 0 (see contradicted).
  if (lo[F.conflict]) contradicted(hi);
  // Known without the alignment: numbers, legal forms, single tokens, romanisation.
  const nums = qi.numbers;
  const numc = ci.numbers;
  lo[F.numberConflict] = hi[F.numberConflict] =
    qi.numberCount && ci.numberCount && nums.some((n) => !numc.includes(n)) && numc.some((n) => !nums.includes(n)) ? 1 : 0;
  lo[F.numberMissing] = hi[F.numberMissing] = (qi.numberCount === 0) !== (ci.numberCount === 0) ? 1 : 0;
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
const scratchUsedQ = new Uint8Array(SCRATCH_TOKENS);
const scratchUsedC = new Uint8Array(SCRATCH_TOKENS);
const scratchPartner = new Int32Array(SCRATCH_TOKENS);
const scratchCompared = new Float64Array(NAME_FEATURE_COUNT);
const scratchBest = new Float64Array(NAME_FEATURE_COUNT);
/** Records of the pairs of forms bestNameComparison keeps, reused from call to call (they hold the last forms compared). */
const promisingPool: Array<{ q: NameForm; c: NameForm; order: number; ub: number }> = [];
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

/** Pairs of forms by bound, highest first, then in the order they were met. */
const byBound = (a: { order: number; ub: number }, b: { order: number; ub: number }) => b.ub - a.ub || a.order - b.order;

/** Sorts the first `n` pairs of forms byBound in place. */
export function sortByBound<T extends { order: number; ub: number }>(xs: T[], n = xs.length): T[] {
  return sortSmall(xs, byBound, n);
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
  // The pairs kept go to pooled records (promisingPool[0, kept)), not to new objects.
  const promising = promisingPool;
  let kept = 0;
  let order = 0;
  let any = false;
  for (const q of qForms) {
    const qi = formInfo(q, lex);
    for (const c of cForms) {
      if ((q.latin !== c.latin && !sameScript(q, c)) || asWritten(q, c)) continue;
      any = true;
      // Each token's best counterpart from the memo (the few pairs aligned afterwards find the similarities there again).
      if (cache?.maxima && q.tokens.length <= SCRATCH_TOKENS && c.tokens.length <= SCRATCH_TOKENS) {
        const ci = formInfo(c, lex);
        cache.maxima(q.tokens, c.tokens, scratchCapQ, scratchCapC, ci.packed, PACKED);
        boundsOf(q, c, qi, ci, scratchCapQ, scratchCapC, organisation, lo, hi);
      } else featureBounds(q, c, lex, similarityMatrix(q.tokens, c.tokens, cache, scratchMatrix), organisation, lo, hi);
      const ub = bound(lo, hi, q, c) + BOUND_MARGIN;
      if (ub >= floor) {
        const t = promising[kept];
        if (t) {
          t.q = q;
          t.c = c;
          t.order = order;
          t.ub = ub;
        } else promising.push({ q, c, order, ub });
        kept++;
      }
      order++;
    }
  }
  if (!any) return undefined;
  if (!kept) return null;
  if (kept > 1) sortByBound(promising, kept);
  let best: NameComparison | undefined;
  let bestRating = -Infinity;
  let bestOrder = Infinity;
  // Features go to scratch space: only the best pair's are copied out (the best so far and the one compared swap places).
  let spare: Float64Array = scratchCompared;
  for (let k = 0; k < kept; k++) {
    const t = promising[k]!;
    if (t.ub < bestRating || t.ub < floor) break;
    const cmp = compareForms(t.q, t.c, lex, cache, organisation, undefined, spare);
    const r = rate(cmp.values, t.q, t.c);
    if (r > bestRating || (r === bestRating && t.order < bestOrder)) {
      spare = best ? best.values : spare === scratchCompared ? scratchBest : scratchCompared;
      bestRating = r;
      best = cmp;
      bestOrder = t.order;
    }
  }
  if (!best || bestRating < floor) return null;
  best.values = best.values.slice();
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

/**
 * The letters that differ between the two sides of a pair that are spellings of one another (fuzzy, phonetic or joined;
 * 0 for the others), up to 4, over 4. Letters that spell one sound (BARACK, BARAK) are no edit; through a romanisation
 * of a name written in an abjad (`abjad`), neither are the choices its romanisations make (see abjadKey).
 */
export function pairEdits(q: NameForm, c: NameForm, p: TokenPair, abjad: boolean): number {
  if (p.how !== 'fuzzy' && p.how !== 'phonetic' && p.how !== 'joined') return 0;
  const edits = abjad ? levenshtein(abjadKey(words(q, p.q)), abjadKey(words(c, p.c))) : levenshtein(spelled(q, p.q), spelled(c, p.c));
  return Math.min(4, edits) / 4;
}

/** The spelling key (see spellingKey) of the tokens at `idx` joined. */
const spelled = (form: NameForm, idx: readonly number[]) => (idx.length === 1 ? spellingOf(form.tokens[idx[0]!]!) : spellingKey(words(form, idx)));

/** The spelling of the tokens at `idx` joined (one token's own spelling when there is one). */
const words = (form: NameForm, idx: readonly number[]) => (idx.length === 1 ? form.tokens[idx[0]!]!.text : idx.map((i) => form.tokens[i]!.text).join(''));

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Indices of the first `n` flags that are not set. */
function indices(flags: Uint8Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (flags[i] === 0) out.push(i);
  return out;
}
