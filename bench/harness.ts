// Benchmark harness: timed runs, percentiles, and ratios against a baseline measured in the same run.
/** BENCH_SCALE shrinks or grows every workload (read when used, so `--smoke` can set it). */
export const scaled = (n: number, min = 10) => Math.max(min, Math.round(n * (Number(process.env.BENCH_SCALE ?? '1') || 1)));

export interface Measure {
  name: string;
  ops: number;
  seconds: number;
  /** Per-operation latencies in ms, when measured one by one. */
  latencies?: number[];
}

export interface Row extends Measure {
  baseline?: string;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `op` `n` times one after another, timing each. */
export async function timeEach(name: string, n: number, op: (i: number) => Promise<unknown> | unknown): Promise<Measure> {
  for (let i = 0; i < Math.min(20, n); i++) await op(i); // warm-up
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await op(i);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name, ops: n, seconds: Number(process.hrtime.bigint() - start) / 1e9, latencies };
}

/** Times a whole batch of `ops` operations. */
export async function timeBatch(name: string, ops: number, run: () => Promise<unknown> | unknown): Promise<Measure> {
  const start = process.hrtime.bigint();
  await run();
  return { name, ops, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function report(title: string, rows: Row[]): void {
  const byName = new Map(rows.map((r) => [r.name, r]));
  console.log(`\n## ${title}`);
  console.log(['benchmark', 'ops', 'ops/s', 'p50 ms', 'p99 ms', 'vs baseline'].join(' | '));
  for (const r of rows) {
    const rate = r.ops / r.seconds;
    const sorted = r.latencies ? [...r.latencies].sort((a, b) => a - b) : undefined;
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    const ratio = base ? `${(rate / (base.ops / base.seconds)).toFixed(2)}x of ${base.name}` : '(baseline)';
    console.log([r.name, r.ops, rate.toFixed(0), sorted ? pct(sorted, 50).toFixed(3) : '-', sorted ? pct(sorted, 99).toFixed(3) : '-', ratio].join(' | '));
  }
}

export function memoryMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
