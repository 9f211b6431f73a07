// A test PKI built with pkijs and asn1js (independent of the verifier's own DER reader): CSCA, DSC, CRL, master list, SOD and DG1 of invented passports.
import { constants, createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { HASH_OID, OID, type HashName } from './oids.js';
import type { ChipData } from './types.js';

/**
 * Key kinds of the test PKI: `rsa` signs with PKCS#1 v1.5, `rsa-pss` is an RSASSA-PSS key, `rsa-with-pss` an ordinary RSA key
 * signing with PSS (as several issuers do); `explicit-*` publishes the curve as explicit parameters in the certificate.
 */
export type TestKeyKind =
  | 'rsa'
  | 'rsa-pss'
  | 'rsa-with-pss'
  | 'p256'
  | 'p384'
  | 'p521'
  | 'brainpoolP256r1'
  | 'brainpoolP384r1'
  | 'brainpoolP512r1'
  | 'explicit-brainpoolP256r1'
  | 'explicit-p256';

const CURVE: Record<string, string> = { p256: 'prime256v1', p384: 'secp384r1', p521: 'secp521r1' };
const ECDSA_OID: Record<HashName, string> = {
  sha1: '1.2.840.10045.4.1',
  sha224: '1.2.840.10045.4.3.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};
const RSA_OID: Record<HashName, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha224: '1.2.840.113549.1.1.14',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};

export interface TestKey {
  kind: TestKeyKind;
  privateKey: KeyObject;
  spki: Uint8Array;
}

export function testKey(kind: TestKeyKind): TestKey {
  let pair: { publicKey: Buffer; privateKey: string };
  const pub = { type: 'spki', format: 'der' } as const;
  const priv = { type: 'pkcs8', format: 'pem' } as const;
  if (kind === 'rsa' || kind === 'rsa-with-pss') pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: pub, privateKeyEncoding: priv });
  else if (kind === 'rsa-pss') pair = generateKeyPairSync('rsa-pss', { modulusLength: 2048, publicKeyEncoding: pub, privateKeyEncoding: priv });
  else {
    const base = kind.replace('explicit-', '');
    pair = generateKeyPairSync('ec', {
      namedCurve: CURVE[base] ?? base,
      paramEncoding: kind.startsWith('explicit-') ? 'explicit' : 'named',
      publicKeyEncoding: pub,
      privateKeyEncoding: priv,
    });
  }
  return { kind, privateKey: createPrivateKey(pair.privateKey), spki: new Uint8Array(pair.publicKey) };
}

const isEc = (k: TestKey) => !k.kind.startsWith('rsa');

function sigAlg(k: TestKey, hash: HashName): pkijs.AlgorithmIdentifier {
  if (isEc(k)) return new pkijs.AlgorithmIdentifier({ algorithmId: ECDSA_OID[hash] });
  if (k.kind === 'rsa') return new pkijs.AlgorithmIdentifier({ algorithmId: RSA_OID[hash], algorithmParams: new asn1js.Null() });
  const h = new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() });
  const params = new pkijs.RSASSAPSSParams({
    hashAlgorithm: h,
    maskGenAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.mgf1, algorithmParams: h.toSchema() }),
    saltLength: hashLength(hash),
  });
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsassaPss, algorithmParams: params.toSchema() });
}

const hashLength = (h: HashName) => ({ sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 })[h];

function signWith(k: TestKey, hash: HashName, data: Uint8Array): Uint8Array {
  if (k.kind === 'rsa-pss' || k.kind === 'rsa-with-pss')
    return new Uint8Array(sign(hash, data, { key: k.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(hash) }));
  return new Uint8Array(sign(hash, data, k.privateKey));
}

const buf = (u: Uint8Array): ArrayBuffer => u.slice().buffer;
const keyId = (spki: Uint8Array) => new Uint8Array(createHash('sha1').update(spki).digest());

export interface TestName {
  country: string;
  organisation?: string;
  commonName: string;
}

function name(n: TestName): pkijs.RelativeDistinguishedNames {
  const rdn = new pkijs.RelativeDistinguishedNames();
  const add = (type: string, value: asn1js.BaseStringBlock) => rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value }));
  add(OID.country, new asn1js.PrintableString({ value: n.country }));
  if (n.organisation) add('2.5.4.10', new asn1js.Utf8String({ value: n.organisation }));
  add('2.5.4.3', new asn1js.Utf8String({ value: n.commonName }));
  // One attribute per RDN, as issuers write names (pkijs alone would put them all in one multi-valued RDN).
  rdn.valueBeforeDecode = new asn1js.Sequence({ value: rdn.typesAndValues.map((t) => new asn1js.Set({ value: [t.toSchema()] })) }).toBER();
  return rdn;
}

const ext = (extnID: string, critical: boolean, value: asn1js.BaseBlock) => new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });

