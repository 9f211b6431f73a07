// Fetching list sources from a local HTTP server: conditional requests (ETag/304), retries after 503, checksum no-op, limits, the job.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { ManualClock } from '../../platform/clock.js';
import { fetchJob, fetchSource, fileNameOf, dueSources } from './fetch.js';
import { retryAfterMs } from './download.js';
import { setSource, listSources } from './sources.js';
import { getList } from './store.js';
import { wl } from './tables.js';
import { ftmFixture, writeFtm } from './test-support/fixtures.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe('fetch helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
  it('names downloaded files after the URL, or after the list when the URL names none', () => {
    expect(fileNameOf('https://example.invalid/exports/SDN.CSV', 'ofac', 0, 'ofac-csv')).toBe('sdn.csv');
    expect(fileNameOf('https://example.invalid/files/content?token=x', 'eu', 0, 'eu')).toBe('eu-1.xml');
    expect(fileNameOf('https://example.invalid/', 'fx', 1, 'ftm')).toBe('fx-2.json');
  });
  it('finds the sources whose interval has elapsed', () => {
    const base = { urls: [], format: 'un', lastStatus: null, lastChangedAt: null, lastError: null };
    const due = dueSources(
      [
        { ...base, list: 'a', everyHours: 1, lastCheckedAt: '2026-01-01T10:00:00Z' },
        { ...base, list: 'b', everyHours: 6, lastCheckedAt: '2026-01-01T10:00:00Z' },
        { ...base, list: 'c', everyHours: 6, lastCheckedAt: null },
        { ...base, list: 'd', everyHours: null, lastCheckedAt: null },
      ],
      Date.parse('2026-01-01T11:30:00Z'),
    );
    expect(due.map((s) => s.list)).toEqual(['a', 'c']);
  });
});

