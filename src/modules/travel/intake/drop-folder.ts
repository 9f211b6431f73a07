// The watched drop folder: each file is received (stored and committed), then moved to `done/` or `rejected/` beside it.
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import type { JobDef } from '../../../platform/jobs/types.js';
import { MAX_MESSAGE_BYTES, receiveMessage } from './receive.js';

/** Files still being written (by convention named so), hidden files and our own folders are left alone. */
const skip = (name: string) => name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.part') || name === 'done' || name === 'rejected';

/** Moves one file aside under a name that never overwrites an earlier one. */
async function moveAside(dir: string, name: string, to: 'done' | 'rejected', stamp: string) {
  await rename(join(dir, name), join(dir, to, `${stamp}-${name}`));
}

/**
 * Receives every complete file in `dir`. A crash after the commit and before the move receives the file again on the
 * next scan: the duplicate is recognised (same sender and reference, or same bytes), so nothing is counted twice.
 */
export async function scanDropFolder(ctx: AppContext, dir: string, signal?: AbortSignal): Promise<{ received: number; rejected: number }> {
  await mkdir(join(dir, 'done'), { recursive: true });
  await mkdir(join(dir, 'rejected'), { recursive: true });
  let received = 0;
  let rejected = 0;
  const names = (await readdir(dir)).filter((n) => !skip(n)).sort();
  for (const name of names) {
    if (signal?.aborted) break;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
    if (info.size > MAX_MESSAGE_BYTES) {
      ctx.log.warn({ file: name, size: info.size }, 'travel drop folder: file too large, moved to rejected');
      await moveAside(dir, name, 'rejected', stamp);
      rejected++;
      continue;
    }
    const outcome = await receiveMessage(ctx, await readFile(path), { channel: 'folder', actor: SYSTEM_ACTOR });
    await moveAside(dir, name, outcome.status === 'accepted' ? 'done' : 'rejected', stamp);
    if (outcome.status === 'accepted') received++;
    else rejected++;
  }
  if (received + rejected) {
    ctx.events.kick();
    ctx.log.info({ received, rejected }, 'travel drop folder scanned');
  }
  return { received, rejected };
}

export function dropFolderJob(ctx: AppContext): JobDef | null {
  const dir = ctx.config.travelDropDir;
  if (!dir) return null;
  return {
    name: 'travel.drop-folder',
    everySeconds: 5,
    run: async (signal) => {
      await scanDropFolder(ctx, dir, signal);
    },
  };
}
