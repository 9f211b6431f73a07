// Fitting the logistic model: L2-regularised Newton iterations on feature vectors, with fixed offsets and frozen coefficients.

export interface FitOptions {
  /** L2 penalty on the coefficients (not on the intercept). */
  l2?: number;
  iterations?: number;
  /** Per-row log-odds added to the model's (e.g. the name part of a fixed first stage). */
  offsets?: readonly number[];
  /** Indices of the coefficients that are fitted; the others stay at `start` (and the intercept too when `fitIntercept` is false). */
  free?: readonly number[];
  fitIntercept?: boolean;
  start?: { coef: Float64Array; intercept: number };
  /** Per-row weights (e.g. to balance classes). */
  weights?: readonly number[];
}

export interface Fitted {
  coef: Float64Array;
  intercept: number;
  /** Penalised mean log-loss on the training rows. */
  logLoss: number;
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is small and symmetric positive definite here). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    const d = a[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / (a[r]![r]! || 1e-12);
  }
  return x;
}

/** Fits P(y = 1 | x) = σ(intercept + coef · x + offset) by Newton's method with an L2 penalty. */
export function fitLogistic(rows: readonly Float64Array[], labels: readonly number[], opts: FitOptions = {}): Fitted {
  const dims = rows[0]?.length ?? 0;
  const l2 = opts.l2 ?? 1;
  const free = opts.free ?? Array.from({ length: dims }, (_, i) => i);
  const fitIntercept = opts.fitIntercept ?? true;
  const coef = opts.start ? Float64Array.from(opts.start.coef) : new Float64Array(dims);
  let intercept = opts.start?.intercept ?? 0;
  // Parameters fitted: the free coefficients, then the intercept.
  const p = free.length + (fitIntercept ? 1 : 0);
  const value = (r: Float64Array, k: number) => (k < free.length ? r[free[k]!]! : 1);
  const z = (i: number) => {
    const r = rows[i]!;
    let s = intercept + (opts.offsets?.[i] ?? 0);
    for (let k = 0; k < dims; k++) s += coef[k]! * r[k]!;
    return s;
  };
  /** Penalised mean log-loss of the current parameters. */
  const objective = () => {
    let loss = 0;
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const w = opts.weights?.[i] ?? 1;
      const zi = z(i);
      // log(1 + e^−z) for y = 1 and log(1 + e^z) for y = 0, computed stably.
      const m = labels[i] ? -zi : zi;
      loss += w * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
      total += w;
    }
    let pen = 0;
    for (const k of free) pen += coef[k]! * coef[k]!;
    return loss / (total || 1) + (l2 * pen) / (2 * (total || 1));
  };
  let current = objective();
  for (let it = 0; it < (opts.iterations ?? 100); it++) {
    const grad = new Float64Array(p);
    const hess = Array.from({ length: p }, () => new Float64Array(p));
    for (let i = 0; i < rows.length; i++) {
      const w = opts.weights?.[i] ?? 1;
      const pr = 1 / (1 + Math.exp(-z(i)));
      const g = w * (pr - labels[i]!);
      const h = w * Math.max(pr * (1 - pr), 1e-9);
      const r = rows[i]!;
      for (let a = 0; a < p; a++) {
        const va = value(r, a);
        if (va === 0) continue;
        grad[a]! += g * va;
        for (let b = 0; b < p; b++) hess[a]![b]! += h * va * value(r, b);
      }
    }
    for (let a = 0; a < free.length; a++) {
      grad[a]! += l2 * coef[free[a]!]!;
      hess[a]![a]! += l2;
    }
    if (fitIntercept) hess[p - 1]![p - 1]! += 1e-6;
    const step = solve(hess, grad);
    // Damped Newton: halve the step until the penalised loss does not rise.
    const saved = Float64Array.from(coef);
    const savedIntercept = intercept;
    let scale = 1;
    let next = Infinity;
    for (let tries = 0; tries < 30; tries++, scale /= 2) {
      for (let a = 0; a < free.length; a++) coef[free[a]!] = saved[free[a]!]! - scale * step[a]!;
      if (fitIntercept) intercept = savedIntercept - scale * step[p - 1]!;
      next = objective();
      if (next <= current + 1e-12) break;
    }
    if (next > current + 1e-12) {
      coef.set(saved);
      intercept = savedIntercept;
      break;
    }
    const done = current - next < 1e-10;
    current = next;
    if (done) break;
  }
  const logLoss = current;
  return { coef, intercept, logLoss };
}
