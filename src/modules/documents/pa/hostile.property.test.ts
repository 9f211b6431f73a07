// Hostile chip and trust-store input (garbage, mutations, huge lengths, deep nesting, megabytes): an answer or a named error, never a throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../platform/errors.js';
import { DerError, readTlv } from './der.js';
import { parseCertificate, parseCrl } from './certs.js';
import { planCrlImport, planCscaImport } from './imports.js';
import { mrzOfDg1 } from './sod.js';
import { buildTestPassport, SPECIMEN_TD3 } from './test-pki.js';
import { trustFromDer } from './trust.js';
import { verifyPassive } from './verify.js';
import type { PaResult } from './types.js';

const AT = new Date('2026-03-01T00:00:00Z');
const MRZ = [...SPECIMEN_TD3];
const p = buildTestPassport({ mrz: MRZ, cscaKey: 'brainpoolP256r1', issuedAt: AT });
const trust = trustFromDer([p.csca.der], [p.crl]);

function wellFormed(r: PaResult): void {
  expect(['passed', 'failed', 'inconclusive']).toContain(r.status);
  expect(r.reason.length).toBeGreaterThan(0);
  expect(r.checks).toHaveLength(8);
}

const mutate = (base: Uint8Array) =>
  fc
    .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), { minLength: 1, maxLength: 4 })
    .map((ops) => {
      let b = Uint8Array.from(base);
      for (const [at, v, op] of ops) {
        const i = at % Math.max(b.length, 1);
        if (op === 'set') b[i] = v;
        else if (op === 'cut') b = b.subarray(0, i);
        else b = Uint8Array.from([...b.subarray(0, i), v, ...b.subarray(i)]);
      }
      return b;
    });

/** `depth` SEQUENCEs (or `tag`s) nested with definite lengths around a NULL, built inside out. */
function nested(depth: number, tag = 0x30): Uint8Array {
  const heads: number[][] = [];
  let size = 2;
  for (let i = 0; i < depth; i++) {
    const n = size;
    const head = [tag, ...(n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff])];
    heads.push(head);
    size += head.length;
  }
  return Uint8Array.from([...heads.reverse().flat(), 0x05, 0x00]);
}

/** Offsets [start, end) of the signed parts of an EF.SOD, found by path of tags. */
function signedRanges(sod: Uint8Array): Array<[number, number]> {
  const wanted = new Set(['77/30/a0/30/30/a0/4', '77/30/a0/30/a0/30/30', '77/30/a0/30/a0/30/3', '77/30/a0/30/31/30/a0', '77/30/a0/30/31/30/4']);
  const out: Array<[number, number]> = [];
  const walk = (off: number, end: number, path: string) => {
    while (off < end) {
      const t = readTlv(sod, off, end);
      const here = path ? `${path}/${t.tag.toString(16)}` : t.tag.toString(16);
      if (wanted.has(here)) out.push([t.start, t.end]);
      else if (t.constructed) walk(t.contentStart, t.end, here);
      off = t.end;
    }
  };
  walk(0, sod.length, '');
  return out;
}

describe('hostile chip data', () => {
  it('random bytes as EF.SOD fail with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (sod) => {
        const r = await verifyPassive({ sod, dataGroups: p.chip.dataGroups }, trust, MRZ, AT);
        wellFormed(r);
        expect(r.status).toBe('failed');
      }),
      { numRuns: 300 },
    );
  });

  it('mutated EF.SOD and DG1 give a well-formed result', async () => {
    await fc.assert(
      fc.asyncProperty(mutate(p.chip.sod), mutate(p.chip.dataGroups.get(1)!), async (sod, dg1) => {
        wellFormed(await verifyPassive({ sod, dataGroups: new Map([[1, dg1]]) }, trust, MRZ, AT));
      }),
      { numRuns: 300 },
    );
  });

  it('a change anywhere in what is signed never passes', async () => {
    // The signed parts: the security object, the signed attributes and their signature, the DSC's TBS, algorithm and signature.
    // (Unsigned fields such as SignedData's version or digest-algorithm set may change without effect, as in any CMS.)
    const signed = signedRanges(p.chip.sod);
    expect(signed).toHaveLength(6); // the DSC's signature algorithm shares the TBS's path: changing it breaks the check too
    const offsets = signed.flatMap(([s, e]) => Array.from({ length: e - s }, (_, k) => s + k));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...offsets), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const sod = Uint8Array.from(p.chip.sod);
        sod[i] = sod[i]! ^ x;
        const r = await verifyPassive({ sod, dataGroups: p.chip.dataGroups }, trust, MRZ, AT);
        wellFormed(r);
        if (r.status === 'passed') expect.fail(`flipping octet ${i} with ${x} still passed`);
      }),
      { numRuns: 300 },
    );
  });

  it('huge lengths, deep nesting and megabytes are rejected with a named problem', async () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [Uint8Array.of(0x77, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30), /length .* runs past the end of the data/],
      [Uint8Array.of(0x77, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9), /length of 9 octets is too large/],
      [Uint8Array.of(0x77, 0x80, 0x30, 0x00, 0x00, 0x00), /indefinite length/],
      [nested(20_000), /EF.SOD is malformed/],
      [nested(5000, 0x77), /EF.SOD is malformed/],
      [new Uint8Array(3_000_000).fill(0x30), /EF.SOD is malformed/],
    ];
    for (const [sod, reason] of cases) {
      const r = await verifyPassive({ sod, dataGroups: new Map() }, trust, null, AT);
      expect(r.status).toBe('failed');
      expect(r.reason).toMatch(reason);
    }
  });

  it('DG1 parsing throws only DerError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 120 }), mutate(p.chip.dataGroups.get(1)!)), (dg1) => {
        try {
          mrzOfDg1(dg1);
        } catch (e) {
          expect(e).toBeInstanceOf(DerError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile trust-store files', () => {
  it('certificate and CRL parsers throw only DerError', () => {
    fc.assert(
      fc.property(fc.oneof(mutate(p.csca.der), mutate(p.crl), fc.uint8Array({ maxLength: 300 })), (der) => {
        for (const parse of [parseCertificate, parseCrl]) {
          try {
            parse(der);
          } catch (e) {
            expect(e).toBeInstanceOf(DerError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('imports of any bytes either plan or throw an AppError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutate(p.csca.der),
          mutate(p.crl),
          fc.uint8Array({ maxLength: 300 }),
          fc.string().map((s) => new TextEncoder().encode(`-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----`)),
        ),
        (bytes) => {
          for (const plan of [() => planCscaImport(bytes, 'f.der', trust, AT), () => planCrlImport(bytes, 'f.der', trust)]) {
            try {
              plan();
            } catch (e) {
              expect(e).toBeInstanceOf(AppError);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
