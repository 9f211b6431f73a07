// Passive authentication (Doc 9303 parts 10-12): EF.SOD signature, DSC chain to a trusted CSCA, revocation, data-group hashes, DG1 against the printed MRZ.
import { createHash } from 'node:crypto';
import { bytesEqual, DerError } from './der.js';
import { certKey, parseCertificate, summarize, type Cert } from './certs.js';
import { checkSigner, signerMatches } from './cms.js';
import { verifySignature } from './keys.js';
import { mrzLines, mrzOfDg1, parseSod, type Sod } from './sod.js';
import { couldIssue, crlsOf, type TrustMaterial } from './trust.js';
import type { ChipData, PaCheck, PaCheckName, PaResult } from './types.js';

const ORDER: readonly PaCheckName[] = [
  'sod-structure',
  'dg-hashes',
  'dg1-mrz',
  'sod-signature',
  'dsc-chain',
  'dsc-validity',
  'dsc-key-usage',
  'dsc-revocation',
];
const day = (d: Date) => d.toISOString().slice(0, 10);
/** The common name of a subject, or the whole subject when it has none. */
const cn = (subject: string | undefined) => /(?:^|, )CN=([^,]+)/.exec(subject ?? '')?.[1] ?? subject ?? '?';
const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

class Checks {
  readonly map = new Map<PaCheckName, PaCheck>(ORDER.map((c) => [c, { check: c, status: 'skipped', detail: 'not reached' }]));
  set(check: PaCheckName, status: PaCheck['status'], detail: string): void {
    this.map.set(check, { check, status, detail });
  }
  list(): PaCheck[] {
    return ORDER.map((c) => this.map.get(c)!);
  }
}

/**
 * Verifies chip data against trust material at instant `at`. Never throws: malformed or hostile input gives a failed
 * or inconclusive result naming the problem.
 */
export async function verifyPassive(chip: ChipData, trust: TrustMaterial, printedMrz: string[] | null, at: Date): Promise<PaResult> {
  const checks = new Checks();
  const result: PaResult = { status: 'inconclusive', reason: '', checks: [], signer: null, csca: null, dataGroups: [] };
  let defect: string | null = null;
  try {
    run(chip, trust, printedMrz, at, checks, result);
  } catch (e) {
    // A defect, not an input problem: still an answer (never a pass), never a throw.
    defect = `verification stopped: ${why(e)}`;
  }
  result.checks = checks.list();
  const failed = result.checks.find((c) => c.status === 'failed');
  const open = result.checks.find((c) => c.status === 'inconclusive');
  if (failed) Object.assign(result, { status: 'failed', reason: failed.detail });
  else if (defect) Object.assign(result, { status: 'inconclusive', reason: defect });
  else if (open) Object.assign(result, { status: 'inconclusive', reason: open.detail });
  else {
    const matched = result.dataGroups.filter((d) => d.matches).map((d) => `DG${d.number}`);
    Object.assign(result, {
      status: 'passed',
      reason: `signed by ${cn(result.signer?.subject)} under trusted CSCA ${cn(result.csca?.subject)}; ${matched.join(', ')} match`,
    });
  }
  return result;
}

