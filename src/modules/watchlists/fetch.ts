// `vigil lists fetch` and the watchlists.fetch job: download a source's current files (conditionally) and import them.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/types.js';
import type { JobDef } from '../../platform/jobs/types.js';
import { notFound } from '../../platform/errors.js';
import { ImportError, type ImportFormat, type ImportProgress } from './importers/types.js';
import { download, type DownloadOptions, type Validators } from './download.js';
import { importList, type ImportResult } from './import.js';
import { listSources, type SourceInfo } from './sources.js';
import { wl } from './tables.js';

export interface FetchOptions extends Partial<DownloadOptions> {
  actor?: Actor | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
}

export interface FetchResult {
  list: string;
  status: 'not-modified' | 'unchanged' | 'imported' | 'failed';
  version: number | null;
  bytes: number;
  error: string | null;
  import?: ImportResult | undefined;
}

export const FETCH_DEFAULTS: DownloadOptions = { maxBytes: 1 << 30, retries: 4, baseDelayMs: 2000, maxDelayMs: 120_000, timeoutMs: 600_000 };

const EXTENSIONS: Partial<Record<ImportFormat, string>> = { ftm: 'json', senzing: 'json', csv: 'csv', 'ofac-csv': 'csv' };

/** The local file name of a source URL: its lower-cased file name, or `<list>-<n>.<ext>` when the URL names none. */
export function fileNameOf(url: string, list: string, index: number, format: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').toLowerCase();
  if (/^[a-z0-9][a-z0-9._-]{0,100}\.[a-z0-9]{1,5}$/.test(last)) return last;
  return `${list}-${index + 1}.${EXTENSIONS[format as ImportFormat] ?? 'xml'}`;
}

const message = (err: unknown) => (err instanceof ImportError ? err.describe() : err instanceof Error ? err.message : String(err)).slice(0, 2000);

async function record(ctx: AppContext, list: string, set: Record<string, string | null>): Promise<void> {
  await wl(ctx.db.kysely).updateTable('watchlist_sources').set(set).where('list', '=', list).execute();
}

export async function fetchSource(ctx: AppContext, list: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const [source] = await listSources(wl(ctx.db.kysely), list);
  if (!source) throw notFound('source of list', list);
  const o: DownloadOptions = { ...FETCH_DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) };
  const dir = join(ctx.config.dataDir, 'watchlists', 'downloads', list);
  const row = await wl(ctx.db.kysely).selectFrom('watchlist_sources').select('validators').where('list', '=', list).executeTakeFirstOrThrow();
  const known = JSON.parse(row.validators) as Record<string, Validators & { file: string }>;
  const now = () => ctx.clock.now().toISOString();
  const temps: string[] = [];
  let bytes = 0;
  try {
    await mkdir(dir, { recursive: true });
    const files = source.urls.map((u, i, all) => {
      const name = fileNameOf(u, list, i, source.format);
      return all.some((other, j) => j !== i && fileNameOf(other, list, j, source.format) === name) ? `${i + 1}-${name}` : name;
    });
    const fresh: Record<string, Validators & { file: string }> = {};
    let changed = false;
    for (const [i, url] of source.urls.entries()) {
      const file = files[i]!;
      // Conditional only while the file the validators describe is still here.
      const cached = known[url]?.file === file && existsSync(join(dir, file)) ? known[url] : undefined;
      const got = await download(url, join(dir, file), cached, o);
      if (got.status === 'not-modified') fresh[url] = known[url]!;
      else {
        changed = true;
        bytes += got.bytes;
        temps.push(got.tempFile);
        fresh[url] = { ...got.validators, file };
      }
    }
    if (!changed) {
      await record(ctx, list, { last_checked_at: now(), last_status: 'not-modified', last_error: null });
      return { list, status: 'not-modified', version: null, bytes, error: null };
    }
    for (const i of source.urls.keys()) {
      const temp = temps.find((t) => t.startsWith(join(dir, `.${files[i]}.`)));
      if (temp) await rename(temp, join(dir, files[i]!));
    }
    temps.length = 0;
    // The OFAC CSV importer reads its set from a folder; the others take the files in URL order.
    for (const name of await readdir(dir)) if (!name.startsWith('.') && !files.includes(name)) await rm(join(dir, name), { force: true, recursive: true });
    const paths = source.format === 'ofac-csv' ? [dir] : files.map((f) => join(dir, f));
    const result = await importList(ctx, {
      list,
      format: source.format as ImportFormat,
      paths,
      actor: opts.actor ?? SYSTEM_ACTOR,
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
    await record(ctx, list, {
      last_checked_at: now(),
      last_status: result.status,
      last_error: null,
      validators: JSON.stringify(fresh),
      ...(result.status === 'imported' ? { last_changed_at: now() } : {}),
    });
    return { list, status: result.status, version: result.version, bytes, error: null, import: result };
  } catch (err) {
    // Validators are dropped, so the next fetch downloads everything again rather than trusting a failed state.
    await record(ctx, list, { last_checked_at: now(), last_status: 'failed', last_error: message(err), validators: '{}' });
    return { list, status: 'failed', version: null, bytes, error: message(err) };
  } finally {
    for (const t of temps) await rm(t, { force: true });
  }
}

/** Sources whose interval has elapsed since they were last checked. */
export function dueSources(sources: readonly SourceInfo[], nowMs: number): SourceInfo[] {
  return sources.filter((s) => s.everyHours !== null && (s.lastCheckedAt === null || Date.parse(s.lastCheckedAt) + s.everyHours * 3_600_000 <= nowMs));
}

export function fetchJob(ctx: AppContext): JobDef {
  return {
    name: 'watchlists.fetch',
    everySeconds: 600,
    async run(signal) {
      const due = dueSources(await listSources(wl(ctx.db.kysely)), ctx.clock.now().getTime());
      for (const s of due) {
        if (signal.aborted) return;
        const r = await fetchSource(ctx, s.list, { signal });
        const log = r.status === 'failed' ? ctx.log.warn.bind(ctx.log) : ctx.log.info.bind(ctx.log);
        log({ list: r.list, status: r.status, version: r.version, bytes: r.bytes, error: r.error }, 'watchlist source fetched');
      }
    },
  };
}
