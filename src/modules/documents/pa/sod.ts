// EF.SOD (Doc 9303 part 10, tag 0x77 around CMS SignedData of an LDSSecurityObject) and DG1 (tag 0x61 around the MRZ in 0x5F1F).
import { children, content, DerError, expectTag, readRoot, smallInt, TAG } from './der.js';
import { parseSignedData, type SignedData } from './cms.js';
import { algorithmOf, hashOf } from './keys.js';
import { OID, type HashName } from './oids.js';

export interface Sod {
  signed: SignedData;
  hash: HashName;
  /** Data-group number → hash value from the security object. */
  hashes: ReadonlyMap<number, Uint8Array>;
}

/** Reads EF.SOD. Throws DerError naming what is wrong and where. */
export function parseSod(bytes: Uint8Array): Sod {
  const outer = readRoot(bytes, 'EF.SOD');
  // Some readers hand over the bare ContentInfo without the application tag; accept both.
  const ci =
    outer.tag === 0x77
      ? expectTag(children(outer, 1)[0], TAG.SEQUENCE, 'EF.SOD content info', outer.contentStart)
      : expectTag(outer, TAG.SEQUENCE, 'EF.SOD (tag 0x77)');
  const signed = parseSignedData(ci);
  if (signed.eContentType !== OID.ldsSecurityObject)
    throw new DerError(`EF.SOD holds content of type ${signed.eContentType}, not an LDS security object`, ci.start);
  const lds = readRoot(signed.eContent, 'LDS security object');
  const f = children(expectTag(lds, TAG.SEQUENCE, 'LDS security object'));
  smallInt(f[0]!, 'LDS security object version');
  const hash = hashOf(algorithmOf(f[1], 'LDS hash algorithm'), 'LDS hash algorithm');
  const hashes = new Map<number, Uint8Array>();
  for (const dg of children(expectTag(f[2], TAG.SEQUENCE, 'data group hash values'), 32)) {
    const [num, value] = children(expectTag(dg, TAG.SEQUENCE, 'data group hash'));
    const n = smallInt(num!, 'data group number');
    if (n < 1 || n > 16) throw new DerError(`data group number ${n} outside 1-16`, num!.start);
    if (hashes.has(n)) throw new DerError(`data group ${n} hashed twice`, dg.start);
    hashes.set(n, content(expectTag(value, TAG.OCTET_STRING, `data group ${n} hash`)));
  }
  return { signed, hash, hashes };
}

/** The MRZ characters of DG1 (tag 0x61 → 0x5F1F). */
export function mrzOfDg1(dg1: Uint8Array): string {
  const outer = readRoot(dg1, 'DG1');
  const inner = expectTag(children(expectTag(outer, 0x61, 'DG1 (tag 0x61)'), 4)[0], 0x5f1f, 'DG1 MRZ (tag 0x5F1F)', outer.contentStart);
  const text = new TextDecoder('latin1').decode(content(inner));
  if (!/^[A-Z0-9<]*$/.test(text)) throw new DerError('DG1 MRZ holds characters outside A-Z, 0-9 and <', inner.contentStart);
  return text;
}

/** Splits DG1's MRZ into lines by its length: TD1 3×30, TD2 2×36, TD3 2×44. */
export function mrzLines(mrz: string): string[] {
  const width = mrz.length === 90 ? 30 : mrz.length === 72 ? 36 : mrz.length === 88 ? 44 : 0;
  if (!width) return [mrz];
  const out: string[] = [];
  for (let i = 0; i < mrz.length; i += width) out.push(mrz.slice(i, i + width));
  return out;
}
