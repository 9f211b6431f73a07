// Trust-store files: DER, PEM bundles and ICAO PKD LDIF split into objects; what is not one of them is named with its line.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { splitInput } from './files.js';
import { planCscaImport } from './imports.js';
import { buildTestCsca } from './test-pki.js';

const AT = new Date('2026-03-01T00:00:00Z');
const a = buildTestCsca('p256', 'UT', AT);
const b = buildTestCsca('rsa', 'XW', AT);
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const enc = (s: string) => new TextEncoder().encode(s);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('trust-store files', () => {
  it('reads a PEM bundle and a PKD LDIF with folded lines', () => {
    const pem = [a, b]
      .map((c) => `subject=whatever\n-----BEGIN CERTIFICATE-----\n${b64(c.der).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`)
      .join('');
    expect(splitInput(enc(pem), 'x.pem').map((o) => [o.kind, o.where])).toEqual([
      ['certificate', 'PEM block 1 (line 2)'],
      ['certificate', `PEM block 2 (line ${pem.slice(0, pem.lastIndexOf('-----BEGIN')).split('\n').length})`],
    ]);
    const fold = (s: string) => s.replace(/(.{76})/g, '$1\n ');
    const ldif = `version: 1\n\ndn: cn=a,o=csca,c=UT,dc=data\nobjectClass: top\nuserCertificate;binary:: ${fold(b64(a.der))}\n\ndn: cn=b\nuserCertificate;binary:: ${fold(b64(b.der))}\n`;
    const objects = splitInput(enc(ldif), 'icaopkd.ldif');
    expect(objects.map((o) => o.der)).toEqual([a.der, b.der]);
    expect(planCscaImport(enc(ldif), 'icaopkd.ldif', { cscas: [], crls: [] }, AT).certs.map((c) => c.subject.country)).toEqual(['UT', 'XW']);
  });

  it('names what it cannot read', () => {
    expect(errorOf(() => splitInput(new Uint8Array(0), 'e.der')).detail).toBe('e.der: the file is empty');
    expect(errorOf(() => splitInput(enc('hello'), 'h.txt')).detail).toBe('h.txt: neither DER, PEM nor LDIF');
    expect(errorOf(() => splitInput(enc('\n\n-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n'), 'k.pem')).extra).toMatchObject({
      line: 3,
    });
    expect(errorOf(() => splitInput(enc('-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----'), 'c.pem')).detail).toBe(
      'c.pem: line 1: not valid base64',
    );
  });
});
