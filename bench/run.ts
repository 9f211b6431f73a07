// `npm run bench [-- <suite…>] [--smoke]`: runs the benchmark suites and prints figures with same-run baselines.

const SUITES: Record<string, () => Promise<void>> = {
  platform: async () => (await import('./platform.bench.js')).platformBench(),
  text: async () => (await import('./text.bench.js')).textBench(),
  watchlists: async () => (await import('./watchlists.bench.js')).watchlistsBench(),
  screening: async () => (await import('./match.bench.js')).matchBench(),
  travel: async () => (await import('./travel.bench.js')).travelBench(),
  'travel-rules': async () => (await import('./travel-rules.bench.js')).travelRulesBench(),
  documents: async () => (await import('./documents.bench.js')).documentsBench(),
  taxii: async () => (await import('./taxii.bench.js')).taxiiBench(),
  intel: async () => (await import('./intel.bench.js')).intelBench(),
  'intel-xref': async () => (await import('./intel-xref.bench.js')).intelXrefBench(),
  'intel-chart': async () => (await import('./intel-chart.bench.js')).intelChartBench(),
  cbm: async () => (await import('./cbm.bench.js')).cbmBench(),
};

const args = process.argv.slice(2);
if (args.includes('--smoke') && !process.env.BENCH_SCALE) process.env.BENCH_SCALE = '0.02';
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !(w in SUITES));
if (unknown.length) {
  console.error(`unknown bench suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
console.log(`# Vigil benchmarks (BENCH_SCALE=${process.env.BENCH_SCALE ?? '1'}, node ${process.version})`);
/** Suites the smoke bench leaves out: they drive a browser, and their figures are reported, not gated in CI. */
const NOT_SMOKE = new Set(['intel-chart']);
const all = Object.keys(SUITES).filter((s) => !(args.includes('--smoke') && NOT_SMOKE.has(s)));
for (const name of wanted.length ? wanted : all) await SUITES[name]!();