/** A certificate of the test PKI with what is needed to sign under it. */
export interface TestCert {
  der: Uint8Array;
  key: TestKey;
  name: TestName;
  serial: number;
  cert: pkijs.Certificate;
}

export interface CertOptions {
  subject: TestName;
  key: TestKey;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  /** The issuer; self-signed when absent. */
  issuer?: TestCert;
  ca: boolean;
  hash?: HashName;
}

export function issueCertificate(o: CertOptions): TestCert {
  const signer = o.issuer?.key ?? o.key;
  const hash = o.hash ?? 'sha256';
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: o.serial });
  cert.issuer = name(o.issuer?.name ?? o.subject);
  cert.subject = name(o.subject);
  cert.notBefore = new pkijs.Time({ type: 0, value: o.notBefore });
  cert.notAfter = new pkijs.Time({ type: 0, value: o.notAfter });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(buf(o.key.spki));
  const aki = keyId(o.issuer?.key.spki ?? o.key.spki);
  // Key usage: digitalSignature (bit 0) for a DSC; keyCertSign and cRLSign (bits 5, 6) for a CSCA.
  const usage = o.ca
    ? new asn1js.BitString({ valueHex: buf(Uint8Array.of(0x06)), unusedBits: 1 })
    : new asn1js.BitString({ valueHex: buf(Uint8Array.of(0x80)), unusedBits: 7 });
  cert.extensions = [
    ext(OID.keyUsage, true, usage),
    ext(OID.subjectKeyId, false, new asn1js.OctetString({ valueHex: buf(keyId(o.key.spki)) })),
    ext(OID.authorityKeyId, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: buf(aki) }) }).toSchema()),
  ];
  if (o.ca) cert.extensions.push(ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema()));
  cert.signature = sigAlg(signer, hash);
  cert.signatureAlgorithm = sigAlg(signer, hash);
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER());
  cert.signatureValue = new asn1js.BitString({ valueHex: buf(signWith(signer, hash, cert.tbsView)) });
  return { der: new Uint8Array(cert.toSchema().toBER()), key: o.key, name: o.subject, serial: o.serial, cert };
}

/** A CRL of `ca` listing `revoked` serials. */
export function issueCrl(ca: TestCert, revoked: ReadonlyArray<{ serial: number; date: Date }>, thisUpdate: Date, nextUpdate: Date): Uint8Array {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = name(ca.name);
  crl.thisUpdate = new pkijs.Time({ type: 0, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: nextUpdate });
  if (revoked.length)
    crl.revokedCertificates = revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({ userCertificate: new asn1js.Integer({ value: r.serial }), revocationDate: new pkijs.Time({ type: 0, value: r.date }) }),
    );
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      ext(
        OID.authorityKeyId,
        false,
        new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: buf(keyId(ca.key.spki)) }) }).toSchema(),
      ),
    ],
  });
  crl.signature = sigAlg(ca.key, 'sha256');
  crl.signatureAlgorithm = sigAlg(ca.key, 'sha256');
  crl.tbsView = new Uint8Array((crl as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER());
  crl.signatureValue = new asn1js.BitString({ valueHex: buf(signWith(ca.key, 'sha256', crl.tbsView)) });
  return new Uint8Array(crl.toSchema().toBER());
}

/** CMS SignedData over `content` of type `contentType`, signed by `signer` with signed attributes, carrying `signer`'s certificate. */
export function signedData(contentType: string, content: Uint8Array, signer: TestCert, hash: HashName = 'sha256'): Uint8Array {
  const digestAlg = new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() });
  const attrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: buf(new Uint8Array(createHash(hash).update(content).digest())) })],
      }),
    ],
  });
  const toSign = new Uint8Array(attrs.toSchema().toBER());
  toSign[0] = 0x31;
  const info = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.cert.issuer, serialNumber: signer.cert.serialNumber }),
    digestAlgorithm: digestAlg,
    signedAttrs: attrs,
    signatureAlgorithm: sigAlg(signer.key, hash),
    signature: new asn1js.OctetString({ valueHex: buf(signWith(signer.key, hash, toSign)) }),
  });
  // Assigned after construction: pkijs's constructor would split the content into a constructed (BER) OCTET STRING.
  const encap = new pkijs.EncapsulatedContentInfo({ eContentType: contentType });
  encap.eContent = new asn1js.OctetString({ valueHex: buf(content) });
  const sd = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [digestAlg],
    encapContentInfo: encap,
    certificates: [signer.cert],
    signerInfos: [info],
  });
  const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER());
}

