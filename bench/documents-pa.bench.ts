// Passive-authentication benchmark: verifications per second of RSA and ECDSA test chips, against the bare signature checks they contain.
import { verify } from 'node:crypto';
import { parseCertificate, certKey } from '../src/modules/documents/pa/certs.js';
import { buildTestCsca, buildTestPassport, SPECIMEN_TD3, type TestKeyKind } from '../src/modules/documents/pa/test-pki.js';
import { parseSod } from '../src/modules/documents/pa/sod.js';
import { trustFromDer } from '../src/modules/documents/pa/trust.js';
import { verifyPassive } from '../src/modules/documents/pa/verify.js';
import { report, scaled, timeBatch, type Row } from './harness.js';

const AT = new Date('2026-06-01T00:00:00Z');
const MRZ = [...SPECIMEN_TD3];

/** Times `verifyPassive` on chips of each key kind; the baseline is the two signature checks (SOD by DSC, DSC by CSCA) done bare with node:crypto. */
export async function paBench(): Promise<void> {
  const rows: Row[] = [];
  const kinds: Array<[TestKeyKind, string]> = [
    ['rsa', 'RSA 2048'],
    ['p256', 'ECDSA P-256'],
    ['brainpoolP256r1', 'ECDSA brainpoolP256r1'],
    ['explicit-brainpoolP256r1', 'ECDSA brainpoolP256r1, explicit CSCA'],
  ];
  let passed = 0;
  for (const [kind, label] of kinds) {
    const csca = buildTestCsca(kind, 'UT', AT);
    // Several passports under one CSCA, each with its own DSC, as at a border crossing.
    const chips = Array.from({ length: 8 }, () => buildTestPassport({ mrz: MRZ, csca, issuedAt: AT }));
    const trust = trustFromDer([csca.der], [chips[0]!.crl, ...chips.slice(1).map((c) => c.crl)]);
    const n = scaled(kind === 'rsa' ? 2000 : 600);
    // Baseline: the DSC's check of the SOD and the CSCA's check of the DSC, bare (no parsing, no hashing of data groups).
    const dsc = parseCertificate(chips[0]!.dsc.der);
    const dscKey = certKey(dsc).key;
    const cscaKey = certKey(parseCertificate(csca.der)).key;
    const signer = parseSod(chips[0]!.chip.sod).signed.signers[0]!;
    const ec = { dsaEncoding: 'der' } as const;
    const base = `bare signature checks, ${label}`;
    // Warm-up of both paths, so neither pays for first calls inside its timing.
    for (let i = 0; i < 20; i++) {
      verify('sha256', dsc.tbs, { key: cscaKey, dsaEncoding: 'der' }, dsc.signature);
      await verifyPassive(chips[i % chips.length]!.chip, trust, MRZ, AT);
    }
    rows.push(
      await timeBatch(base, n, () => {
        for (let i = 0; i < n; i++) {
          if (!verify('sha256', dsc.tbs, { key: cscaKey, ...ec }, dsc.signature)) throw new Error('baseline: DSC signature');
          if (!verify('sha256', signer.signedAttrs!, { key: dscKey, ...ec }, signer.signature)) throw new Error('baseline: SOD signature');
        }
      }),
    );
    rows.push({
      ...(await timeBatch(`verifyPassive, ${label}`, n, async () => {
        for (let i = 0; i < n; i++) if ((await verifyPassive(chips[i % chips.length]!.chip, trust, MRZ, AT)).status === 'passed') passed++;
      })),
      baseline: base,
    });
  }
  report('ePassport passive authentication (verifications/s)', rows);
  console.log(`\n${passed} of ${rows.filter((r) => r.baseline).reduce((s, r) => s + r.ops, 0)} verifications passed (all should)`);
}
