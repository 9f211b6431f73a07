// Object identifiers of passive authentication: hashes, signature algorithms, curves, CMS and X.509 attributes (RFC 5280/5652, Doc 9303 part 12, BSI TR-03111).

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export const HASHES: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
export const HASH_OID: Readonly<Record<HashName, string>> = Object.fromEntries(Object.entries(HASHES).map(([k, v]) => [v, k])) as Record<HashName, string>;

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  primeField: '1.2.840.10045.1.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  ldsSecurityObject: '2.23.136.1.1.1',
  cscaMasterList: '2.23.136.1.1.2',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  country: '2.5.4.6',
} as const;

/** Signature algorithms: the hash they use and the scheme. `null` hash: taken from the SignerInfo's digest algorithm. */
export const SIGNATURES: Readonly<Record<string, { hash: HashName | null; scheme: 'pkcs1' | 'pss' | 'ecdsa' | 'ecdsa-plain' }>> = {
  '1.2.840.113549.1.1.1': { hash: null, scheme: 'pkcs1' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.14': { hash: 'sha224', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.10': { hash: null, scheme: 'pss' },
  '1.2.840.10045.2.1': { hash: null, scheme: 'ecdsa' },
  '1.2.840.10045.4.1': { hash: 'sha1', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.1': { hash: 'sha224', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', scheme: 'ecdsa' },
  // BSI TR-03111 ecdsa-plain-signatures (r || s), used by some issuers.
  '0.4.0.127.0.7.1.1.4.1.1': { hash: 'sha1', scheme: 'ecdsa-plain' },
  '0.4.0.127.0.7.1.1.4.1.2': { hash: 'sha224', scheme: 'ecdsa-plain' },
  '0.4.0.127.0.7.1.1.4.1.3': { hash: 'sha256', scheme: 'ecdsa-plain' },
  '0.4.0.127.0.7.1.1.4.1.4': { hash: 'sha384', scheme: 'ecdsa-plain' },
  '0.4.0.127.0.7.1.1.4.1.5': { hash: 'sha512', scheme: 'ecdsa-plain' },
};

/** Named curves accepted, by OID, with OpenSSL's name. */
export const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'prime256v1',
  '1.3.132.0.33': 'secp224r1',
  '1.3.132.0.34': 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.3.36.3.3.2.8.1.1.5': 'brainpoolP224r1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};
export const CURVE_OID: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CURVES).map(([k, v]) => [v, k]));
/** How curves are shown to people. */
export const CURVE_LABEL: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp224r1: 'P-224', secp384r1: 'P-384', secp521r1: 'P-521' };

/** Short names of distinguished-name attributes. */
export const NAME_ATTRS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'emailAddress',
};
