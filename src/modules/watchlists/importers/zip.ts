// Minimal bounded ZIP reader: central directory, stored and deflated entries streamed with size, ratio and CRC checks (no ZIP64, no encryption).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { ImportError } from './types.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  localOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry, in bytes. */
  maxEntryBytes: number;
  /** Largest sum of the uncompressed entries, in bytes. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio, for entries over 1 MiB. */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 512 << 20, maxTotalBytes: 1 << 30, maxRatio: 200 };

export interface ZipArchive {
  file: string;
  entries: readonly ZipEntry[];
  /** The entry's uncompressed bytes, checked against its declared size and CRC. */
  read(entry: ZipEntry): AsyncIterable<Buffer>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory of the ZIP at `path`; refuses archives beyond the limits. */
export async function openZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
  const fail = (message: string, offset?: number): never => {
    throw new ImportError(message, { file: path, ...(offset !== undefined ? { offset } : {}) });
  };
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => fail(`cannot read the file (${e.code ?? 'error'})`));
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let at = tailLen - 22;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
    if (at < 0) fail('not a ZIP archive: no end of central directory record');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) fail('ZIP64 archives are not supported');
    if (count > limits.maxEntries) fail(`the ZIP archive has ${count} entries, more than ${limits.maxEntries}`);
    if (cdOffset + cdSize > size) fail('the ZIP central directory lies beyond the end of the file (truncated archive?)', size);
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let total = 0;
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) fail('corrupt ZIP central directory', cdOffset + p);
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const nameLen = cd.readUInt16LE(p + 28);
      const skip = nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (p + 46 + skip > cd.length) fail('corrupt ZIP central directory', cdOffset + p);
      const entry: ZipEntry = {
        name: cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen),
        method,
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      p += 46 + skip;
      if (entry.name.endsWith('/')) continue;
      const where = `ZIP entry ${entry.name}`;
      if (flags & 1) fail(`${where} is encrypted`);
      if (method !== 0 && method !== 8) fail(`${where} uses compression method ${method}; only stored and deflated entries are read`);
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) fail('ZIP64 archives are not supported');
      if (entry.size > limits.maxEntryBytes) fail(`${where} expands to ${entry.size} bytes, more than ${limits.maxEntryBytes}`);
      if (entry.size > 1 << 20 && entry.size > entry.compressedSize * limits.maxRatio) {
        fail(`${where} expands more than ${limits.maxRatio} times (a ZIP bomb?)`);
      }
      if (entry.localOffset + entry.compressedSize > size) fail(`${where} lies beyond the end of the file (truncated archive?)`, size);
      total += entry.size;
      if (total > limits.maxTotalBytes) fail(`the ZIP archive expands to more than ${limits.maxTotalBytes} bytes`);
      entries.push(entry);
    }
    return { file: path, entries, read: (entry) => readEntry(path, entry) };
  } finally {
    await fh.close();
  }
}

async function* readEntry(path: string, entry: ZipEntry): AsyncIterable<Buffer> {
  const file = `${path}:${entry.name}`;
  const header = Buffer.alloc(30);
  const fh = await open(path, 'r');
  try {
    await fh.read(header, 0, 30, entry.localOffset);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw new ImportError('corrupt ZIP local header', { file, offset: entry.localOffset });
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw new ImportError('ZIP entry has no data', { file });
    return;
  }
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const input = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const inflate = entry.method === 8 ? createInflateRaw() : undefined;
  if (inflate) {
    input.on('error', (e) => inflate.destroy(e));
    input.pipe(inflate);
  }
  let n = 0;
  let crc = 0;
  try {
    for await (const chunk of (inflate ?? input) as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > entry.size) throw new ImportError(`ZIP entry expands beyond its declared ${entry.size} bytes (a ZIP bomb?)`, { file, offset: entry.size });
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`corrupt ZIP entry data (${(e as Error).message})`, { file, offset: n });
  } finally {
    input.destroy();
    inflate?.destroy();
  }
  if (n !== entry.size) throw new ImportError(`ZIP entry holds ${n} bytes, not the declared ${entry.size} (truncated?)`, { file, offset: n });
  if (crc >>> 0 !== entry.crc32) throw new ImportError('ZIP entry fails its CRC-32 check (corrupt data)', { file });
}
