// Demo data: the real UN Security Council list (committed under demo/watchlists) and an invented national list.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { importerFor } from './importers/index.js';
import type { ImportFormat } from './importers/types.js';
import { importList } from './import.js';

/** The checkout's root: the nearest folder above this file holding demo/watchlists (works from src/ and dist/). */
export function projectRoot(from = import.meta.dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'demo', 'watchlists'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

interface DemoList {
  list: string;
  title: string;
  format: ImportFormat;
  paths: string[];
  mapping?: string;
}

export function demoLists(root: string): DemoList[] {
  const national = join(root, 'src', 'modules', 'watchlists', 'fixtures', 'national');
  return [
    { list: 'un', title: 'UN Security Council Consolidated List', format: 'un', paths: [join(root, 'demo', 'watchlists', 'UN_consolidated.xml')] },
    {
      list: 'national',
      title: 'National list (invented demo entries)',
      format: 'csv',
      paths: [join(national, 'national.csv')],
      mapping: join(national, 'national.yml'),
    },
  ];
}

export async function watchlistsDemo(ctx: AppContext): Promise<string[]> {
  const root = projectRoot();
  if (!root) return ['Lists: demo/watchlists is missing from this installation; no demo lists loaded.'];
  const loaded: string[] = [];
  const skipped: string[] = [];
  for (const d of demoLists(root)) {
    const files = [...d.paths, ...(d.mapping ? [d.mapping] : [])];
    if (!importerFor(d.format) || !files.every((f) => existsSync(f))) {
      skipped.push(`${d.list} (${importerFor(d.format) ? 'files missing' : `no ${d.format} importer in this build`})`);
      continue;
    }
    const r = await importList(ctx, { ...d, actor: SYSTEM_ACTOR });
    loaded.push(`${d.list} (${r.total.toLocaleString('en')} entries)`);
  }
  return [`Lists loaded: ${loaded.join(', ') || 'none'}.`, ...(skipped.length ? [`Lists not loaded: ${skipped.join(', ')}.`] : [])];
}
