// Whether the build (server and web workbench) is missing or older than its sources: `npm start` then builds first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Time of the newest file under `dir` that goes into the build (tests do not). */
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) t = Math.max(t, newest(p));
    else if (!name.endsWith('.test.ts')) t = Math.max(t, s.mtimeMs);
  }
  return t;
}

/** The built server entry point of the project at `root`. */
export const builtServer = (root) => join(root, 'dist/cli.js');

/**
 * True when the build of the project at `root` is missing or older than a source file. The server build is incremental
 * (unchanged outputs keep their time): its build info, written by every build, tells when it last ran.
 */
export function buildIsStale(root) {
  const info = join(root, 'dist/.tsbuildinfo');
  const web = join(root, 'web/dist/index.html');
  if (!existsSync(builtServer(root)) || !existsSync(info) || !existsSync(web)) return true;
  return newest(join(root, 'src')) > statSync(info).mtimeMs || newest(join(root, 'web/src')) > statSync(web).mtimeMs;
}
