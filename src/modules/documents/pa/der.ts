// A bounded DER reader and a tiny encoder for the structures of passive authentication; malformed input throws DerError with its offset.

export class DerError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(`${detail} at offset ${offset}`);
    this.name = 'DerError';
  }
}

/** One tag-length-value: `tag` is the identifier octets as a number (0x30, 0xa0, 0x5f1f). */
export interface Tlv {
  tag: number;
  constructed: boolean;
  /** Offset of the first identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
  buf: Uint8Array;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads the TLV at `offset`, which must end at or before `limit`. Definite lengths only (DER). */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset >= limit) throw new DerError('expected a tag, found the end of the data', offset);
  let p = offset;
  const first = buf[p++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // High tag number: up to 3 more octets (enough for 0x5f1f, 0x7f61 …).
    let more = 0;
    do {
      if (p >= limit) throw new DerError('tag runs past the end of the data', offset);
      if (++more > 3) throw new DerError('tag number too long', offset);
      tag = tag * 256 + buf[p]!;
    } while (buf[p++]! & 0x80);
  }
  if (p >= limit) throw new DerError('length missing', p);
  const l0 = buf[p++]!;
  let length: number;
  if (l0 < 0x80) length = l0;
  else if (l0 === 0x80) throw new DerError('indefinite length (BER) is not DER', p - 1);
  else {
    const n = l0 & 0x7f;
    if (n > 4) throw new DerError(`length of ${n} octets is too large`, p - 1);
    if (p + n > limit) throw new DerError('length runs past the end of the data', p - 1);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++]!;
  }
  if (p + length > limit) throw new DerError(`length ${length} runs past the end of the data (${limit - p} octets left)`, offset);
  return { tag, constructed: (first & 0x20) !== 0, start: offset, contentStart: p, end: p + length, buf };
}

/** The children of a constructed TLV, at most `max` of them. */
export function children(t: Tlv, max = 100_000): Tlv[] {
  if (!t.constructed) throw new DerError(`tag 0x${t.tag.toString(16)} is not constructed`, t.start);
  const out: Tlv[] = [];
  let p = t.contentStart;
  while (p < t.end) {
    if (out.length >= max) throw new DerError(`more than ${max} elements`, p);
    const c = readTlv(t.buf, p, t.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Reads a whole buffer as one TLV with nothing after it. */
export function readRoot(buf: Uint8Array, what: string): Tlv {
  const t = readTlv(buf, 0);
  if (t.end !== buf.length) throw new DerError(`${buf.length - t.end} octets after the end of ${what}`, t.end);
  return t;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string, at = 0): Tlv {
  if (!t) throw new DerError(`${what} is missing`, at);
  if (t.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`, t.start);
  return t;
}

export const content = (t: Tlv): Uint8Array => t.buf.subarray(t.contentStart, t.end);
export const whole = (t: Tlv): Uint8Array => t.buf.subarray(t.start, t.end);

export function oidOf(t: Tlv): string {
  expectTag(t, TAG.OID, 'object identifier');
  const b = content(t);
  if (b.length === 0 || b.length > 64) throw new DerError('object identifier of bad length', t.start);
  const arcs: number[] = [];
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) throw new DerError('object identifier arc too large', t.start);
    if (!(b[i]! & 0x80)) {
      if (arcs.length === 0) arcs.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else arcs.push(v);
      v = 0;
    } else if (i === b.length - 1) throw new DerError('object identifier ends mid-arc', t.start);
  }
  return arcs.join('.');
}

/** An INTEGER's magnitude as lower-case hex without leading zero octets ("00" for zero). */
export function intHex(t: Tlv): string {
  expectTag(t, TAG.INTEGER, 'integer');
  let b = content(t);
  if (b.length === 0) throw new DerError('empty integer', t.start);
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  return hex(b);
}

export function smallInt(t: Tlv, what: string): number {
  expectTag(t, TAG.INTEGER, what);
  const b = content(t);
  if (b.length === 0 || b.length > 4) throw new DerError(`${what} is not a small integer`, t.start);
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}

/** The bits of a BIT STRING (the unused-bits octet dropped); `whole`: whole octets only, as signatures and keys are. */
export function bitStringBytes(t: Tlv, whole = false): Uint8Array {
  expectTag(t, TAG.BIT_STRING, 'bit string');
  const b = content(t);
  if (b.length === 0 || b[0]! > 7 || (whole && b[0] !== 0)) throw new DerError('bit string with a bad unused-bits octet', t.start);
  return b.subarray(1);
}

export function timeOf(t: Tlv): Date {
  const s = new TextDecoder('latin1').decode(content(t));
  let m: RegExpExecArray | null;
  if (t.tag === TAG.UTC_TIME && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(s))) {
    const yy = Number(m[1]);
    return new Date(Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (t.tag === TAG.GENERALIZED_TIME && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(s))) {
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  }
  throw new DerError(`not a UTC or generalized time: ${JSON.stringify(s.slice(0, 20))}`, t.start);
}

export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---- encoder (only what re-encoding a public key needs)

export function encode(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((n, p) => n + p.length, 0);
  const head = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(1 + head.length + len);
  out[0] = tag;
  out.set(head, 1);
  let p = 1 + head.length;
  for (const x of parts) {
    out.set(x, p);
    p += x.length;
  }
  return out;
}

export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  const body: number[] = [];
  const push = (v: number) => {
    const tmp = [v & 0x7f];
    while ((v = Math.floor(v / 128)) > 0) tmp.unshift((v & 0x7f) | 0x80);
    body.push(...tmp);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return encode(TAG.OID, Uint8Array.from(body));
}
