// String similarity for name tokens: Jaro–Winkler and bounded Levenshtein on UTF-16 code units, allocation-light.

/** Longest token compared character by character; longer tokens compare on this prefix (names are never that long). */
export const MAX_COMPARE = 64;

const matchedA = new Uint8Array(MAX_COMPARE);
const matchedB = new Uint8Array(MAX_COMPARE);

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  const la = Math.min(a.length, MAX_COMPARE);
  const lb = Math.min(b.length, MAX_COMPARE);
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  if (a === b) return 1;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

const rowA = new Int32Array(MAX_COMPARE + 1);
const rowB = new Int32Array(MAX_COMPARE + 1);
const rowC = new Int32Array(MAX_COMPARE + 1);

/** Levenshtein distance where an adjacent transposition counts as one edit (optimal string alignment). */
export function levenshtein(a: string, b: string): number {
  const la = Math.min(a.length, MAX_COMPARE);
  const lb = Math.min(b.length, MAX_COMPARE);
  if (la === 0) return lb;
  if (lb === 0) return la;
  let twoBack = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, twoBack[j - 2]! + 1);
      cur[j] = v;
    }
    const t = twoBack;
    twoBack = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** 1 − distance / longer length, in [0, 1]. */
export function levenshteinSimilarity(a: string, b: string): number {
  const n = Math.max(Math.min(a.length, MAX_COMPARE), Math.min(b.length, MAX_COMPARE));
  return n === 0 ? 1 : 1 - levenshtein(a, b) / n;
}

const histogram = new Int32Array(128);
/** Results of countExtras: characters `a` has more of than `b`, and the reverse. */
let extraA = 0;
let extraB = 0;

/** Counts the characters each spelling (its first la / lb) has beyond the other's into extraA / extraB; false (no counts) when either is not ASCII. */
function countExtras(a: string, b: string, la: number, lb: number): boolean {
  let ok = true;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    if (c >= 128) ok = false;
    else histogram[c]!++;
  }
  for (let i = 0; i < lb; i++) {
    const c = b.charCodeAt(i);
    if (c >= 128) ok = false;
    else histogram[c]!--;
  }
  extraA = 0;
  extraB = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) {
      const h = histogram[c]!;
      if (h > 0) extraA += h;
      else if (h < 0) extraB -= h;
      histogram[c] = 0;
    }
  }
  for (let i = 0; i < lb; i++) {
    const c = b.charCodeAt(i);
    if (c < 128) {
      const h = histogram[c]!;
      if (h < 0) extraB -= h;
      histogram[c] = 0;
    }
  }
  return ok;
}

/**
 * A lower bound of levenshtein(a, b) from the characters the two spellings do not share (a substitution, insertion or
 * deletion fixes at most one on each side, a transposition none); computed on ASCII only (−1 otherwise: no bound).
 */
export function editLowerBound(a: string, b: string): number {
  return countExtras(a, b, Math.min(a.length, MAX_COMPARE), Math.min(b.length, MAX_COMPARE)) ? Math.max(extraA, extraB) : -1;
}

/**
 * An upper bound of (jaroWinkler(a, b) + levenshteinSimilarity(a, b)) / 2 from the characters the spellings share
 * (Jaro matches are shared characters; unshared ones are edits); 1 (no bound) for non-ASCII spellings.
 */
export function similarityCeiling(a: string, b: string): number {
  const la = Math.min(a.length, MAX_COMPARE);
  const lb = Math.min(b.length, MAX_COMPARE);
  if (la === 0 || lb === 0 || !countExtras(a, b, la, lb)) return 1;
  const edits = Math.max(extraA, extraB);
  // Jaro's matching characters are among the characters both spellings have: la − extraA of them (the multiset intersection).
  const m = la - extraA;
  const jaroCeiling = m === 0 ? 0 : (m / la + m / lb + 1) / 3;
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const jw = jaroCeiling + prefix * 0.1 * (1 - jaroCeiling);
  return (Math.min(1, jw) + 1 - edits / Math.max(la, lb)) / 2;
}

/** The first character of `s` as a letter 1 (a) … 26 (z), else 0. */
export function firstLetter(s: string): number {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122 ? c - 96 : 0;
}

/** The letters a–z of an ASCII spelling of at most MAX_COMPARE characters, a bit each; −1 for any other spelling. */
export function letterMask(s: string): number {
  if (s.length > MAX_COMPARE) return -1;
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
  }
  return mask;
}

/** Number of bits set in a 32-bit mask. */
export function letters(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * A quick upper bound of similarityCeiling(a, b) from the two spellings' letter masks (see letterMask, both ≥ 0): a
 * letter one spelling has and the other lacks is at least one unshared character and one edit. Never below the ceiling.
 */
export function maskCeiling(a: string, maskA: number, b: string, maskB: number): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 1;
  const pa = letters(maskA & ~maskB);
  const pb = letters(maskB & ~maskA);
  const m = Math.min(la - pa, lb - pb);
  const jaroCeiling = m <= 0 ? 0 : (m / la + m / lb + 1) / 3;
  let prefix = 0;
  const limit = Math.min(4, la, lb);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const jw = jaroCeiling + prefix * 0.1 * (1 - jaroCeiling);
  return (Math.min(1, jw) + 1 - Math.max(pa, pb) / Math.max(la, lb)) / 2;
}
