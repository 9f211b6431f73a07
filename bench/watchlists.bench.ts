// Watchlists benchmarks: FtM JSON-lines imports into SQLite and PostgreSQL (entities/s, peak RSS), each in a fresh process, against parse-only; each real list.
import { copyFileSync, appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/platform/runtime.js';
import { openSqlite } from '../src/platform/db/index.js';
import { TEST_DATABASE_URL } from '../src/platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { watchlistsModule } from '../src/modules/watchlists/index.js';
import { importList } from '../src/modules/watchlists/import.js';
import type { ImportFormat } from '../src/modules/watchlists/importers/types.js';
import { report, scaled, timeBatch, type Row } from './harness.js';
import type { ChildSpec, ChildStep } from './watchlists-child.js';
import { ensureDataset, loadNameParts } from './watchlists-data.js';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'data', 'watchlists');

/** Runs one measurement in a fresh Node process (bench/watchlists-child.ts) and returns its steps. */
function inChild(spec: ChildSpec): Promise<ChildStep[]> {
  return new Promise((resolveSteps, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'watchlists-child.ts'), JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolveSteps(JSON.parse(out.trim().split('\n').pop()!) as ChildStep[]) : reject(new Error(`${spec.kind} bench exited ${code}`)),
    );
  });
}

async function importBench(kind: 'sqlite' | 'postgres', file: string, same: string, n: number, baseline: string): Promise<Row[]> {
  const [first, again] = await inChild({ kind, files: [file, same] });
  console.log(`${kind}: peak RSS of the process ${first!.peakMb} MB after the first import, ${again!.peakMb} MB after both`);
  return [
    { name: `${kind}: import ${n} entities (new list)`, ops: n, seconds: first!.seconds, baseline },
    { name: `${kind}: import a new version, all ${n} unchanged`, ops: n, seconds: again!.seconds, baseline },
  ];
}

async function open(): Promise<{ runtime: Runtime; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-wl-'));
  const db = openSqlite(join(dataDir, 'vigil.sqlite'));
  const runtime = await openRuntime(loadConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'silent' }), [watchlistsModule], {
    db,
    log: createLogger('silent'),
  });
  return {
    runtime,
    close: async () => {
      await runtime.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const REAL: { list: string; format: ImportFormat; paths: string[] }[] = [
  { list: 'un', format: 'un', paths: [join(ROOT, 'demo', 'watchlists', 'UN_consolidated.xml')] },
  { list: 'ofac', format: 'ofac-csv', paths: [join(DATA, 'ofac', '2021-07'), join(DATA, 'ofac', '2025-12', 'alt.csv')] },
  { list: 'ofac-cons', format: 'ofac-csv', paths: [join(DATA, 'ofac', 'cons-2025-12')] },
  { list: 'us-congress', format: 'senzing', paths: [join(DATA, 'opensanctions', 'us_congress_senzing.json')] },
];

async function realLists(): Promise<Row[]> {
  const { runtime, close } = await open();
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
    const [parsed] = await inChild({ kind: 'parse', files: [file] });
    const parse: Row = { name: 'parse only (ftm importer, no storage)', ops: n, seconds: parsed!.seconds };
    console.log(`parse only: peak RSS of the process ${parsed!.peakMb} MB`);
    const rows: Row[] = [parse, ...(await importBench('sqlite', file, same, n, parse.name))];
    if (TEST_DATABASE_URL) rows.push(...(await importBench('postgres', file, same, n, parse.name)));
    else console.log('(PostgreSQL skipped: set VIGIL_TEST_DATABASE_URL to run it)');
    report('watchlists: FtM JSON lines import (ops = entities)', rows);
    report('watchlists: real lists (ops = 1 import)', await realLists());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
