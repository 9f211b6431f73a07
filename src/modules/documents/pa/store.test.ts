// The trust store through the HTTP API on every backend: imports (certificates, master lists, CRLs) idempotent, audited, all or nothing; loadTrust.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { buildTestCsca, buildTestPassport, issueCertificate, issueCrl, issueMasterList, SPECIMEN_TD3, testKey, type TestCert } from './test-pki.js';
import { loadTrust, verifyWithStore } from './store.js';

type Headers = Record<string, string>;
const headersOf = (h: object): Headers => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId')) as Headers;
const AT = new Date('2026-03-01T00:00:00Z');
const MRZ = [...SPECIMEN_TD3];
const pem = (der: Uint8Array, label = 'CERTIFICATE') =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

function mlSigner(csca: TestCert): TestCert {
  return issueCertificate({
    subject: { country: csca.name.country, commonName: 'Master List Signer TEST' },
    key: testKey('p256'),
    serial: 77,
    notBefore: new Date(AT.getTime() - 86_400_000),
    notAfter: new Date(AT.getTime() + 365 * 86_400_000),
    issuer: csca,
    ca: false,
  });
}

for (const backend of storeBackends('documents trust store')) {
  describe(`trust store on ${backend.name}`, () => {
    let t: TestApp;
    let admin: Headers;
    let analyst: Headers;
    const p = buildTestPassport({ mrz: MRZ, cscaKey: 'brainpoolP256r1', issuedAt: AT });
    const post = (url: string, body: Uint8Array | string, headers: Headers, type = 'application/octet-stream') =>
      t.app.inject({ method: 'POST', url, payload: Buffer.from(body), headers: { ...headers, 'content-type': type } });
    const count = async () => (await t.app.inject({ method: 'GET', url: '/api/documents/csca', headers: analyst })).json().items.length as number;

    beforeAll(async () => {
      const { ManualClock } = await import('../../../platform/clock.js');
      t = await createTestApp({ backend, clock: new ManualClock(AT) });
      admin = headersOf(await t.as('admin'));
      analyst = headersOf(await t.as('analyst'));
    });
    afterAll(() => t?.close());

    it('imports a CSCA once, lists it, audits fingerprints only, and refuses readers and officers', async () => {
      const first = await post('/api/documents/csca', p.csca.der, admin, 'application/pkix-cert');
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ source: 'certificate', added: 1, unchanged: 0, warnings: [] });
      const again = await post('/api/documents/csca', pem(p.csca.der), admin, 'application/x-pem-file');
      expect(again.json()).toMatchObject({ added: 0, unchanged: 1 });
      const list = (await t.app.inject({ method: 'GET', url: '/api/documents/csca?country=ut', headers: analyst })).json();
      expect(list.items).toEqual([
        expect.objectContaining({
          country: 'UT',
          subject: 'C=UT, O=Passport Office of Testland, CN=CSCA UT TEST',
          key: 'ECDSA brainpoolP256r1',
          source: 'certificate',
          notAfter: expect.any(String),
        }),
      ]);
      const audit = await t.ctx.audit.search({ action: 'documents.csca.import' });
      expect(audit.map((a) => [a.details.added, a.details.unchanged])).toEqual([
        [0, 1],
        [1, 0],
      ]);
      expect(audit[1]!.details.fingerprints).toEqual([list.items[0].fingerprint]);
      expect((await post('/api/documents/csca', p.csca.der, analyst)).statusCode).toBe(403);
      const officer = headersOf(await t.as('officer'));
      expect((await t.app.inject({ method: 'GET', url: '/api/documents/csca', headers: officer })).statusCode).toBe(403);
    });

    it('rejects a bad file naming the problem and changes nothing', async () => {
      const before = await count();
      const cut = await post('/api/documents/csca', p.csca.der.subarray(0, 50), admin);
      expect(cut.statusCode).toBe(400);
      expect(cut.headers['content-type']).toMatch(/problem\+json/);
      expect(cut.json().detail).toMatch(/^upload: not a certificate or master list: .* at offset \d+$/);
      const dsc = await post('/api/documents/csca', pem(p.csca.der) + pem(p.dsc.der), admin, 'text/plain');
      expect(dsc.statusCode).toBe(400);
      expect(dsc.json().detail).toBe(
        'upload: C=UT, O=Passport Office of Testland, CN=DS UT ' + p.dsc.serial + ' is not a CA certificate (no keyCertSign); a CSCA is needed',
      );
      expect((await post('/api/documents/csca', p.crl, admin)).json().detail).toMatch(/^upload: not a certificate or master list/);
      expect(await count()).toBe(before);
    });

    it('imports a master list: signer trusted when a trusted CSCA issued it, warned otherwise; a tampered list is refused', async () => {
      const other = buildTestCsca('rsa', 'XW', AT);
      const third = buildTestCsca('explicit-brainpoolP256r1', 'XV', AT);
      const trusted = await post('/api/documents/csca', issueMasterList(mlSigner(p.csca), [p.csca.der, other.der]), admin, 'application/cms');
      expect(trusted.json()).toMatchObject({
        source: 'master-list',
        added: 1,
        unchanged: 1,
        warnings: [],
        masterList: { signerTrusted: true, certificates: 2 },
      });
      const stranger = await post('/api/documents/csca', issueMasterList(mlSigner(third), [third.der]), admin);
      expect(stranger.json()).toMatchObject({ added: 1, masterList: { signerTrusted: false } });
      expect(stranger.json().warnings[0]).toMatch(/was not issued by a trusted CSCA/);
      expect(stranger.json().certificates[0].key).toBe('ECDSA brainpoolP256r1 (explicit parameters, matched to the named curve)');
      const before = await count();
      const ml = issueMasterList(mlSigner(p.csca), [buildTestCsca('p256', 'XU', AT).der]);
      const i = Buffer.from(ml).indexOf(Buffer.from('CSCA XU TEST'));
      ml[i] = 0x44; // "DSCA XU TEST": the content no longer matches its signed digest
      const bad = await post('/api/documents/csca', ml, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toBe('upload: master list signature: the signed message digest (sha256) does not match the content');
      expect(await count()).toBe(before);
    });

    it('imports CRLs, checks them against their CSCA, and loadTrust follows imports', async () => {
      const before = await verifyWithStore(t.ctx.db.kysely, p.chip, MRZ, AT);
      expect(before.status).toBe('inconclusive');
      expect(before.reason).toMatch(/^no CRL of CSCA/);
      const ok = await post('/api/documents/crl', pem(p.crl, 'X509 CRL'), admin);
      expect(ok.json()).toMatchObject({
        added: 1,
        crls: [{ country: 'UT', revoked: 0, verifiedBy: 'C=UT, O=Passport Office of Testland, CN=CSCA UT TEST' }],
        warnings: [],
      });
      expect((await post('/api/documents/crl', p.crl, admin)).json()).toMatchObject({ added: 0, unchanged: 1 });
      const forged = issueCrl(buildTestCsca('p256', 'UT', AT), [], AT, new Date(AT.getTime() + 86_400_000));
      const refused = await post('/api/documents/crl', forged, admin);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toMatch(/is not signed by the trusted CSCA of that name/);
      const after = await verifyWithStore(t.ctx.db.kysely, p.chip, MRZ, AT);
      expect(after.status, after.reason).toBe('passed');
      expect((await loadTrust(t.ctx.db.kysely)).crls).toHaveLength(1);
      expect((await t.app.inject({ method: 'GET', url: '/api/documents/crl', headers: analyst })).json().items).toHaveLength(1);
    });
  });
}