for (const backend of storeBackends('watchlists fetch')) {
  describe(`fetching list sources on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    let server: Server;
    let base: string;
    const requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
    const routes = new Map<string, Handler>();
    const clock = new ManualClock('2026-03-01T08:00:00.000Z');
    const fast = { baseDelayMs: 5, maxDelayMs: 50, retries: 3 };
    const serveFile =
      (file: string, etag: string): Handler =>
      (req, res) => {
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        res.writeHead(200, { etag, 'last-modified': 'Sun, 01 Mar 2026 07:00:00 GMT', 'content-type': 'application/json' }).end(readFileSync(file));
      };

    beforeAll(async () => {
      t = await createTestApp({ backend, clock });
      dir = mkdtempSync(join(tmpdir(), 'vigil-wl-fetch-'));
      writeFtm(join(dir, 'v1.json'), ftmFixture(10));
      writeFtm(join(dir, 'v2.json'), ftmFixture(12));
      server = createServer((req, res) => {
        requests.push({ path: req.url ?? '', headers: req.headers });
        const h = routes.get(req.url ?? '');
        if (h) h(req, res);
        else res.writeHead(404).end('not here');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await setSource(t.ctx, { list: 'fx', urls: [`${base}/fx.json`], format: 'ftm', everyHours: 6 }, { actor: SYSTEM_ACTOR });
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('downloads and imports; then a conditional request answered 304 does nothing', async () => {
      routes.set('/fx.json', serveFile(join(dir, 'v1.json'), '"v1"'));
      const first = await fetchSource(t.ctx, 'fx', fast);
      expect(first).toMatchObject({ list: 'fx', status: 'imported', version: 1, error: null });
      expect(requests.at(-1)!.headers['if-none-match']).toBeUndefined();
      const second = await fetchSource(t.ctx, 'fx', fast);
      expect(second).toMatchObject({ status: 'not-modified', version: null, bytes: 0 });
      expect(requests.at(-1)!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Sun, 01 Mar 2026 07:00:00 GMT' });
      const [source] = await listSources(wl(t.ctx.db.kysely), 'fx');
      expect(source).toMatchObject({ lastStatus: 'not-modified', lastChangedAt: '2026-03-01T08:00:00.000Z', lastError: null });
    });

    it('a new body with the same checksum as the latest version is unchanged', async () => {
      routes.set('/fx.json', serveFile(join(dir, 'v1.json'), '"v1-again"'));
      expect(await fetchSource(t.ctx, 'fx', fast)).toMatchObject({ status: 'unchanged', version: 1 });
      expect((await getList(wl(t.ctx.db.kysely), 'fx')).versions).toHaveLength(1);
    });

    it('retries after a dropped connection and after 503 (honouring Retry-After), then imports the new file', async () => {
      let calls = 0;
      const ok = serveFile(join(dir, 'v2.json'), '"v2"');
      routes.set('/fx.json', (req, res) => {
        calls++;
        if (calls === 1) return void req.socket.destroy();
        if (calls <= 3) return void res.writeHead(503, { 'retry-after': '0' }).end('busy');
        ok(req, res);
      });
      const r = await fetchSource(t.ctx, 'fx', fast);
      expect(r).toMatchObject({ status: 'imported', version: 2 });
      expect(calls).toBe(4);
      expect(r.import?.rows).toMatchObject({ added: 4 });
    });

    it('gives up after the last retry, and refuses bodies over the size limit, recording the failure', async () => {
      routes.set('/fx.json', (_req, res) => void res.writeHead(500).end());
      const before = requests.length;
      const failed = await fetchSource(t.ctx, 'fx', { ...fast, retries: 2 });
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/gave up after 3 attempts \(last: HTTP 500\)/) });
      expect(requests.length - before).toBe(3);
      routes.set('/fx.json', serveFile(join(dir, 'v2.json'), '"v2-big"'));
      const big = await fetchSource(t.ctx, 'fx', { ...fast, maxBytes: 100 });
      expect(big).toMatchObject({ status: 'failed', error: expect.stringMatching(/over the 100-byte limit/) });
      // The failures dropped the validators: the next fetch downloads again, and finds the content unchanged.
      expect(await fetchSource(t.ctx, 'fx', { ...fast, retries: 0 })).toMatchObject({ status: 'unchanged', version: 2 });
      routes.delete('/fx.json');
      const gone = requests.length;
      expect(await fetchSource(t.ctx, 'fx', fast)).toMatchObject({ status: 'failed', error: expect.stringMatching(/answered HTTP 404/) });
      expect(requests.length - gone).toBe(1);
      const [source] = await listSources(wl(t.ctx.db.kysely), 'fx');
      expect(source).toMatchObject({ lastStatus: 'failed', lastError: expect.stringMatching(/HTTP 404/) });
    });

    it('fetches a source of several files, and the job fetches only sources that are due', async () => {
      writeFtm(join(dir, 'part-a.json'), ftmFixture(6).slice(0, 6));
      writeFtm(join(dir, 'part-b.json'), ftmFixture(6).slice(6));
      routes.set('/a/part.json', serveFile(join(dir, 'part-a.json'), '"a"'));
      routes.set('/b/part.json', serveFile(join(dir, 'part-b.json'), '"b"'));
      await setSource(t.ctx, { list: 'parts', urls: [`${base}/a/part.json`, `${base}/b/part.json`], format: 'ftm', everyHours: 1 }, { actor: SYSTEM_ACTOR });
      const job = fetchJob(t.ctx);
      expect(job).toMatchObject({ name: 'watchlists.fetch', everySeconds: 600 });
      const before = requests.length;
      await job.run(new AbortController().signal);
      // fx was checked at 08:00 with a 6-hour interval: only the new source is due.
      expect(requests.slice(before).map((r) => r.path)).toEqual(['/a/part.json', '/b/part.json']);
      expect((await getList(wl(t.ctx.db.kysely), 'parts')).versions[0]).toMatchObject({ version: 1, total: 6, files: ['1-part.json', '2-part.json'] });
      clock.advance(2 * 3600_000);
      const later = requests.length;
      await job.run(new AbortController().signal);
      expect(requests.slice(later).map((r) => r.path)).toEqual(['/a/part.json', '/b/part.json']);
      expect(requests.slice(later).every((r) => r.headers['if-none-match'])).toBe(true);
    });

    it('refuses sources that are not http(s) and lists without a built-in source and no URL', async () => {
      await expect(setSource(t.ctx, { list: 'x', urls: ['file:///etc/passwd'], format: 'ftm' }, { actor: SYSTEM_ACTOR })).rejects.toMatchObject({
        code: 'validation-failed',
      });
      await expect(setSource(t.ctx, { list: 'x' }, { actor: SYSTEM_ACTOR })).rejects.toThrow(/no built-in source named x/);
      const eu = await setSource(t.ctx, { list: 'eu' }, { actor: SYSTEM_ACTOR });
      expect(eu).toMatchObject({ format: 'eu', everyHours: null, urls: [expect.stringMatching(/^https:\/\/webgate\.ec\.europa\.eu\//)] });
    });
  });
}
