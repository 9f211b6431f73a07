// One HTTP(S) download with conditional requests, bounded retries with back-off (honouring Retry-After), a size limit and sha256.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface DownloadOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Retries after the first attempt, on network errors, 5xx and 429. */
  retries: number;
  /** First back-off delay; doubles each retry. */
  baseDelayMs: number;
  /** Longest wait between attempts, Retry-After included. */
  maxDelayMs: number;
  /** Per attempt. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  fetchImpl?: typeof fetch | undefined;
}

export type DownloadResult =
  | { status: 'not-modified'; attempts: number }
  | { status: 'downloaded'; attempts: number; tempFile: string; bytes: number; sha256: string; validators: Validators };

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
    this.name = 'DownloadError';
  }
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d{1,7}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

async function saveBody(res: Response, dest: string, maxBytes: number, url: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const out = createWriteStream(dest, { mode: 0o600 });
  let bytes = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new DownloadError(url, `the body goes over the ${maxBytes}-byte limit`);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    await rm(dest, { force: true });
    throw err;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Downloads `url` next to `dest` (a hidden temporary file the caller renames); `validators` make it conditional. */
export async function download(url: string, dest: string, validators: Validators | undefined, opts: DownloadOptions): Promise<DownloadResult> {
  const doFetch = opts.fetchImpl ?? fetch;
  const headers: Record<string, string> = { 'user-agent': 'Vigil watchlists fetcher', accept: '*/*' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  let lastProblem = '';
  for (let attempt = 1; attempt <= opts.retries + 1; attempt++) {
    opts.signal?.throwIfAborted();
    let wait = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
    try {
      const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)]) : AbortSignal.timeout(opts.timeoutMs);
      const res = await doFetch(url, { headers, signal, redirect: 'follow' });
      if (res.status === 304 && validators) return { status: 'not-modified', attempts: attempt };
      if (res.ok) {
        const length = Number(res.headers.get('content-length') ?? NaN);
        if (length > opts.maxBytes) {
          await res.body?.cancel();
          throw new DownloadError(url, `the body is ${length} bytes, over the ${opts.maxBytes}-byte limit`);
        }
        const tempFile = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
        const saved = await saveBody(res, tempFile, opts.maxBytes, url);
        const etag = res.headers.get('etag') ?? undefined;
        const lastModified = res.headers.get('last-modified') ?? undefined;
        return { status: 'downloaded', attempts: attempt, tempFile, ...saved, validators: { etag, lastModified } };
      }
      await res.body?.cancel();
      lastProblem = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429) throw new DownloadError(url, `the server answered HTTP ${res.status}`);
      const after = retryAfterMs(res.headers.get('retry-after'), Date.now());
      if (after !== undefined) wait = Math.min(opts.maxDelayMs, after);
    } catch (err) {
      if (err instanceof DownloadError || opts.signal?.aborted) throw err;
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      lastProblem =
        (err as Error).name === 'TimeoutError'
          ? `no answer within ${opts.timeoutMs} ms`
          : `network error: ${(err as Error).message}${cause ? ` (${cause})` : ''}`;
    }
    if (attempt <= opts.retries) await sleep(wait, undefined, opts.signal ? { signal: opts.signal } : {});
  }
  throw new DownloadError(url, `gave up after ${opts.retries + 1} attempts (last: ${lastProblem})`);
}