function run(chip: ChipData, trust: TrustMaterial, printedMrz: string[] | null, at: Date, checks: Checks, result: PaResult): void {
  let sod: Sod;
  try {
    sod = parseSod(chip.sod);
  } catch (e) {
    checks.set('sod-structure', 'failed', `EF.SOD is malformed: ${why(e)}`);
    return;
  }
  const certs: Cert[] = [];
  for (const [i, der] of sod.signed.certificates.entries()) {
    try {
      certs.push(parseCertificate(der));
    } catch (e) {
      checks.set('sod-structure', 'failed', `certificate ${i + 1} in EF.SOD is malformed: ${why(e)}`);
      return;
    }
  }
  if (sod.signed.signers.length !== 1) {
    checks.set('sod-structure', 'failed', `EF.SOD has ${sod.signed.signers.length} signer infos, Doc 9303 requires one`);
    return;
  }
  checks.set('sod-structure', 'passed', `LDS security object with ${sod.hashes.size} data-group hashes (${sod.hash})`);

  dataGroups(chip, sod, checks, result);
  dg1(chip, printedMrz, checks);

  const signer = sod.signed.signers[0]!;
  const dsc = certs.find((c) => signerMatches(signer, c));
  if (!dsc) {
    checks.set('sod-signature', 'inconclusive', 'EF.SOD carries no document signer certificate matching its signer info');
    return;
  }
  result.signer = summarize(dsc);
  try {
    const problem = checkSigner(sod.signed, signer, dsc);
    checks.set(
      'sod-signature',
      problem ? 'failed' : 'passed',
      problem ? `EF.SOD signature: ${problem}` : `signed by ${dsc.subject.text} (${result.signer.key})`,
    );
  } catch (e) {
    checks.set('sod-signature', 'inconclusive', `EF.SOD signature cannot be checked: ${why(e)}`);
  }

  const inForce = (c: Cert) => c.notBefore.getTime() <= at.getTime() && at.getTime() <= c.notAfter.getTime();
  checks.set(
    'dsc-validity',
    inForce(dsc) ? 'passed' : 'failed',
    inForce(dsc)
      ? `DSC valid ${day(dsc.notBefore)} to ${day(dsc.notAfter)}`
      : `DSC ${at < dsc.notBefore ? `not valid before ${day(dsc.notBefore)}` : `expired on ${day(dsc.notAfter)}`}`,
  );

  const csca = chain(dsc, trust, checks);
  if (!csca) return;
  result.csca = summarize(csca);
  const problems: string[] = [];
  if (!dsc.keyUsage?.has('digitalSignature')) problems.push(dsc.keyUsage ? 'DSC key usage lacks digitalSignature' : 'DSC has no key usage extension');
  if (!csca.keyUsage?.has('keyCertSign')) problems.push(csca.keyUsage ? 'CSCA key usage lacks keyCertSign' : 'CSCA has no key usage extension');
  if (!inForce(csca)) problems.push(`CSCA ${csca.subject.text} is not valid on ${day(at)} (${day(csca.notBefore)} to ${day(csca.notAfter)})`);
  checks.set('dsc-key-usage', problems.length ? 'failed' : 'passed', problems.length ? problems.join('; ') : 'DSC digitalSignature, CSCA keyCertSign');
  revocation(dsc, csca, trust, at, checks);
}

function dataGroups(chip: ChipData, sod: Sod, checks: Checks, result: PaResult): void {
  const bad: string[] = [];
  const numbers = new Set([...sod.hashes.keys(), ...chip.dataGroups.keys()]);
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const expected = sod.hashes.get(n);
    const data = chip.dataGroups.get(n);
    let matches: boolean | null = null;
    if (data && !expected) bad.push(`DG${n} is not covered by EF.SOD`);
    else if (data && expected) {
      matches = bytesEqual(new Uint8Array(createHash(sod.hash).update(data).digest()), expected);
      if (!matches) bad.push(`DG${n} hash does not match EF.SOD`);
    }
    result.dataGroups.push({ number: n, hashAlgorithm: sod.hash, matches });
  }
  const read = result.dataGroups.filter((d) => d.matches !== null).map((d) => `DG${d.number}`);
  if (bad.length) checks.set('dg-hashes', 'failed', `${bad.join('; ')} (altered or misread)`);
  else if (!read.length) checks.set('dg-hashes', 'inconclusive', 'no data group covered by EF.SOD was supplied');
  else checks.set('dg-hashes', 'passed', `${read.join(', ')} match EF.SOD (${sod.hash})`);
}

