// CMS SignedData (RFC 5652) as EF.SOD and ICAO master lists use it: content, embedded certificates, signer infos and their signature check.
import { createHash } from 'node:crypto';
import { bytesEqual, children, content, DerError, expectTag, hex, intHex, oidOf, TAG, whole, type Tlv } from './der.js';
import { certKey, parseName, type Cert } from './certs.js';
import { algorithmOf, hashOf, verifySignature, type SignatureAlgorithm } from './keys.js';
import { OID, type HashName } from './oids.js';

export interface SignerInfo {
  /** Issuer name key and serial of the signer certificate, or its subject key id. */
  sid: { issuerKey: string; serial: string } | { ski: string };
  digestHash: HashName;
  /** The signed attributes re-tagged as a SET, as signed; null when the content is signed directly. */
  signedAttrs: Uint8Array | null;
  messageDigest: Uint8Array | null;
  contentType: string | null;
  sigAlg: SignatureAlgorithm;
  signature: Uint8Array;
}

export interface SignedData {
  eContentType: string;
  eContent: Uint8Array;
  /** DER of each certificate carried in the SignedData. */
  certificates: Uint8Array[];
  signers: SignerInfo[];
}

/** Reads a ContentInfo holding SignedData, starting at `root`. */
export function parseSignedData(root: Tlv): SignedData {
  const [ct, explicit] = children(expectTag(root, TAG.SEQUENCE, 'content info'));
  const type = oidOf(expectTag(ct, TAG.OID, 'content type'));
  if (type !== OID.signedData) throw new DerError(`content type ${type} is not CMS SignedData`, ct!.start);
  const sd = expectTag(children(expectTag(explicit, 0xa0, 'signed data'))[0], TAG.SEQUENCE, 'signed data');
  const f = children(sd);
  const encap = children(expectTag(f[2], TAG.SEQUENCE, 'encapsulated content info'));
  const eContentType = oidOf(expectTag(encap[0], TAG.OID, 'encapsulated content type'));
  const wrapped = children(expectTag(encap[1], 0xa0, 'encapsulated content'))[0];
  const eContent = octets(wrapped, 'encapsulated content');
  const certificates: Uint8Array[] = [];
  let signerSet: Tlv | undefined;
  for (const x of f.slice(3)) {
    if (x.tag === 0xa0) for (const c of children(x, 10_000)) if (c.tag === TAG.SEQUENCE) certificates.push(whole(c));
    if (x.tag === TAG.SET) signerSet = x;
  }
  const signers = children(expectTag(signerSet, TAG.SET, 'signer infos', sd.end), 16).map(parseSignerInfo);
  return { eContentType, eContent, certificates, signers };
}

/** An OCTET STRING's value, primitive (DER) or constructed of primitive segments (BER, as some issuers and pkijs write it). */
function octets(t: Tlv | undefined, what: string): Uint8Array {
  if (t?.tag !== 0x24) return content(expectTag(t, TAG.OCTET_STRING, what));
  const parts = children(t, 4096).map((c) => content(expectTag(c, TAG.OCTET_STRING, `${what} segment`)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const x of parts) {
    out.set(x, p);
    p += x.length;
  }
  return out;
}

function parseSignerInfo(t: Tlv): SignerInfo {
  const f = children(expectTag(t, TAG.SEQUENCE, 'signer info'));
  const sidT = f[1];
  let sid: SignerInfo['sid'];
  if (sidT?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = children(sidT);
    sid = { issuerKey: parseName(issuer).key, serial: intHex(expectTag(serial, TAG.INTEGER, 'signer serial')) };
  } else if (sidT?.tag === 0x80) sid = { ski: hex(content(sidT)) };
  else throw new DerError('signer identifier is neither issuer and serial nor subject key id', sidT?.start ?? t.start);
  const digestHash = hashOf(algorithmOf(f[2], 'digest algorithm'), 'digest algorithm');
  let i = 3;
  let signedAttrs: Uint8Array | null = null;
  let messageDigest: Uint8Array | null = null;
  let contentType: string | null = null;
  if (f[i]?.tag === 0xa0) {
    const attrs = f[i++]!;
    signedAttrs = Uint8Array.from(whole(attrs));
    signedAttrs[0] = TAG.SET; // RFC 5652 5.4: the signature covers the attributes' DER encoding with an explicit SET OF tag.
    for (const a of children(attrs, 64)) {
      const [id, values] = children(expectTag(a, TAG.SEQUENCE, 'signed attribute'));
      const oid = oidOf(expectTag(id, TAG.OID, 'signed attribute type'));
      const v = children(expectTag(values, TAG.SET, 'signed attribute values'))[0];
      if (oid === OID.messageDigest) messageDigest = content(expectTag(v, TAG.OCTET_STRING, 'message digest'));
      if (oid === OID.contentType) contentType = oidOf(expectTag(v, TAG.OID, 'content type attribute'));
    }
  }
  const sigAlg = algorithmOf(f[i++], 'signature algorithm');
  const signature = content(expectTag(f[i], TAG.OCTET_STRING, 'signature', t.end));
  return { sid, digestHash, signedAttrs, messageDigest, contentType, sigAlg, signature };
}

/** Whether `cert` is the one the signer info names. */
export function signerMatches(s: SignerInfo, cert: Cert): boolean {
  return 'ski' in s.sid ? cert.ski === s.sid.ski : cert.issuer.key === s.sid.issuerKey && cert.serial === s.sid.serial;
}

/** Checks a signer info against the content and the signer's certificate; `null` when it verifies, else the reason. */
export function checkSigner(sd: SignedData, s: SignerInfo, cert: Cert): string | null {
  if (s.signedAttrs) {
    if (s.contentType !== null && s.contentType !== sd.eContentType)
      return `the signed content-type attribute ${s.contentType} differs from the content ${sd.eContentType}`;
    if (!s.messageDigest) return 'the signed attributes lack a message digest';
    const digest = createHash(s.digestHash).update(sd.eContent).digest();
    if (!bytesEqual(new Uint8Array(digest), s.messageDigest)) return `the signed message digest (${s.digestHash}) does not match the content`;
  }
  const ok = verifySignature(s.sigAlg, certKey(cert), s.signedAttrs ?? sd.eContent, s.signature, s.digestHash);
  return ok ? null : 'the signature does not verify with the signer certificate';
}
