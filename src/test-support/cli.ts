// Runs the real `vigil` command (TypeScript sources through tsx) as a child process, as a user would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });

export function startVigil(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, stdio: 'pipe' });
}

export function vigil(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = startVigil(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdin.end(stdin ?? '');
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The admin password of servers started by `serveVigil`. */
export const CRASH_PASSWORD = 'crash test password 1';

/**
 * Waits for a starting server (`vigil serve`, `npm start`) to print where it runs: resolves with that URL and the output
 * so far; rejects when the process exits first or prints nothing of the kind within a minute.
 */
export function listening(child: ChildProcessWithoutNullStreams): Promise<{ url: string; output: () => string }> {
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, output });
      }
    });
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
}

/** Starts `vigil serve` on a free port and resolves with its URL once it listens. */
export async function serveVigil(env: Record<string, string>): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = startVigil(['serve'], { ...env, VIGIL_PORT: '0', VIGIL_ADMIN_PASSWORD: CRASH_PASSWORD, VIGIL_LOG_LEVEL: 'warn' });
  const { url } = await listening(child);
  return { child, url };
}
