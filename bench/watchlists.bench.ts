// Watchlists benchmarks: FtM JSON-lines imports into SQLite and PostgreSQL (entities/s, peak RSS) against parse-only, and each real list.
import { copyFileSync, appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/platform/runtime.js';
import { dropPostgresSchema, openPostgres, openSqlite, type Database } from '../src/platform/db/index.js';
import { TEST_DATABASE_URL, uniqueName } from '../src/platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { watchlistsModule } from '../src/modules/watchlists/index.js';
import { importList } from '../src/modules/watchlists/import.js';
import { importerFor } from '../src/modules/watchlists/importers/index.js';
import type { ImportFormat } from '../src/modules/watchlists/importers/types.js';
import { report, scaled, timeBatch, type Row } from './harness.js';
import { ensureDataset, loadNameParts } from './watchlists-data.js';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'data', 'watchlists');
const MB = 1024 * 1024;

/** Runs `fn`, sampling the process's resident memory; returns its result and the highest RSS seen, in MB. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  try {
    const result = await fn();
    return { result, peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / MB) };
  } finally {
    clearInterval(timer);
  }
}

async function open(kind: 'sqlite' | 'postgres'): Promise<{ runtime: Runtime; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-wl-'));
  const schema = uniqueName('bench_wl');
  const db: Database = kind === 'sqlite' ? openSqlite(join(dataDir, 'vigil.sqlite')) : await openPostgres(TEST_DATABASE_URL!, schema);
  const config = loadConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'silent' });
  // Only this module: the figures are the watchlists', whatever else the build holds.
  const runtime = await openRuntime(config, [watchlistsModule], { db, log: createLogger('silent') });
  return {
    runtime,
    close: async () => {
      await runtime.close();
      await db.close();
      if (kind === 'postgres') await dropPostgresSchema(TEST_DATABASE_URL!, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function importBench(kind: 'sqlite' | 'postgres', file: string, same: string, n: number, baseline: string): Promise<Row[]> {
  const { runtime, close } = await open(kind);
  try {
    const run = (paths: string[]) => importList(runtime.ctx, { list: 'bench', format: 'ftm', paths, actor: SYSTEM_ACTOR });
    const first = await withPeakRss(() => timeBatch(`${kind}: import ${n} entities (new list)`, n, () => run([file])));
    console.log(`${kind}: peak RSS during the first import ${first.peakMb} MB`);
    const again = await withPeakRss(() => timeBatch(`${kind}: import a new version, all ${n} unchanged`, n, () => run([same])));
    console.log(`${kind}: peak RSS during the unchanged re-import ${again.peakMb} MB`);
    return [
      { ...first.result, baseline },
      { ...again.result, baseline },
    ];
  } finally {
    await close();
  }
}

const REAL: { list: string; format: ImportFormat; paths: string[] }[] = [
  { list: 'un', format: 'un', paths: [join(ROOT, 'demo', 'watchlists', 'UN_consolidated.xml')] },
  { list: 'ofac', format: 'ofac-csv', paths: [join(DATA, 'ofac', '2021-07'), join(DATA, 'ofac', '2025-12', 'alt.csv')] },
  { list: 'ofac-cons', format: 'ofac-csv', paths: [join(DATA, 'ofac', 'cons-2025-12')] },
  { list: 'us-congress', format: 'senzing', paths: [join(DATA, 'opensanctions', 'us_congress_senzing.json')] },
];

async function realLists(): Promise<Row[]> {
  const { runtime, close } = await open('sqlite');
  const rows: Row[] = [];
  try {
    for (const r of REAL) {
      if (!r.paths.every(existsSync)) {
        console.log(`(skipped ${r.list}: ${r.paths.find((p) => !existsSync(p))} is absent)`);
        continue;
      }
      let total = 0;
      const m = await timeBatch(`sqlite: real list ${r.list} (${r.format})`, 1, async () => {
        total = (await importList(runtime.ctx, { ...r, actor: SYSTEM_ACTOR })).total;
      });
      rows.push({ ...m, name: `${m.name}, ${total} listed, ${(m.seconds * 1000).toFixed(0)} ms` });
    }
  } finally {
    await close();
  }
  return rows;
}

export async function watchlistsBench(): Promise<void> {
  const n = scaled(1_000_000, 1000);
  const parts = loadNameParts(ROOT);
  console.log(`\nwatchlists: ${n} entities, names from ${parts.sources.join(' and ')} (${parts.given.length} given, ${parts.family.length} family parts)`);
  const file = await ensureDataset(ROOT, n, parts);
  const work = mkdtempSync(join(tmpdir(), 'vigil-bench-wl-files-'));
  const same = join(work, 'same.json');
  copyFileSync(file, same);
  appendFileSync(same, '\n'); // other bytes, same entities: a new version in which nothing changed
  try {
    const ftm = importerFor('ftm')!;
    const parse = await withPeakRss(() =>
      timeBatch(`parse only (ftm importer, no storage)`, n, async () => {
        for await (const _ of ftm.read({ paths: [file], listName: 'bench' }, {})) void _;
      }),
    );
    console.log(`parse only: peak RSS ${parse.peakMb} MB`);
    const rows: Row[] = [parse.result, ...(await importBench('sqlite', file, same, n, parse.result.name))];
    if (TEST_DATABASE_URL) rows.push(...(await importBench('postgres', file, same, n, parse.result.name)));
    else console.log('(PostgreSQL skipped: set VIGIL_TEST_DATABASE_URL to run it)');
    report('watchlists: FtM JSON lines import (ops = entities)', rows);
    report('watchlists: real lists (ops = 1 import)', await realLists());
    console.log(`process peak RSS over the whole suite: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
