// One measurement of the watchlists bench in a fresh process (clean heap; its peak RSS is its own): parse only, or imports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime } from '../src/platform/runtime.js';
import { dropPostgresSchema, openPostgres, openSqlite, type Database } from '../src/platform/db/index.js';
import { TEST_DATABASE_URL, uniqueName } from '../src/platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { watchlistsModule } from '../src/modules/watchlists/index.js';
import { importList } from '../src/modules/watchlists/import.js';
import { importerFor } from '../src/modules/watchlists/importers/index.js';

export interface ChildSpec {
  kind: 'parse' | 'sqlite' | 'postgres';
  /** The generated file, then (imports only) a copy with other bytes and the same entities. */
  files: string[];
}

/** One timed step: seconds, and the process's peak RSS (MB) when it ended. */
export interface ChildStep {
  seconds: number;
  peakMb: number;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

async function parseOnly(file: string): Promise<ChildStep[]> {
  const t = process.hrtime.bigint();
  for await (const _ of importerFor('ftm')!.read({ paths: [file], listName: 'bench' }, {})) void _;
  return [{ seconds: seconds(t), peakMb: peakMb() }];
}

async function imports(kind: 'sqlite' | 'postgres', files: string[]): Promise<ChildStep[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-wl-'));
  const schema = uniqueName('bench_wl');
  const db: Database = kind === 'sqlite' ? openSqlite(join(dataDir, 'vigil.sqlite')) : await openPostgres(TEST_DATABASE_URL!, schema);
  // Only this module: the figures are the watchlists', whatever else the build holds.
  const runtime = await openRuntime(loadConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'silent' }), [watchlistsModule], {
    db,
    log: createLogger('silent'),
  });
  try {
    const steps: ChildStep[] = [];
    for (const file of files) {
      const t = process.hrtime.bigint();
      await importList(runtime.ctx, { list: 'bench', format: 'ftm', paths: [file], actor: SYSTEM_ACTOR });
      steps.push({ seconds: seconds(t), peakMb: peakMb() });
    }
    return steps;
  } finally {
    await runtime.close();
    await db.close();
    if (kind === 'postgres') await dropPostgresSchema(TEST_DATABASE_URL!, schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
const steps = spec.kind === 'parse' ? await parseOnly(spec.files[0]!) : await imports(spec.kind, spec.files);
process.stdout.write(JSON.stringify(steps) + '\n');
