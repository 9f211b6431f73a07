// X.509 certificates and CRLs (RFC 5280) read with the bounded DER reader: names, validity, key ids, key usage, revoked serials.
import { createHash } from 'node:crypto';
import { bitStringBytes, children, content, DerError, expectTag, hex, intHex, oidOf, readRoot, TAG, timeOf, whole, type Tlv } from './der.js';
import { algorithmOf, publicKeyOf, type PublicKeyInfo, type SignatureAlgorithm } from './keys.js';
import { NAME_ATTRS, OID } from './oids.js';
import type { CertificateSummary } from './types.js';

export interface Name {
  /** `C=DE, O=Bund, CN=CSCA-GERMANY` in encoded order. */
  text: string;
  /** Normalised form for comparisons (types, lower-cased values with collapsed spaces). */
  key: string;
  /** Upper-case country (C attribute), if any. */
  country: string | null;
}

export type KeyUsage = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';
const KEY_USAGE_BITS: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export interface Cert {
  der: Uint8Array;
  tbs: Uint8Array;
  sigAlg: SignatureAlgorithm;
  signature: Uint8Array;
  serial: string;
  issuer: Name;
  subject: Name;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  ski: string | null;
  aki: string | null;
  keyUsage: ReadonlySet<KeyUsage> | null;
  ca: boolean | null;
  /** SHA-256 of the DER, hex. */
  fingerprint: string;
}

export interface Crl {
  der: Uint8Array;
  tbs: Uint8Array;
  sigAlg: SignatureAlgorithm;
  signature: Uint8Array;
  issuer: Name;
  aki: string | null;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revoked serial (hex) → revocation date. */
  revoked: ReadonlyMap<string, Date>;
  fingerprint: string;
}

