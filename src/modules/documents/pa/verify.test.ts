// Passive authentication on the test PKI: passes for each key kind, fails with the reason for every kind of forgery or lapse.
import { describe, expect, it } from 'vitest';
import { buildTestCsca, buildTestPassport, issueCrl, issueSod, makeDg1, SPECIMEN_TD3, type TestKeyKind } from './test-pki.js';
import { trustFromDer } from './trust.js';
import { verifyPassive } from './verify.js';
import type { PaResult } from './types.js';

const AT = new Date('2026-03-01T12:00:00Z');
const MRZ = [...SPECIMEN_TD3];
const status = (r: PaResult) => Object.fromEntries(r.checks.map((c) => [c.check, c.status]));

describe('verifyPassive', () => {
  const kinds: Array<[TestKeyKind, string]> = [
    ['rsa', 'RSA 2048'],
    ['rsa-pss', 'RSA-PSS 2048'],
    ['rsa-with-pss', 'RSA 2048'],
    ['p256', 'ECDSA P-256'],
    ['p384', 'ECDSA P-384'],
    ['p521', 'ECDSA P-521'],
    ['brainpoolP256r1', 'ECDSA brainpoolP256r1'],
    ['brainpoolP512r1', 'ECDSA brainpoolP512r1'],
    ['explicit-brainpoolP256r1', 'ECDSA brainpoolP256r1 (explicit parameters, matched to the named curve)'],
    ['explicit-p256', 'ECDSA P-256 (explicit parameters, matched to the named curve)'],
  ];
  it.each(kinds)('passes on a %s CSCA and names its key', async (kind, key) => {
    const p = buildTestPassport({ mrz: MRZ, cscaKey: kind, issuedAt: AT });
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status, r.reason).toBe('passed');
    expect(r.checks.every((c) => c.status === 'passed')).toBe(true);
    expect(r.reason).toMatch(/^signed by DS UT \d+ under trusted CSCA CSCA UT TEST; DG1, DG2 match$/);
    expect(r.csca?.key).toBe(key);
    expect(r.csca?.subject).toBe('C=UT, O=Passport Office of Testland, CN=CSCA UT TEST');
    expect(r.dataGroups).toEqual([
      { number: 1, hashAlgorithm: 'sha256', matches: true },
      { number: 2, hashAlgorithm: 'sha256', matches: true },
    ]);
  });

  it.each(['sha1', 'sha224', 'sha384', 'sha512'] as const)('passes with %s hashes and signatures', async (hash) => {
    const p = buildTestPassport({ mrz: MRZ, cscaKey: 'rsa', hash, issuedAt: AT });
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status, r.reason).toBe('passed');
    expect(r.dataGroups[0]!.hashAlgorithm).toBe(hash);
  });

  it('fails a tampered data group, naming it', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const dg2 = Uint8Array.from(p.chip.dataGroups.get(2)!);
    dg2[5] = dg2[5]! ^ 1;
    const r = await verifyPassive({ sod: p.chip.sod, dataGroups: new Map([...p.chip.dataGroups, [2, dg2]]) }, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/DG2 hash does not match EF.SOD/);
    expect(r.dataGroups.find((d) => d.number === 2)?.matches).toBe(false);
    expect(status(r)['sod-signature']).toBe('passed');
  });

  it('fails a data group the SOD does not cover', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const r = await verifyPassive(
      { sod: p.chip.sod, dataGroups: new Map([...p.chip.dataGroups, [11, Uint8Array.of(0x6b, 0)]]) },
      trustFromDer([p.csca.der], [p.crl]),
      MRZ,
      AT,
    );
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/DG11 is not covered by EF.SOD/);
  });

  it('fails an SOD re-signed by a DSC of an impostor CSCA of the same name', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const impostor = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const r = await verifyPassive(impostor.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status).toBe('failed');
    expect(status(r)['dsc-chain']).toBe('failed');
    expect(r.reason).toMatch(/DSC signature does not verify with any trusted CSCA named C=UT, O=Passport Office of Testland, CN=CSCA UT TEST/);
  });

  it('is inconclusive without a trusted CSCA of the country, and says so', async () => {
    const p = buildTestPassport({ mrz: MRZ, country: 'UT', issuedAt: AT });
    const other = buildTestCsca('p256', 'XW', AT);
    const r = await verifyPassive(p.chip, trustFromDer([other.der]), MRZ, AT);
    expect(r.status).toBe('inconclusive');
    expect(r.reason).toBe('no trusted CSCA for C=UT');
    expect(status(r)['sod-signature']).toBe('passed');
  });

  it('fails a revoked DSC, naming serial and date', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT, revokeDsc: true, dscSerial: 4242 });
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, new Date(AT.getTime() + 5 * 86_400_000));
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^DSC serial 1092 revoked on 2026-03-02/);
  });

  it('ignores a CRL not signed by the CSCA and is then inconclusive on revocation', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const forger = buildTestCsca('p256', 'UT', AT); // same name, other key: its CRL must not count
    const crl = issueCrl(forger, [{ serial: p.dsc.serial, date: AT }], AT, new Date(AT.getTime() + 86_400_000 * 30));
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [crl]), MRZ, AT);
    expect(r.status).toBe('inconclusive');
    expect(r.reason).toBe('no CRL of CSCA C=UT, O=Passport Office of Testland, CN=CSCA UT TEST available');
  });

  it('is inconclusive when the latest CRL has expired', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, new Date(AT.getTime() + 200 * 86_400_000));
    expect(r.status).toBe('inconclusive');
    expect(r.reason).toMatch(/latest CRL of CSCA .* expired on 2026-05-30/);
  });

  it('fails an expired DSC', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT, dscNotAfter: new Date('2026-04-01T00:00:00Z') });
    const later = new Date('2026-05-01T00:00:00Z');
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), MRZ, later);
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('DSC expired on 2026-04-01');
  });

  it('fails when DG1 differs from the printed MRZ, naming line and column', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const printed = [MRZ[0]!, MRZ[1]!.replace('L898902C3', 'L898902C4')];
    const r = await verifyPassive(p.chip, trustFromDer([p.csca.der], [p.crl]), printed, AT);
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('DG1 MRZ differs from the printed MRZ at line 2, column 9');
  });

  it('compares DG1 ignoring spaces and case of the printed lines; skips the comparison without them', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const trust = trustFromDer([p.csca.der], [p.crl]);
    expect((await verifyPassive(p.chip, trust, [` ${MRZ[0]!.toLowerCase()} `, MRZ[1]!], AT)).status).toBe('passed');
    const r = await verifyPassive(p.chip, trust, null, AT);
    expect(r.status).toBe('passed');
    expect(status(r)['dg1-mrz']).toBe('skipped');
  });

  it('is inconclusive when DG1 was not read but a printed MRZ is to be compared', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const r = await verifyPassive({ sod: p.chip.sod, dataGroups: new Map([[2, p.chip.dataGroups.get(2)!]]) }, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status).toBe('inconclusive');
    expect(r.reason).toMatch(/DG1 was not read/);
    expect(r.dataGroups.find((d) => d.number === 1)?.matches).toBeNull();
  });

  it('fails an SOD whose signature was made by another key than its DSC', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const q = buildTestPassport({ mrz: MRZ, csca: p.csca, issuedAt: AT });
    // q's SOD content, signed by q's DSC, but carrying p's DSC certificate in its place.
    const sod = issueSod({ ...q.dsc, der: p.dsc.der, cert: p.dsc.cert }, p.chip.dataGroups);
    const r = await verifyPassive({ sod, dataGroups: p.chip.dataGroups }, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('EF.SOD signature: the signature does not verify with the signer certificate');
  });

  it('verifies TD1 DG1 contents and several passports under one CSCA', async () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    const first = buildTestPassport({ mrz: td1, cscaKey: 'brainpoolP384r1', issuedAt: AT });
    const second = buildTestPassport({ mrz: MRZ, csca: first.csca, issuedAt: AT });
    const trust = trustFromDer([first.csca.der], [first.crl]);
    expect((await verifyPassive(first.chip, trust, td1, AT)).status).toBe('passed');
    expect((await verifyPassive(second.chip, trust, MRZ, AT)).status).toBe('passed');
    expect(makeDg1(td1)[0]).toBe(0x61);
  });

  it('answers inconclusive, never passed nor a throw, when something breaks inside', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const broken = new Map(p.chip.dataGroups);
    broken.keys = () => {
      throw new Error('reader defect');
    };
    const r = await verifyPassive({ sod: p.chip.sod, dataGroups: broken }, trustFromDer([p.csca.der], [p.crl]), MRZ, AT);
    expect(r).toMatchObject({ status: 'inconclusive', reason: 'verification stopped: reader defect' });
  });

  it('fails a malformed SOD with the offset, never throwing', async () => {
    const p = buildTestPassport({ mrz: MRZ, issuedAt: AT });
    const trust = trustFromDer([p.csca.der]);
    const cut = await verifyPassive({ sod: p.chip.sod.subarray(0, 100), dataGroups: p.chip.dataGroups }, trust, MRZ, AT);
    expect(cut.status).toBe('failed');
    expect(cut.reason).toMatch(/^EF.SOD is malformed: .* at offset \d+$/);
    const empty = await verifyPassive({ sod: new Uint8Array(0), dataGroups: new Map() }, trust, null, AT);
    expect(empty.reason).toBe('EF.SOD is malformed: expected a tag, found the end of the data at offset 0');
  });
});
