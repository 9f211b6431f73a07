// The key that seals depersonalised originals (AES-256-GCM), kept outside the database under dataDir like the audit key.
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const vaultKeyPath = (dataDir: string): string => join(dataDir, 'keys', 'travel-retention-aes256.key');

export class VaultKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultKeyError';
  }
}

export interface VaultKey {
  /** First 16 hex characters of SHA-256 of the key: tells which key sealed a row, never the key itself. */
  readonly keyId: string;
  seal(plain: Buffer): { iv: string; sealed: Buffer };
  /** Throws VaultKeyError when the row was sealed with another key or was altered. */
  open(row: { key_id: string; iv: string; sealed: Buffer | Uint8Array }): Buffer;
}

function keyOf(key: Buffer): VaultKey {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return { iv: iv.toString('base64'), sealed: Buffer.concat([body, cipher.getAuthTag()]) };
    },
    open(row) {
      if (row.key_id !== keyId) throw new VaultKeyError(`sealed with key ${row.key_id}, but the configured key is ${keyId}`);
      const sealed = Buffer.from(row.sealed);
      if (sealed.length < 16) throw new VaultKeyError('the sealed value is truncated');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(row.iv, 'base64'));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
      } catch {
        throw new VaultKeyError('the sealed value does not authenticate: it was altered or sealed with another key');
      }
    },
  };
}

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new VaultKeyError(`${where} must hold a base64 256-bit key (32 bytes), not ${key.length} bytes`);
  return key;
}

const cache = new Map<string, VaultKey>();

/**
 * The retention vault key at `<dataDir>/keys/travel-retention-aes256.key` (base64, 32 bytes), generated on first use
 * (directory 0700, file 0600). Every process of a deployment must see the same file (scale-out: a shared secret volume).
 * Error messages never contain key material.
 */
export function loadVaultKey(dataDir: string): VaultKey {
  const file = vaultKeyPath(dataDir);
  const known = cache.get(file);
  if (known) return known;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new VaultKeyError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (text === undefined) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    chmodSync(dirname(file), 0o700);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      // link never replaces a key another process generated at the same moment (EEXIST): that one wins.
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
    text = readFileSync(file, 'utf8');
  }
  const key = keyOf(parseKey(text, file));
  cache.set(file, key);
  return key;
}
