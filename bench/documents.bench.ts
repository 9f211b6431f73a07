// Documents benchmarks: MRZ parse + validate throughput against the npm `mrz` package in the same run, and where their verdicts differ.
import { parse as mrzParse } from 'mrz';
import { generateMrz, parseMrz, type MrzFormat, type MrzInputFields } from '../src/core/mrz/index.js';
import { report, scaled, type Row } from './harness.js';
import { seeded } from '../src/core/seeded.js';

const TODAY = new Date('2026-06-01T00:00:00Z');
const ALPHABET = '<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Real states, Germany's D, organisations and the specimen state: mostly ordinary passports, some of each special code.
const STATES = [
  'AUT',
  'FRA',
  'GBR',
  'USA',
  'NLD',
  'ITA',
  'ESP',
  'POL',
  'TUR',
  'UKR',
  'IRQ',
  'SYR',
  'NGA',
  'CHN',
  'IND',
  'BRA',
  'D',
  'D',
  'D',
  'XXA',
  'UNO',
  'GBD',
  'UTO',
];
const SURNAMES = ['SPECIMEN', 'MUSTERFRAU', 'MUSTERMANN', 'TESTPERSON', 'QUUXLEY', 'EXEMPLAR'];
const GIVEN = ['ERIKA', 'JOHN', 'ALPHA', 'ANNA MARIA', 'JEAN PIERRE', ''];

/** Seeded, so every run measures the same corpus. */
const rng = seeded;

interface Sample {
  lines: string[];
  format: MrzFormat;
  corrupted: boolean;
}

function corpus(n: number, formats: readonly MrzFormat[], seed: number): Sample[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const day = (from: number, span: number) => new Date(from + r() * span).toISOString().slice(0, 10);
  const YEAR = 365.25 * 86_400_000;
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const format = formats[i % formats.length]!;
    const state = pick(STATES);
    const fields: MrzInputFields = {
      format,
      issuingState: state,
      nationality: r() < 0.9 ? state : pick(STATES),
      documentNumber: Array.from({ length: 8 + Math.floor(r() * 2) }, () => pick('0123456789CFGHJKLMNPRTVWXYZ'.split(''))).join(''),
      lastName: pick(SURNAMES),
      firstNames: pick(GIVEN),
      birthDate: day(TODAY.getTime() - 90 * YEAR, 72 * YEAR),
      sex: r() < 0.05 ? 'X' : pick(['M', 'F'] as const),
      expiryDate: day(TODAY.getTime() - 5 * YEAR, 15 * YEAR),
      optionalData: r() < 0.3 ? String(Math.floor(r() * 1e6)) : '',
    };
    const lines = generateMrz(fields);
    // Half the corpus is invalid: one character changed anywhere (as a scanner misreads, or a forger edits).
    if (i % 2 === 1) {
      const li = Math.floor(r() * lines.length);
      const ci = Math.floor(r() * lines[li]!.length);
      const to = pick(ALPHABET.split('').filter((c) => c !== lines[li]![ci]));
      lines[li] = lines[li]!.slice(0, ci) + to + lines[li]!.slice(ci + 1);
    }
    out.push({ lines, format, corrupted: i % 2 === 1 });
  }
  return out;
}

function mrzVerdict(lines: string[]): { valid: boolean; invalidFields: string[] } {
  try {
    const res = mrzParse(lines);
    return { valid: res.valid, invalidFields: res.details.filter((d) => !d.valid).map((d) => d.field ?? '?') };
  } catch (err) {
    return { valid: false, invalidFields: [`threw: ${(err as Error).message}`] };
  }
}

export async function documentsBench(): Promise<void> {
  const n = scaled(30_000, 600);
  const both = corpus(n, ['TD1', 'TD2', 'TD3'], 9303);
  const visas = corpus(Math.max(200, Math.round(n / 3)), ['MRVA', 'MRVB'], 9304);
  let sink = 0;
  // Warm both up on the corpus first, so neither pays the JIT's start inside its timing.
  for (const s of both.slice(0, 2000)) sink += (mrzVerdict(s.lines).valid ? 1 : 0) + parseMrz(s.lines, { today: TODAY }).errors.length;
  // The contestants take turns, round after round, so a busy machine slows them alike.
  const contestants: Array<[string, Sample[], (s: Sample) => number]> = [
    [`mrz@5 parse (TD1/TD2/TD3, ${n} MRZs, half corrupted)`, both, (s) => (mrzVerdict(s.lines).valid ? 1 : 0)],
    ['vigil parseMrz, no suggestions (same MRZs)', both, (s) => (parseMrz(s.lines, { today: TODAY, suggest: false }).valid ? 1 : 0)],
    ['vigil parseMrz with OCR suggestions (same MRZs)', both, (s) => parseMrz(s.lines, { today: TODAY }).suggestions.length],
    [
      `vigil parseMrz, no suggestions (MRV-A/MRV-B visas, ${visas.length}; mrz has none)`,
      visas,
      (s) => (parseMrz(s.lines, { today: TODAY, suggest: false }).valid ? 1 : 0),
    ],
  ];
  const seconds = contestants.map(() => 0);
  const rounds = 5;
  for (let k = 0; k < rounds; k++) {
    for (const [i, [, samples, op]] of contestants.entries()) {
      const start = process.hrtime.bigint();
      for (const s of samples) sink += op(s);
      seconds[i]! += Number(process.hrtime.bigint() - start) / 1e9;
    }
  }
  const rows: Row[] = contestants.map(([name, samples], i) => ({
    name,
    ops: samples.length * rounds,
    seconds: seconds[i]!,
    ...(i ? { baseline: contestants[0]![0] } : {}),
  }));
  report('MRZ parse and validate', rows);

  // Verdicts: where the two disagree, and why.
  const reasons = new Map<string, { count: number; examples: string[] }>();
  let disagree = 0;
  let missedCorruptions = 0;
  for (const s of both) {
    const ours = parseMrz(s.lines, { today: TODAY, suggest: false });
    const theirs = mrzVerdict(s.lines);
    if (s.corrupted && ours.valid) missedCorruptions++;
    if (ours.valid === theirs.valid) continue;
    disagree++;
    const why = ours.valid
      ? `vigil valid, mrz invalid (${theirs.invalidFields.join(', ')})`
      : `vigil invalid (${[...new Set(ours.errors.map((e) => `${e.field}:${e.code}`))].join(', ')}), mrz valid`;
    const key = why.replace(/"[^"]*"/g, '…').replace(/: [A-Z<0-9]+$/, '');
    const entry = reasons.get(key) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 1) entry.examples.push(s.lines.join(' / '));
    reasons.set(key, entry);
  }
  console.log(
    `\nverdicts: ${both.length} MRZs, ${disagree} disagreements; vigil found ${both.filter((s) => s.corrupted).length - missedCorruptions} of ${both.filter((s) => s.corrupted).length} corruptions (the rest touch no checked field or are invisible to 7-3-1)`,
  );
  for (const [why, { count, examples }] of [...reasons].sort((a, b) => b[1].count - a[1].count).slice(0, 8))
    console.log(`  ${count} × ${why}\n      e.g. ${examples[0]}`);
  if (sink === -1) console.log(sink);

  // Passive authentication of ePassport chips (bench/documents-pa.bench.ts).
  await (await import('./documents-pa.bench.js')).paBench();

  // The document check end to end with holder screening against all real lists (bench/documents-check.bench.ts).
  await (await import('./documents-check.bench.js')).documentsCheckBench();
}
