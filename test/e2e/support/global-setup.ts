// Starts the built server as a child process on a free port with a fresh data directory, for all browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD, ARTIFACTS_DIR, CHROMIUM, ROOT } from './env.js';

const CLI_CANDIDATES = ['dist/cli.js', 'dist/src/cli.js'];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The server exited with code ${exited} before answering /health. Its output:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer GET /health with 200 within ${timeoutMs / 1000} s. Its output:\n${tail(logFile)}`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = CLI_CANDIDATES.map((p) => join(ROOT, p)).find((p) => existsSync(p));
  if (!cli) throw new Error(`The server is not built (${CLI_CANDIDATES.join(' or ')} is missing). Run \`npm run build\` first.`);
  if (!existsSync(join(ROOT, 'web/dist/index.html')))
    throw new Error('The web workbench is not built (web/dist/index.html is missing). Run `npm run build` first.');
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's: apt-get update && apt-get install -y chromium (or set VIGIL_E2E_CHROMIUM).`);
  }

  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = resolve(ARTIFACTS_DIR, 'server.log');
  const log = createWriteStream(logFile);

  // --demo loads every module's demo data (demo users share VIGIL_ADMIN_PASSWORD; the UN list and a national list).
  const child = spawn(process.execPath, [cli, 'serve', '--demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      VIGIL_DATA_DIR: dataDir,
      VIGIL_PORT: String(port),
      VIGIL_HOST: '127.0.0.1',
      VIGIL_ADMIN_PASSWORD: ADMIN_PASSWORD,
      VIGIL_LOG_LEVEL: process.env.VIGIL_LOG_LEVEL ?? 'warn',
      VIGIL_DATABASE_URL: '',
      VIGIL_NATS_URL: '',
      VIGIL_TRAVEL_COUNTRY: 'at',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('cli', cli);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's VIGIL_DATA_DIR, for CLI commands run beside it (importing a list version). */
    dataDir: string;
    /** Path of the built CLI. */
    cli: string;
  }
}
