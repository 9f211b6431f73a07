// Tests of the bounded ZIP reader: stored and deflated entries, corrupt and hostile archives refused with ImportError.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openZip, ZIP_LIMITS, type ZipArchive } from './zip.js';
import { makeZip } from './test-data.js';
import { tempDir } from './fuzz-support.js';
import { ImportError } from './types.js';

const tmp = tempDir();
afterAll(tmp.remove);
let n = 0;

function zipFile(content: Buffer): string {
  const path = join(tmp.dir, `z${n++}.zip`);
  writeFileSync(path, content);
  return path;
}

async function contents(zip: ZipArchive, name: string): Promise<Buffer> {
  const entry = zip.entries.find((e) => e.name === name)!;
  const parts: Buffer[] = [];
  for await (const chunk of zip.read(entry)) parts.push(chunk);
  return Buffer.concat(parts);
}

async function failure(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('openZip', () => {
  it('lists and reads stored and deflated entries', async () => {
    const big = Buffer.from('36,"AEROCARIBBEAN AIRLINES",-0-\r\n'.repeat(2000));
    const zip = await openZip(
      zipFile(
        makeZip([
          { name: 'sdn.csv', data: big },
          { name: 'dir/alt.csv', data: Buffer.from('x'), stored: true },
        ]),
      ),
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['sdn.csv', 'dir/alt.csv']);
    expect(await contents(zip, 'sdn.csv')).toEqual(big);
    expect((await contents(zip, 'dir/alt.csv')).toString()).toBe('x');
  });

  it('refuses files that are no ZIP, and truncated archives', async () => {
    expect((await failure(openZip(zipFile(Buffer.from('not a zip at all'))))).message).toMatch(/not a ZIP archive/);
    const whole = makeZip([{ name: 'a.csv', data: Buffer.from('hello'.repeat(100)) }]);
    await failure(openZip(zipFile(whole.subarray(0, whole.length - 30))));
  });

  it('refuses an entry that expands beyond its declared size (a lying bomb)', async () => {
    const zip = await openZip(zipFile(makeZip([{ name: 'bomb.csv', data: Buffer.alloc(1 << 20), declaredSize: 1000 }])));
    const e = await failure(contents(zip, 'bomb.csv'));
    expect(e.message).toMatch(/expands beyond its declared 1000 bytes/);
    expect(e.where.file).toMatch(/bomb\.csv$/);
  });

  it('refuses entries whose declared size or ratio is beyond the limits', async () => {
    const data = Buffer.alloc(2 << 20);
    const path = zipFile(makeZip([{ name: 'zeros.csv', data }]));
    expect((await failure(openZip(path))).message).toMatch(/expands more than 200 times/);
    expect((await failure(openZip(path, { ...ZIP_LIMITS, maxRatio: 1e9, maxEntryBytes: 1 << 20 }))).message).toMatch(/more than 1048576/);
  });

  it('refuses corrupt data and a failed CRC', async () => {
    const good = makeZip([{ name: 'a.csv', data: Buffer.from('abcdef'.repeat(50)), stored: true }]);
    const bad = Buffer.from(good);
    bad[40] = bad[40]! ^ 0xff;
    const zip = await openZip(zipFile(bad));
    expect((await failure(contents(zip, 'a.csv'))).message).toMatch(/CRC-32/);
  });

  it('on random mutations lists and reads or fails with an ImportError, nothing else', async () => {
    const seed = makeZip([
      { name: 'a.csv', data: Buffer.from('1,"x"\r\n'.repeat(30)) },
      { name: 'b.csv', data: Buffer.from('plain'), stored: true },
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(), async (flips, cut) => {
        const bytes = Buffer.from(seed);
        for (const [at, v] of flips) bytes[at % bytes.length] = v;
        const data = bytes.subarray(0, cut % 3 === 0 ? cut % bytes.length : bytes.length);
        const e = await (async () => {
          const zip = await openZip(zipFile(data));
          for (const entry of zip.entries) for await (const _ of zip.read(entry));
        })().then(
          () => undefined,
          (err: unknown) => err,
        );
        if (e !== undefined) expect(e).toBeInstanceOf(ImportError);
      }),
      { numRuns: 150 },
    );
  });
});
