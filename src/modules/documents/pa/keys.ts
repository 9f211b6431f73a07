// Public keys from SubjectPublicKeyInfo (explicit EC parameters matched to the named curve they equal) and signature checks with node:crypto.
import { constants, createPublicKey, generateKeyPairSync, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { children, content, DerError, encode, encodeOid, expectTag, intHex, oidOf, readRoot, TAG, whole, type Tlv } from './der.js';
import { CURVE_LABEL, CURVE_OID, CURVES, HASHES, OID, SIGNATURES, type HashName } from './oids.js';

export interface PublicKeyInfo {
  key: KeyObject;
  kind: 'rsa' | 'rsa-pss' | 'ec';
  /** e.g. `RSA 2048`, `ECDSA brainpoolP256r1 (explicit parameters, matched to the named curve)`. */
  description: string;
}

interface CurveParams {
  name: string;
  p: string;
  a: string;
  b: string;
  gx: string;
  gy: string;
  n: string;
}

const strip = (h: string) => h.replace(/^(00)+(?=.)/, '');

let known: CurveParams[] | null = null;
/** The parameters of the supported named curves, read once from OpenSSL's own explicit encoding of each. */
function knownCurves(): CurveParams[] {
  if (known) return known;
  known = Object.values(CURVES).map((name) => {
    const { publicKey } = generateKeyPairSync('ec', {
      namedCurve: name,
      paramEncoding: 'explicit',
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    });
    const alg = children(children(readRoot(new Uint8Array(publicKey), 'key'))[0]!)[1]!;
    return { name, ...explicitParams(alg) };
  });
  return known;
}

/** p, a, b, G and n of an explicit ECParameters (RFC 3279), as stripped hex; G's y is `''` when G is compressed (parity kept in gx). */
function explicitParams(params: Tlv): Omit<CurveParams, 'name'> {
  const [, fieldId, curve, base, order] = children(expectTag(params, TAG.SEQUENCE, 'EC parameters'));
  const [fieldType, prime] = children(expectTag(fieldId, TAG.SEQUENCE, 'EC field'));
  if (oidOf(fieldType!) !== OID.primeField) throw new DerError('EC parameters over a field other than a prime field', fieldType!.start);
  const [a, b] = children(expectTag(curve, TAG.SEQUENCE, 'EC curve'));
  const g = content(expectTag(base, TAG.OCTET_STRING, 'EC base point'));
  const p = intHex(prime!);
  const size = Math.ceil(strip(p).length / 2);
  let gx: string, gy: string;
  if (g[0] === 4 && g.length === 1 + 2 * size) {
    gx = hexOf(g.subarray(1, 1 + size));
    gy = hexOf(g.subarray(1 + size));
  } else if ((g[0] === 2 || g[0] === 3) && g.length === 1 + size) {
    gx = `${g[0]}:${hexOf(g.subarray(1))}`;
    gy = '';
  } else throw new DerError('EC base point of a bad length', base!.start);
  return {
    p: strip(p),
    a: strip(hexOf(content(expectTag(a, TAG.OCTET_STRING, 'EC a')))),
    b: strip(hexOf(content(expectTag(b, TAG.OCTET_STRING, 'EC b')))),
    gx,
    gy,
    n: strip(intHex(order!)),
  };
}

const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');

function matchCurve(x: Omit<CurveParams, 'name'>): string | null {
  for (const c of knownCurves()) {
    if (c.p !== x.p || c.a !== x.a || c.b !== x.b || c.n !== x.n) continue;
    const gOk = x.gy ? strip(c.gx) === strip(x.gx) && strip(c.gy) === strip(x.gy) : x.gx === `${parseInt(c.gy.slice(-1), 16) % 2 ? 3 : 2}:${c.gx}`;
    if (gOk) return c.name;
  }
  return null;
}

const KEY_CACHE_SIZE = 2048;
const keyCache = new Map<string, PublicKeyInfo>();

/**
 * Parses a SubjectPublicKeyInfo into a key node:crypto can verify with. Keys are remembered by their bytes (a DSC signs
 * many passports, and OpenSSL's key import costs more than an RSA verification); the oldest are forgotten first.
 */
export function publicKeyOf(spkiDer: Uint8Array): PublicKeyInfo {
  const id = Buffer.from(spkiDer).toString('base64');
  const hit = keyCache.get(id);
  if (hit) return hit;
  const info = importKey(spkiDer);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(id, info);
  return info;
}

function importKey(spkiDer: Uint8Array): PublicKeyInfo {
  const spki = readRoot(spkiDer, 'subject public key info');
  const [alg, bits] = children(expectTag(spki, TAG.SEQUENCE, 'subject public key info'));
  const [algOid, params] = children(expectTag(alg, TAG.SEQUENCE, 'public key algorithm'));
  const oid = oidOf(algOid!);
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    const bitsLen = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return { key, kind: oid === OID.rsaEncryption ? 'rsa' : 'rsa-pss', description: `${oid === OID.rsaEncryption ? 'RSA' : 'RSA-PSS'} ${bitsLen}` };
  }
  if (oid !== OID.ecPublicKey) throw new DerError(`unsupported public key algorithm ${oid}`, algOid!.start);
  if (!params) throw new DerError('EC public key without curve parameters', alg!.start);
  let curve: string;
  let explicit = false;
  if (params.tag === TAG.OID) {
    const c = CURVES[oidOf(params)];
    if (!c) throw new DerError(`unsupported named curve ${oidOf(params)}`, params.start);
    curve = c;
  } else {
    const m = matchCurve(explicitParams(params));
    if (!m) throw new DerError('explicit EC parameters that equal none of the supported curves (P-224/256/384/521, brainpoolP224/256/384/512r1)', params.start);
    curve = m;
    explicit = true;
  }
  // Re-encode with the named curve so OpenSSL takes the key whatever its stance on explicit parameters.
  const named = encode(
    TAG.SEQUENCE,
    encode(TAG.SEQUENCE, encodeOid(OID.ecPublicKey), encodeOid(CURVE_OID[curve]!)),
    whole(expectTag(bits, TAG.BIT_STRING, 'public key')),
  );
  const key = createPublicKey({ key: Buffer.from(named), format: 'der', type: 'spki' });
  return { key, kind: 'ec', description: `ECDSA ${CURVE_LABEL[curve] ?? curve}${explicit ? ' (explicit parameters, matched to the named curve)' : ''}` };
}

