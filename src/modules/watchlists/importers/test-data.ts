// For tests: where the shared real list files are (<project root>/../shared/data/watchlists), the fixtures, and a small ZIP writer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The shared watchlists data folder. */
export const WATCHLISTS_DATA = join(PROJECT_ROOT, '..', 'shared', 'data', 'watchlists');

/** The path of a shared data file, or undefined (after a console warning naming it) when it is absent. */
export function sharedFile(relative: string): string | undefined {
  const path = join(WATCHLISTS_DATA, relative);
  if (existsSync(path)) return path;
  console.warn(`skipping: shared data file ${path} is absent`);
  return undefined;
}

/** The fixtures folder of this module. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A ZIP archive of the given files (deflated, or stored when `stored`), written for tests of the ZIP reader. */
export function makeZip(files: readonly { name: string; data: Buffer; stored?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = f.stored ? f.data : deflateRawSync(f.data);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data) >>> 0;
    const size = f.declaredSize ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(f.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(f.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