function present(t: Tlv | undefined, what: string, at: number): Tlv {
  if (!t) throw new DerError(`${what} is missing`, at);
  return t;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function decodeString(t: Tlv): string {
  const b = content(t);
  switch (t.tag) {
    case 0x1e: // BMPString
      return new TextDecoder('utf-16be').decode(b);
    case 0x14: // TeletexString: treated as Latin-1
      return new TextDecoder('latin1').decode(b);
    default:
      return new TextDecoder('utf-8').decode(b);
  }
}

export function parseName(t: Tlv | undefined): Name {
  const parts: string[] = [];
  const keys: string[] = [];
  let country: string | null = null;
  for (const rdn of children(expectTag(t, TAG.SEQUENCE, 'name'), 64)) {
    for (const atv of children(expectTag(rdn, TAG.SET, 'relative distinguished name'), 16)) {
      const [type, value] = children(expectTag(atv, TAG.SEQUENCE, 'name attribute'));
      const oid = oidOf(expectTag(type, TAG.OID, 'name attribute type'));
      if (!value) throw new DerError('name attribute without a value', atv.start);
      const v = decodeString(value);
      const label = NAME_ATTRS[oid] ?? oid;
      parts.push(`${label}=${v}`);
      keys.push(`${oid}=${v.trim().replace(/\s+/g, ' ').toLowerCase()}`);
      if (oid === OID.country) country = v.trim().toUpperCase();
    }
  }
  return { text: parts.join(', '), key: keys.join('/'), country };
}

interface Extensions {
  ski: string | null;
  aki: string | null;
  keyUsage: Set<KeyUsage> | null;
  ca: boolean | null;
}

function parseExtensions(t: Tlv | undefined): Extensions {
  const out: Extensions = { ski: null, aki: null, keyUsage: null, ca: null };
  if (!t) return out;
  for (const ext of children(expectTag(children(t)[0], TAG.SEQUENCE, 'extensions'), 256)) {
    const parts = children(expectTag(ext, TAG.SEQUENCE, 'extension'));
    const id = oidOf(parts[0]!);
    const value = expectTag(parts[parts.length - 1], TAG.OCTET_STRING, 'extension value');
    const inner = readRoot(content(value), `extension ${id}`);
    const v: Tlv = {
      ...inner,
      start: inner.start + value.contentStart,
      contentStart: inner.contentStart + value.contentStart,
      end: inner.end + value.contentStart,
      buf: value.buf,
    };
    if (id === OID.subjectKeyId) out.ski = hex(content(expectTag(v, TAG.OCTET_STRING, 'subject key identifier')));
    else if (id === OID.authorityKeyId) {
      const kid = children(expectTag(v, TAG.SEQUENCE, 'authority key identifier')).find((c) => c.tag === 0x80);
      out.aki = kid ? hex(content(kid)) : null;
    } else if (id === OID.keyUsage) {
      const bits = bitStringBytes(v);
      out.keyUsage = new Set(KEY_USAGE_BITS.filter((_, i) => i < bits.length * 8 && bits[i >> 3]! & (0x80 >> (i & 7))));
    } else if (id === OID.basicConstraints) {
      const first = children(expectTag(v, TAG.SEQUENCE, 'basic constraints'))[0];
      out.ca = first?.tag === TAG.BOOLEAN ? content(first)[0] !== 0 : false;
    }
  }
  return out;
}

/** Reads one DER certificate. Throws DerError naming what is wrong and where. */
export function parseCertificate(der: Uint8Array): Cert {
  const root = readRoot(der, 'certificate');
  const [tbs, sigAlg, sig] = children(expectTag(root, TAG.SEQUENCE, 'certificate'));
  const f = children(expectTag(tbs, TAG.SEQUENCE, 'TBS certificate'));
  let i = f[0]?.tag === 0xa0 ? 1 : 0;
  const serial = intHex(expectTag(f[i++], TAG.INTEGER, 'serial number'));
  i++; // inner signature algorithm (checked equal to the outer one by the signature check below)
  const issuer = parseName(f[i++]);
  const [nb, na] = children(expectTag(f[i++], TAG.SEQUENCE, 'validity'));
  const subject = parseName(f[i++]);
  const spki = whole(expectTag(f[i++], TAG.SEQUENCE, 'subject public key info'));
  const ext = parseExtensions(f.slice(i).find((x) => x.tag === 0xa3));
  return {
    der,
    tbs: whole(tbs!),
    sigAlg: algorithmOf(sigAlg, 'certificate signature algorithm'),
    signature: bitStringBytes(expectTag(sig, TAG.BIT_STRING, 'certificate signature'), true),
    serial,
    issuer,
    subject,
    notBefore: timeOf(present(nb, 'not before', tbs!.start)),
    notAfter: timeOf(present(na, 'not after', nb!.end)),
    spki,
    ...ext,
    fingerprint: sha256(der),
  };
}

/** Reads one DER CRL. */
export function parseCrl(der: Uint8Array): Crl {
  const root = readRoot(der, 'CRL');
  const [tbs, sigAlg, sig] = children(expectTag(root, TAG.SEQUENCE, 'CRL'));
  const f = children(expectTag(tbs, TAG.SEQUENCE, 'TBS CRL'));
  let i = f[0]?.tag === TAG.INTEGER ? 1 : 0;
  i++; // inner signature algorithm
  const issuer = parseName(f[i++]);
  const thisUpdate = timeOf(present(f[i++], 'this update', tbs!.start));
  let nextUpdate: Date | null = null;
  if (f[i] && (f[i]!.tag === TAG.UTC_TIME || f[i]!.tag === TAG.GENERALIZED_TIME)) nextUpdate = timeOf(f[i++]!);
  const revoked = new Map<string, Date>();
  if (f[i]?.tag === TAG.SEQUENCE) {
    for (const r of children(f[i++]!, 1_000_000)) {
      const [serial, date] = children(expectTag(r, TAG.SEQUENCE, 'revoked certificate'));
      revoked.set(intHex(expectTag(serial, TAG.INTEGER, 'revoked serial')), timeOf(present(date, 'revocation date', r.start)));
    }
  }
  const ext = parseExtensions(f.slice(i).find((x) => x.tag === 0xa0));
  return {
    der,
    tbs: whole(tbs!),
    sigAlg: algorithmOf(sigAlg, 'CRL signature algorithm'),
    signature: bitStringBytes(expectTag(sig, TAG.BIT_STRING, 'CRL signature'), true),
    issuer,
    aki: ext.aki,
    thisUpdate,
    nextUpdate,
    revoked,
    fingerprint: sha256(der),
  };
}

const keyCache = new WeakMap<Cert, PublicKeyInfo>();
/** The certificate's public key (cached); throws DerError when unsupported. */
export function certKey(c: Cert): PublicKeyInfo {
  let k = keyCache.get(c);
  if (!k) keyCache.set(c, (k = publicKeyOf(c.spki)));
  return k;
}

export function summarize(c: Cert): CertificateSummary {
  let key: string;
  try {
    key = certKey(c).description;
  } catch (e) {
    key = `unsupported: ${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    subject: c.subject.text,
    issuer: c.issuer.text,
    serialNumber: c.serial,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    key,
    fingerprint: c.fingerprint,
  };
}