function dg1(chip: ChipData, printedMrz: string[] | null, checks: Checks): void {
  if (!printedMrz) return checks.set('dg1-mrz', 'skipped', 'no printed MRZ given');
  const data = chip.dataGroups.get(1);
  if (!data) return checks.set('dg1-mrz', 'inconclusive', 'DG1 was not read, so the chip MRZ cannot be compared with the printed one');
  let chipMrz: string;
  try {
    chipMrz = mrzOfDg1(data);
  } catch (e) {
    return checks.set('dg1-mrz', 'failed', `DG1 is malformed: ${why(e)}`);
  }
  const printed = printedMrz.map((l) => l.replace(/\s+/g, '').toUpperCase());
  const chipLines = mrzLines(chipMrz);
  if (printed.join('') === chipMrz) return checks.set('dg1-mrz', 'passed', 'DG1 MRZ equals the printed MRZ');
  for (let l = 0; l < Math.max(printed.length, chipLines.length); l++) {
    const a = printed[l] ?? '';
    const b = chipLines[l] ?? '';
    if (a === b) continue;
    let c = 0;
    while (c < a.length && a[c] === b[c]) c++;
    return checks.set('dg1-mrz', 'failed', `DG1 MRZ differs from the printed MRZ at line ${l + 1}, column ${c + 1}`);
  }
  checks.set('dg1-mrz', 'failed', 'DG1 MRZ differs from the printed MRZ');
}

/** Finds the trusted CSCA that signed the DSC and records the chain check. */
function chain(dsc: Cert, trust: TrustMaterial, checks: Checks): Cert | null {
  const country = dsc.issuer.country ?? '??';
  // Candidates whose key id matches first: with key rollover several CSCAs share a name.
  const candidates = trust.cscas.filter((c) => couldIssue(c, dsc)).sort((a, b) => Number(b.ski === dsc.aki) - Number(a.ski === dsc.aki));
  if (!candidates.length) {
    const ofCountry = trust.cscas.filter((c) => c.subject.country === country).length;
    checks.set(
      'dsc-chain',
      'inconclusive',
      ofCountry ? `no trusted CSCA named ${dsc.issuer.text} (${ofCountry} other CSCA of C=${country} trusted)` : `no trusted CSCA for C=${country}`,
    );
    return null;
  }
  const unsupported: string[] = [];
  for (const c of candidates) {
    try {
      if (verifySignature(dsc.sigAlg, certKey(c), dsc.tbs, dsc.signature)) {
        checks.set('dsc-chain', 'passed', `DSC signed by trusted CSCA ${c.subject.text} (${summarize(c).key})`);
        return c;
      }
    } catch (e) {
      if (!(e instanceof DerError)) throw e;
      unsupported.push(e.detail);
    }
  }
  if (unsupported.length === candidates.length) checks.set('dsc-chain', 'inconclusive', `DSC signature cannot be checked: ${unsupported[0]}`);
  else {
    const keyNote = dsc.aki && !candidates.some((c) => c.ski === dsc.aki) ? `; its authority key id ${dsc.aki} is none of theirs` : '';
    checks.set('dsc-chain', 'failed', `DSC signature does not verify with any trusted CSCA named ${dsc.issuer.text} (${candidates.length} tried${keyNote})`);
  }
  return null;
}

function revocation(dsc: Cert, csca: Cert, trust: TrustMaterial, at: Date, checks: Checks): void {
  const crls = crlsOf(trust, csca);
  const revoked = crls.map((c) => ({ crl: c, date: c.revoked.get(dsc.serial) })).find((x) => x.date && x.date.getTime() <= at.getTime());
  if (revoked)
    return checks.set('dsc-revocation', 'failed', `DSC serial ${dsc.serial} revoked on ${day(revoked.date!)} (CRL of ${day(revoked.crl.thisUpdate)})`);
  const latest = crls[0];
  if (!latest) return checks.set('dsc-revocation', 'inconclusive', `no CRL of CSCA ${csca.subject.text} available`);
  if (latest.nextUpdate && latest.nextUpdate.getTime() < at.getTime())
    return checks.set('dsc-revocation', 'inconclusive', `the latest CRL of CSCA ${csca.subject.text} expired on ${day(latest.nextUpdate)}`);
  checks.set('dsc-revocation', 'passed', `not revoked (CRL of ${day(latest.thisUpdate)})`);
}