/** EF.SOD: tag 0x77 around SignedData of an LDSSecurityObject hashing `dataGroups`. */
export function issueSod(dsc: TestCert, dataGroups: ReadonlyMap<number, Uint8Array>, hash: HashName = 'sha256'): Uint8Array {
  const lds = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() }).toSchema(),
      new asn1js.Sequence({
        value: [...dataGroups].map(
          ([n, data]) =>
            new asn1js.Sequence({
              value: [new asn1js.Integer({ value: n }), new asn1js.OctetString({ valueHex: buf(new Uint8Array(createHash(hash).update(data).digest())) })],
            }),
        ),
      }),
    ],
  });
  const ci = signedData(OID.ldsSecurityObject, new Uint8Array(lds.toBER()), dsc, hash);
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 23 }, value: [asn1js.fromBER(buf(ci)).result] }).toBER());
}

/** DG1: tag 0x61 around the MRZ lines joined in tag 0x5F1F. */
export function makeDg1(mrz: readonly string[]): Uint8Array {
  const text = new TextEncoder().encode(mrz.join(''));
  const inner = new asn1js.Primitive({ idBlock: { tagClass: 2, tagNumber: 31 }, valueHex: buf(text) });
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 1 }, value: [inner] }).toBER());
}

/** An ICAO master list: SignedData of CscaMasterList { version 0, certList SET OF Certificate } signed by `signer`. */
export function issueMasterList(signer: TestCert, cscas: readonly Uint8Array[]): Uint8Array {
  const list = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: cscas.map((c) => asn1js.fromBER(buf(c)).result) })] });
  return signedData(OID.cscaMasterList, new Uint8Array(list.toBER()), signer);
}

export interface TestPassportOptions {
  /** The printed MRZ lines DG1 carries. */
  mrz: readonly string[];
  /** Two-letter country of the certificates (default `UT`, the invented Utopia). */
  country?: string;
  /** Key of the CSCA (default `p256`); ignored when `csca` is given. */
  cscaKey?: TestKeyKind;
  /** Key of the DSC (default: that of the CSCA without explicit parameters). */
  dscKey?: TestKeyKind;
  /** An existing CSCA to issue under (several passports of one country). */
  csca?: TestCert;
  hash?: HashName;
  /** The instant the passport is issued (default now); certificates are valid around it. */
  issuedAt?: Date;
  /** DSC validity end (default ten years after issue). */
  dscNotAfter?: Date;
  /** Revoke the DSC in the CRL returned (a day after issue). */
  revokeDsc?: boolean;
  dscSerial?: number;
}

/** A complete invented passport chip with its PKI: trust the CSCA (and CRL) and verify `chip` against `mrz`. */
export interface TestPassport {
  csca: TestCert;
  dsc: TestCert;
  crl: Uint8Array;
  chip: ChipData;
  mrz: string[];
}

const DAY = 86_400_000;
let serials = 1000;

/** Builds a CSCA of the test PKI (self-signed, keyCertSign, valid a year before to fifteen years after `at`). */
export function buildTestCsca(kind: TestKeyKind = 'p256', country = 'UT', at = new Date(), commonName = `CSCA ${country} TEST`): TestCert {
  return issueCertificate({
    subject: { country, organisation: 'Passport Office of Testland', commonName },
    key: testKey(kind),
    serial: ++serials,
    notBefore: new Date(at.getTime() - 365 * DAY),
    notAfter: new Date(at.getTime() + 15 * 365 * DAY),
    ca: true,
  });
}

export function buildTestPassport(o: TestPassportOptions): TestPassport {
  const at = o.issuedAt ?? new Date();
  const country = o.csca?.name.country ?? o.country ?? 'UT';
  const csca = o.csca ?? buildTestCsca(o.cscaKey ?? 'p256', country, at);
  const dscKind = o.dscKey ?? (csca.key.kind.replace('explicit-', '') as TestKeyKind);
  const serial = o.dscSerial ?? ++serials;
  const dsc = issueCertificate({
    subject: { country, organisation: 'Passport Office of Testland', commonName: `DS ${country} ${serial}` },
    key: testKey(dscKind),
    serial,
    notBefore: new Date(at.getTime() - DAY),
    notAfter: o.dscNotAfter ?? new Date(at.getTime() + 10 * 365 * DAY),
    issuer: csca,
    ca: false,
    hash: o.hash,
  });
  const dataGroups = new Map<number, Uint8Array>([
    [1, makeDg1(o.mrz)],
    // DG2 stand-in: the face template tag 0x75 around invented bytes (no real biometric).
    [2, Uint8Array.of(0x75, 0x0a, ...new TextEncoder().encode('TESTFACE01'))],
  ]);
  const crl = issueCrl(
    csca,
    o.revokeDsc ? [{ serial, date: new Date(at.getTime() + DAY) }] : [],
    new Date(at.getTime() - DAY),
    new Date(at.getTime() + 90 * DAY),
  );
  return { csca, dsc, crl, chip: { sod: issueSod(dsc, dataGroups, o.hash), dataGroups }, mrz: [...o.mrz] };
}

/** The invented TD3 passport used by tests and the demo (Doc 9303 style specimen, Utopia). */
export const SPECIMEN_TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;
