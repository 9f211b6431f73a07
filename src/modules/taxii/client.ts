// TAXII 2.1 client: reads a partner's collection page by page, incremental by added_after, with retries and backoff.
import { TAXII_21 } from './http.js';

export interface ClientOptions {
  /** Authorization header value, e.g. `Bearer …` or `Basic …`. */
  authorization?: string | undefined;
  fetch?: typeof fetch;
  /** Waits between attempts (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  attempts?: number;
  signal?: AbortSignal | undefined;
  pageSize?: number;
}

export interface Page {
  objects: Record<string, unknown>[];
  more: boolean;
  next: string | undefined;
  /** X-TAXII-Date-Added-Last: where the next incremental read starts. */
  lastAdded: string | undefined;
}

export class TaxiiClientError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TaxiiClientError';
  }
}

const MAX_WAIT_MS = 60_000;
const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** GET with retries on network errors, 429 and 5xx (exponential backoff, Retry-After honoured up to a minute). */
async function getJson(url: string, opts: ClientOptions): Promise<{ body: unknown; headers: Headers }> {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? wait;
  const attempts = opts.attempts ?? 5;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { accept: TAXII_21, ...(opts.authorization ? { authorization: opts.authorization } : {}) },
        signal: opts.signal ?? null,
      });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      last = `network error: ${(err as Error).message}`;
      if (attempt < attempts) await sleep(Math.min(MAX_WAIT_MS, 1000 * 2 ** (attempt - 1)));
      continue;
    }
    const text = await res.text();
    if (res.ok) {
      try {
        return { body: text ? JSON.parse(text) : {}, headers: res.headers };
      } catch {
        throw new TaxiiClientError(`${url} answered ${res.status} with a body that is not JSON`, res.status);
      }
    }
    const description = (() => {
      try {
        const e = JSON.parse(text) as { title?: string; description?: string };
        return [e.title, e.description].filter(Boolean).join(': ');
      } catch {
        return text.slice(0, 200);
      }
    })();
    last = `HTTP ${res.status}${description ? ` (${description})` : ''}`;
    if (res.status !== 429 && res.status < 500) throw new TaxiiClientError(`${url}: ${last}`, res.status);
    const retryAfter = Number(res.headers.get('retry-after'));
    if (attempt < attempts) await sleep(Math.min(MAX_WAIT_MS, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** (attempt - 1)));
  }
  throw new TaxiiClientError(`${url}: gave up after ${attempts} attempts; last: ${last}`);
}

/** Reads one page of a collection's objects (all versions, so nothing a partner published is skipped). */
export async function readPage(
  collectionUrl: string,
  from: { addedAfter?: string | null | undefined; next?: string | undefined },
  opts: ClientOptions,
): Promise<Page> {
  const u = new URL('objects/', collectionUrl.endsWith('/') ? collectionUrl : collectionUrl + '/');
  u.searchParams.set('limit', String(opts.pageSize ?? 1000));
  u.searchParams.set('match[version]', 'all');
  if (from.addedAfter) u.searchParams.set('added_after', from.addedAfter);
  if (from.next) u.searchParams.set('next', from.next);
  const { body, headers } = await getJson(u.toString(), opts);
  const env = (body ?? {}) as { objects?: unknown; more?: unknown; next?: unknown };
  if (env.objects !== undefined && !Array.isArray(env.objects)) throw new TaxiiClientError(`${u}: the envelope's objects is not an array`);
  return {
    objects: (env.objects ?? []) as Record<string, unknown>[],
    more: env.more === true,
    next: typeof env.next === 'string' ? env.next : undefined,
    lastAdded: headers.get('x-taxii-date-added-last') ?? undefined,
  };
}
