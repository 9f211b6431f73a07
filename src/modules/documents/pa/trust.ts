// Trust material for passive authentication: the operator's CSCA certificates and CRLs, parsed, and how a DSC finds its CSCA and CRL.
import { certKey, parseCertificate, parseCrl, type Cert, type Crl } from './certs.js';
import { verifySignature } from './keys.js';

export interface TrustMaterial {
  cscas: readonly Cert[];
  crls: readonly Crl[];
}

/** Builds trust material from DER certificates and CRLs (throws DerError on a malformed one). */
export function trustFromDer(cscas: readonly Uint8Array[], crls: readonly Uint8Array[] = []): TrustMaterial {
  return { cscas: cscas.map(parseCertificate), crls: crls.map(parseCrl) };
}

/** Whether `issuer` may have issued `child`: its subject is the child's issuer name, or its key id is the child's authority key id. The signature decides. */
export function couldIssue(issuer: Cert, child: { issuer: Cert['issuer']; aki: string | null }): boolean {
  return issuer.subject.key === child.issuer.key || (!!child.aki && issuer.ski === child.aki);
}

/** Whether `signer`'s key verifies the signature on `der`'s TBS part; false for an unsupported key or algorithm. */
export function signedBy(item: { tbs: Uint8Array; sigAlg: Cert['sigAlg']; signature: Uint8Array }, signer: Cert): boolean {
  try {
    return verifySignature(item.sigAlg, certKey(signer), item.tbs, item.signature);
  } catch {
    return false;
  }
}

const crlChecks = new WeakMap<Crl, Map<string, boolean>>();

/** The CRLs a CSCA issued and signed, newest first (a CRL's signature is checked once per CSCA and remembered). */
export function crlsOf(trust: TrustMaterial, csca: Cert): Crl[] {
  const signed = (crl: Crl) => {
    let m = crlChecks.get(crl);
    if (!m) crlChecks.set(crl, (m = new Map()));
    let ok = m.get(csca.fingerprint);
    if (ok === undefined) m.set(csca.fingerprint, (ok = signedBy(crl, csca)));
    return ok;
  };
  return trust.crls.filter((c) => couldIssue(csca, c) && signed(c)).sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime());
}
