// The Ed25519 key that signs audit checkpoints, kept outside the database: configured, or generated once under dataDir.
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { Config } from '../config.js';

/** A public key that checkpoints may be verified with. */
export interface AuditVerifyKey {
  /** First 16 hex characters of SHA-256 of the raw 32-byte public key. */
  readonly keyId: string;
  readonly publicKey: KeyObject;
  /** SPKI PEM, safe to publish and to keep beside exports for independent verification. */
  readonly publicKeyPem: string;
  /** Base64 Ed25519 signature check over the UTF-8 text. */
  verify(message: string, signature: string): boolean;
}

export interface AuditSigningKey extends AuditVerifyKey {
  /** Where the private key came from: the configured PEM text, the configured file, or the generated file. */
  readonly source: 'config' | 'file' | 'generated';
  /** Base64 Ed25519 signature over the UTF-8 text. */
  sign(message: string): string;
}

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** Where the key is generated when `auditKey` is not configured. */
export const generatedKeyPath = (dataDir: string): string => join(dataDir, 'keys', 'audit-ed25519.pem');

export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new AuditKeyError('the audit key must be an Ed25519 key');
  return createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

/** A verify-only key from a PEM public (or private) key, e.g. a retired signing key kept for old checkpoints. */
export function verifyKeyFromPem(pem: string): AuditVerifyKey {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch (err) {
    throw new AuditKeyError(`not a PEM public key: ${(err as Error).message}`);
  }
  return verifyKeyOf(publicKey);
}

function verifyKeyOf(publicKey: KeyObject): AuditVerifyKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new AuditKeyError(`the audit key must be Ed25519, not ${publicKey.asymmetricKeyType ?? 'unknown'}`);
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    verify: (message, signature) => {
      try {
        return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

function signingKeyOf(privateKey: KeyObject, source: AuditSigningKey['source']): AuditSigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new AuditKeyError(`the audit key must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  return {
    ...verifyKeyOf(createPublicKey(privateKey)),
    source,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

function parsePrivate(pem: string, where: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (err) {
    throw new AuditKeyError(`${where} is not a PEM private key: ${(err as Error).message}`);
  }
}

/**
 * The checkpoint signing key. `auditKey` is PEM text of an Ed25519 private key or the path of a PEM file; when it
 * is unset, the key at `<dataDir>/keys/audit-ed25519.pem` is used, generated on first use (directory 0700, file 0600).
 * The error messages never contain key material.
 */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'dataDir'>): AuditSigningKey {
  const configured = config.auditKey?.trim();
  if (configured) {
    if (configured.startsWith('-----BEGIN')) return signingKeyOf(parsePrivate(configured, 'VIGIL_AUDIT_KEY'), 'config');
    let pem: string;
    try {
      pem = readFileSync(configured, 'utf8');
    } catch (err) {
      throw new AuditKeyError(`cannot read the audit key file ${configured}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return signingKeyOf(parsePrivate(pem, configured), 'file');
  }
  const file = generatedKeyPath(config.dataDir);
  const existing = readIfExists(file);
  if (existing !== undefined) return signingKeyOf(parsePrivate(existing, file), 'file');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Written whole under a temporary name, then linked into place: link never replaces a key another process
  // generated at the same moment (EEXIST), and no reader ever sees a half-written file.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(tmp, 0o600);
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return signingKeyOf(parsePrivate(readFileSync(file, 'utf8'), file), 'file');
  } finally {
    rmSync(tmp, { force: true });
  }
  return signingKeyOf(privateKey, 'generated');
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
