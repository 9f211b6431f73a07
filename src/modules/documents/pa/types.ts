// The contract of ePassport passive authentication (Doc 9303 parts 10-12): chip data in, a verdict with the reason out.
export type PaStatus = 'passed' | 'failed' | 'inconclusive';

export type PaCheckName = 'sod-structure' | 'sod-signature' | 'dsc-chain' | 'dsc-validity' | 'dsc-key-usage' | 'dsc-revocation' | 'dg-hashes' | 'dg1-mrz';

/** `inconclusive`: the check could not be decided (no trusted CSCA, no CRL, data group not read); `skipped`: not applicable or not reached. */
export interface PaCheck {
  check: PaCheckName;
  status: 'passed' | 'failed' | 'inconclusive' | 'skipped';
  detail: string;
}

/** What a reader took off the chip: EF.SOD and the data groups by number (1 = DG1 …). */
export interface ChipData {
  sod: Uint8Array;
  dataGroups: ReadonlyMap<number, Uint8Array>;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Public key algorithm and curve or size, e.g. `ECDSA brainpoolP256r1 (explicit parameters)`, `RSA 2048`. */
  key: string;
  /** SHA-256 of the DER, hex. */
  fingerprint: string;
}

export interface PaResult {
  status: PaStatus;
  /** One sentence: why it passed, failed or could not be decided (e.g. `no trusted CSCA for C=DE`). */
  reason: string;
  checks: PaCheck[];
  signer: CertificateSummary | null;
  csca: CertificateSummary | null;
  dataGroups: Array<{ number: number; hashAlgorithm: string; matches: boolean | null }>;
}
