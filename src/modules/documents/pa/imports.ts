// What a trust-store import would add: CSCA certificates from files or a verified ICAO master list, CRLs checked against their CSCA.
import { AppError } from '../../../platform/errors.js';
import { children, DerError, expectTag, readRoot, smallInt, TAG, whole } from './der.js';
import { parseCertificate, parseCrl, type Cert, type Crl } from './certs.js';
import { checkSigner, parseSignedData, signerMatches } from './cms.js';
import { splitInput, type InputObject } from './files.js';
import { OID } from './oids.js';
import { couldIssue, signedBy, type TrustMaterial } from './trust.js';

export interface MasterListInfo {
  /** Subject of the master-list signer certificate. */
  signer: string;
  /** Whether a CSCA already trusted issued the signer (else the list is imported with a warning). */
  signerTrusted: boolean;
  certificates: number;
}

export interface CscaPlan {
  source: 'certificate' | 'master-list';
  certs: Cert[];
  warnings: string[];
  masterList: MasterListInfo | null;
}

const bad = (file: string, where: string, e: unknown) =>
  e instanceof DerError
    ? new AppError('validation-failed', `${file}: ${where}: ${e.detail} at offset ${e.offset}`, { field: 'file', offset: e.offset })
    : new AppError('validation-failed', `${file}: ${where}: ${e instanceof Error ? e.message : String(e)}`, { field: 'file' });

const isContentInfo = (der: Uint8Array) => {
  try {
    return children(readRoot(der, 'object'), 2)[0]?.tag === TAG.OID;
  } catch {
    return false;
  }
};

const isCa = (c: Cert) => c.ca === true || c.keyUsage?.has('keyCertSign') === true;

/** Plans a CSCA import from certificate files or one master list. Throws AppError naming the file and the problem. */
export function planCscaImport(bytes: Uint8Array, file: string, trust: TrustMaterial, at: Date): CscaPlan {
  const objects = splitInput(bytes, file);
  const lists = objects.filter((o) => o.kind === 'cms' || (o.kind === 'unknown' && isContentInfo(o.der)));
  if (lists.length) {
    if (objects.length !== 1)
      throw new AppError('validation-failed', `${file}: holds ${lists.length} master lists among ${objects.length} objects; import one master list per file`, {
        field: 'file',
      });
    return masterList(lists[0]!, file, trust, at);
  }
  const certs = objects.map((o, i) => {
    if (o.kind === 'crl')
      throw new AppError('validation-failed', `${file}: ${o.where} is a CRL; import it with \`vigil documents crl import\``, { field: 'file' });
    let c: Cert;
    try {
      c = parseCertificate(o.der);
    } catch (e) {
      throw bad(file, objects.length > 1 ? `certificate ${i + 1} (${o.where})` : 'not a certificate or master list', e);
    }
    if (!isCa(c))
      throw new AppError('validation-failed', `${file}: ${c.subject.text} is not a CA certificate (no keyCertSign); a CSCA is needed`, { field: 'file' });
    return c;
  });
  return { source: 'certificate', certs, warnings: [], masterList: null };
}

function masterList(o: InputObject, file: string, trust: TrustMaterial, at: Date): CscaPlan {
  const warnings: string[] = [];
  let sd: ReturnType<typeof parseSignedData>;
  let items: Uint8Array[];
  try {
    sd = parseSignedData(readRoot(o.der, 'master list'));
    if (sd.eContentType !== OID.cscaMasterList) throw new DerError(`content type ${sd.eContentType} is not a CSCA master list (${OID.cscaMasterList})`, 0);
    const [version, list] = children(expectTag(readRoot(sd.eContent, 'CSCA master list'), TAG.SEQUENCE, 'CSCA master list'));
    smallInt(version!, 'master list version');
    items = children(expectTag(list, TAG.SET, 'master list certificates'), 100_000).map(whole);
  } catch (e) {
    throw bad(file, 'not a valid ICAO master list', e);
  }
  const signerInfo = sd.signers[0];
  if (!signerInfo || sd.signers.length !== 1)
    throw new AppError('validation-failed', `${file}: a master list has one signer, this has ${sd.signers.length}`, { field: 'file' });
  const signer = sd.certificates
    .map((der) => {
      try {
        return parseCertificate(der);
      } catch {
        return null;
      }
    })
    .find((c): c is Cert => c !== null && signerMatches(signerInfo, c));
  if (!signer)
    throw new AppError('validation-failed', `${file}: the master list carries no certificate of its signer, so its signature cannot be checked`, {
      field: 'file',
    });
  let problem: string | null;
  try {
    problem = checkSigner(sd, signerInfo, signer);
  } catch (e) {
    throw bad(file, 'master list signature', e);
  }
  if (problem) throw new AppError('validation-failed', `${file}: master list signature: ${problem}`, { field: 'file' });
  const issuer = trust.cscas.find((c) => couldIssue(c, signer) && signedBy(signer, c));
  const inForce = signer.notBefore <= at && at <= signer.notAfter;
  const signerTrusted = !!issuer && inForce;
  if (!issuer) warnings.push(`master list signer ${signer.subject.text} was not issued by a trusted CSCA: its signature checks, but its origin is not proven`);
  else if (!inForce) warnings.push(`master list signer ${signer.subject.text} is not valid on ${at.toISOString().slice(0, 10)}`);
  const certs: Cert[] = [];
  items.forEach((der, i) => {
    try {
      const c = parseCertificate(der);
      if (isCa(c)) certs.push(c);
      else warnings.push(`entry ${i + 1} (${c.subject.text}) is not a CA certificate: skipped`);
    } catch (e) {
      warnings.push(`entry ${i + 1} is malformed (${e instanceof Error ? e.message : String(e)}): skipped`);
    }
  });
  return { source: 'master-list', certs, warnings, masterList: { signer: signer.subject.text, signerTrusted, certificates: items.length } };
}

export interface CrlPlan {
  crls: Array<{ crl: Crl; issuer: Cert | null }>;
  warnings: string[];
}

/** Plans a CRL import: each CRL parsed, and checked against the trusted CSCA that issued it when there is one. */
export function planCrlImport(bytes: Uint8Array, file: string, trust: TrustMaterial): CrlPlan {
  const objects = splitInput(bytes, file);
  const warnings: string[] = [];
  const crls = objects.map((o, i) => {
    if (o.kind === 'certificate' || o.kind === 'cms') throw new AppError('validation-failed', `${file}: ${o.where} is not a CRL`, { field: 'file' });
    let crl: Crl;
    try {
      crl = parseCrl(o.der);
    } catch (e) {
      throw bad(file, objects.length > 1 ? `CRL ${i + 1} (${o.where})` : 'not a CRL', e);
    }
    const named = trust.cscas.filter((c) => couldIssue(c, crl));
    const issuer = named.find((c) => signedBy(crl, c)) ?? null;
    if (named.length && !issuer)
      throw new AppError('validation-failed', `${file}: the CRL of ${crl.issuer.text} is not signed by the trusted CSCA of that name`, { field: 'file' });
    if (!named.length) warnings.push(`no trusted CSCA named ${crl.issuer.text} yet: the CRL is kept and used once its CSCA is imported`);
    return { crl, issuer };
  });
  return { crls, warnings };
}
