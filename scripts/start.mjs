// `npm start`: builds when the sources are newer than the build, then serves with the demo data.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const built = join(root, 'dist/cli.js');
const web = join(root, 'web/dist/index.html');
const stale =
  !existsSync(built) || !existsSync(web) || newest(join(root, 'src')) > statSync(built).mtimeMs || newest(join(root, 'web/src')) > statSync(web).mtimeMs;
if (stale) {
  process.stderr.write('Building Vigil…\n');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The demo's passenger information unit is Austria's (its flights go through Vienna), unless told otherwise.
const env = { ...process.env, VIGIL_TRAVEL_COUNTRY: process.env.VIGIL_TRAVEL_COUNTRY || 'at' };
const r = spawnSync(process.execPath, [built, 'serve', '--demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