export interface SignatureAlgorithm {
  oid: string;
  /** Parameters TLV (RSASSA-PSS), if any. */
  params: Tlv | undefined;
}

export function algorithmOf(t: Tlv | undefined, what: string): SignatureAlgorithm {
  const [o, params] = children(expectTag(t, TAG.SEQUENCE, what));
  return { oid: oidOf(expectTag(o, TAG.OID, what)), params: params && params.tag !== TAG.NULL ? params : undefined };
}

export function hashOf(alg: SignatureAlgorithm, what: string): HashName {
  const h = HASHES[alg.oid];
  if (!h) throw new DerError(`${what}: unsupported hash algorithm ${alg.oid}`, alg.params?.start ?? 0);
  return h;
}

interface PssParams {
  hash: HashName;
  saltLength: number;
}

function pssParams(params: Tlv | undefined): PssParams {
  let hash: HashName = 'sha1';
  let mgfHash: HashName = 'sha1';
  let saltLength = 20;
  for (const f of params ? children(expectTag(params, TAG.SEQUENCE, 'RSASSA-PSS parameters')) : []) {
    const inner = children(f)[0];
    if (f.tag === 0xa0) hash = hashOf(algorithmOf(inner, 'PSS hash'), 'PSS hash');
    else if (f.tag === 0xa1) {
      const mgf = algorithmOf(inner, 'PSS mask generation');
      if (mgf.oid !== OID.mgf1) throw new DerError(`unsupported mask generation function ${mgf.oid}`, f.start);
      mgfHash = hashOf(algorithmOf(mgf.params, 'MGF1 hash'), 'MGF1 hash');
    } else if (f.tag === 0xa2) saltLength = Number.parseInt(intHex(inner!), 16);
  }
  if (mgfHash !== hash) throw new DerError(`RSASSA-PSS with MGF1 hash ${mgfHash} differing from the hash ${hash} is not supported`, params?.start ?? 0);
  return { hash, saltLength };
}

/**
 * Verifies `signature` over `data`. `digestHash` is the hash named beside the signature (SignerInfo digestAlgorithm)
 * for algorithms that do not name one (rsaEncryption, ecPublicKey). Throws DerError for an unsupported algorithm.
 */
export function verifySignature(
  alg: SignatureAlgorithm,
  pub: PublicKeyInfo,
  data: Uint8Array,
  signature: Uint8Array,
  digestHash: HashName | null = null,
): boolean {
  const s = SIGNATURES[alg.oid];
  if (!s) throw new DerError(`unsupported signature algorithm ${alg.oid}`, 0);
  const wantEc = s.scheme === 'ecdsa' || s.scheme === 'ecdsa-plain';
  if (wantEc !== (pub.kind === 'ec')) throw new DerError(`signature algorithm ${alg.oid} does not fit a ${pub.description} key`, 0);
  try {
    if (s.scheme === 'pss') {
      const p = pssParams(alg.params);
      return nodeVerify(p.hash, data, { key: pub.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength }, signature);
    }
    const hash = s.hash ?? digestHash;
    if (!hash) throw new DerError(`signature algorithm ${alg.oid} needs a digest algorithm`, 0);
    if (s.scheme === 'pkcs1') return nodeVerify(hash, data, { key: pub.key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return nodeVerify(hash, data, { key: pub.key, dsaEncoding: s.scheme === 'ecdsa-plain' ? 'ieee-p1363' : 'der' }, signature);
  } catch (e) {
    if (e instanceof DerError) throw e;
    // OpenSSL rejects a malformed signature value by throwing; that is a signature that does not verify.
    return false;
  }
}
