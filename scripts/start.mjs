// `npm start`: builds when the sources are newer than the build, then serves with the demo data.
import { spawn, spawnSync } from 'node:child_process';
import { buildIsStale, builtServer } from './build-state.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = builtServer(root);
if (buildIsStale(root)) {
  process.stderr.write('Building Vigil…\n');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The demo's passenger information unit is Austria's (its flights go through Vienna), unless told otherwise.
const env = { ...process.env, VIGIL_TRAVEL_COUNTRY: process.env.VIGIL_TRAVEL_COUNTRY || 'at' };
// The server runs in its own process group, so that a stop reaches it once, from here: Ctrl-C at a terminal signals the
// whole foreground group and npm passes the signal on as well, while `kill` or a supervisor signals only this process.
// The server shuts down on the first SIGINT or SIGTERM; it gets the first signal that comes, and this process exits with it.
const server = spawn(process.execPath, [built, 'serve', '--demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env, detached: true });
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
process.on('SIGHUP', () => stop('SIGTERM'));
// When the process that started this one goes away, the server stops too: `kill` on npm stops npm and its shell, and
// the shell does not pass the signal on.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop('SIGTERM'), 500).unref();
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
