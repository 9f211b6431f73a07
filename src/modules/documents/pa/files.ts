// Trust-store input files: DER, PEM (one or more blocks) and ICAO PKD LDIF, split into DER objects labelled by what they claim to be.
import { AppError } from '../../../platform/errors.js';

export type InputKind = 'certificate' | 'crl' | 'cms' | 'unknown';

export interface InputObject {
  kind: InputKind;
  der: Uint8Array;
  /** Where it was found, for messages: `PEM block 2 (line 14)`, `LDIF line 30`, `DER`. */
  where: string;
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const PEM_KINDS: Record<string, InputKind> = { CERTIFICATE: 'certificate', 'X509 CERTIFICATE': 'certificate', 'X509 CRL': 'crl', CMS: 'cms', PKCS7: 'cms' };
const LDIF_KINDS: Record<string, InputKind> = {
  'usercertificate;binary': 'certificate',
  cacertificate: 'certificate',
  'certificaterevocationlist;binary': 'crl',
  cscamasterlistdata: 'cms',
};
/** Largest trust-store file accepted (a full ICAO master list is about 1 MB; PKD LDIF dumps of all CSCAs and CRLs stay well below). */
export const MAX_TRUST_FILE = 64 * 1024 * 1024;

const reject = (file: string, detail: string, at: { line?: number; offset?: number } = {}) =>
  new AppError('validation-failed', `${file}: ${detail}`, { field: 'file', ...at });

function base64(text: string, file: string, line: number): Uint8Array {
  const s = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1 || !s.length) throw reject(file, `line ${line}: not valid base64`, { line });
  return new Uint8Array(Buffer.from(s, 'base64'));
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Splits a trust-store file into DER objects. Throws AppError validation-failed naming the file and line. */
export function splitInput(bytes: Uint8Array, file: string): InputObject[] {
  if (bytes.length === 0) throw reject(file, 'the file is empty');
  if (bytes.length > MAX_TRUST_FILE) throw reject(file, `${bytes.length} bytes, more than the ${MAX_TRUST_FILE} accepted`);
  if (bytes[0] === 0x30) return [{ kind: 'unknown', der: bytes, where: 'DER' }];
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, MAX_TRUST_FILE)));
  if (text.includes('-----BEGIN ')) {
    const out: InputObject[] = [];
    for (const m of text.matchAll(PEM)) {
      const line = lineAt(text, m.index);
      const kind = PEM_KINDS[m[1]!];
      if (!kind) throw reject(file, `line ${line}: PEM block "${m[1]}" is not a certificate, CRL or CMS`, { line });
      out.push({ kind, der: base64(m[2]!, file, line), where: `PEM block ${out.length + 1} (line ${line})` });
    }
    if (!out.length) throw reject(file, 'a PEM header without a matching END line', { line: lineAt(text, text.indexOf('-----BEGIN ')) });
    return out;
  }
  if (/^(dn|version):/im.test(text)) return splitLdif(text, file);
  throw reject(file, 'neither DER, PEM nor LDIF', { offset: 0 });
}

function splitLdif(text: string, file: string): InputObject[] {
  const out: InputObject[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z][A-Za-z0-9;-]*)::\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const kind = LDIF_KINDS[m[1]!.toLowerCase()];
    if (!kind) continue;
    const start = i + 1;
    let value = m[2]!;
    while (i + 1 < lines.length && lines[i + 1]!.startsWith(' ')) value += lines[++i]!.slice(1);
    out.push({ kind, der: base64(value, file, start), where: `LDIF line ${start}` });
  }
  if (!out.length) throw reject(file, 'LDIF without certificates, CRLs or master lists');
  return out;
}
