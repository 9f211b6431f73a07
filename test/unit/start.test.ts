// `npm start` (scripts/start.mjs) runs the server as its child: a stop sent to it, by `kill`, a supervisor or Ctrl-C
// (which npm passes on too, so it may come twice), stops the server once and cleanly, and leaves nothing serving.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listening, ROOT } from '../../src/test-support/cli.js';
import { buildIsStale } from '../../scripts/build-state.mjs';

const stale = buildIsStale(ROOT);
if (stale) console.warn('npm start test skipped: the build is missing or older than the sources (run `npm run build`).');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(stale)('npm start', () => {
  const env = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-start-'));
    dirs.push(dir);
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      VIGIL_DATA_DIR: dir,
      VIGIL_PORT: '0',
      VIGIL_ADMIN_PASSWORD: 'start test password 1',
      VIGIL_LOG_LEVEL: 'warn',
    };
  };

  /** Starts `npm start`'s script as `command` runs it; resolves once the server answers, with its URL and the exit code to come. */
  async function serving(command: string, args: string[]) {
    const start = spawn(command, args, { cwd: ROOT, env: env(), stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
    const { url, output } = await listening(start);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    return { start, url, exited, out: output };
  }

  /** Resolves once nothing answers at `url` any more. */
  async function gone(url: string): Promise<void> {
    for (;;) {
      try {
        await fetch(`${url}/health`);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('stops the server when it is told to stop, once however many signals come, and exits 0', async () => {
    const { start, url, exited, out } = await serving(process.execPath, [join(ROOT, 'scripts/start.mjs')]);
    // As a supervisor stops it, then a Ctrl-C on top: the server shuts down cleanly, once.
    start.kill('SIGTERM');
    start.kill('SIGINT');
    expect(await exited, out()).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 120_000);

  it('stops the server when the process that started it goes away without passing a signal on', async () => {
    // npm runs the script through a shell; `kill` on npm ends npm and the shell, and the signal stops there.
    const { start, url } = await serving('sh', ['-c', `"${process.execPath}" "${join(ROOT, 'scripts/start.mjs')}"; true`]);
    start.kill('SIGKILL');
    await gone(url);
  }, 120_000);
});
