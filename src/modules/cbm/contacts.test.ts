// Points of contact: import with problems by line and field, versions naming who changed what, stale flags, STIX export that validates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { ManualClock } from '../../platform/clock.js';
import { stixValidator } from '../taxii/index.js';
import { parseContactsJsonl } from './contacts-import.js';
import { CONTACT_EXTENSION } from './stix.js';

const LINES = [
  {
    state: 'AT',
    kind: 'policy',
    organisation: 'Demo MFA',
    name: 'ERIKA MUSTERFRAU',
    email: 'Erika@MFA.at.example.org',
    phone: '+00 1',
    languages: ['de', 'en'],
  },
  { state: 'fi', kind: 'technical', organisation: 'Demo CERT', name: 'Testperson Alpha', email: 'alpha@cert.fi.example.org', phone: null, languages: ['fi'] },
].map((l) => JSON.stringify(l));

describe('contacts file', () => {
  it('reads JSON lines and names every problem by line and field', () => {
    const ok = parseContactsJsonl(LINES.join('\n') + '\n\n');
    expect(ok.problems).toEqual([]);
    expect(ok.contacts.map((c) => [c.state, c.email])).toEqual([
      ['at', 'erika@mfa.at.example.org'],
      ['fi', 'alpha@cert.fi.example.org'],
    ]);
    const bad = parseContactsJsonl([LINES[0], '{"state":"aut","kind":"x","name":"","email":"nope"}', '{oops', LINES[0]].join('\n'));
    expect(bad.problems).toEqual([
      { line: 2, field: 'state', reason: expect.stringContaining('alpha-2') },
      { line: 2, field: 'kind', reason: expect.any(String) },
      { line: 2, field: 'organisation', reason: 'is required' },
      { line: 2, field: 'name', reason: 'is required' },
      { line: 2, field: 'email', reason: 'is not an e-mail address' },
      { line: 3, field: '', reason: expect.stringContaining('not JSON') },
      { line: 4, field: 'email', reason: expect.stringContaining('line 1') },
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }).map((vs) => vs.map((v) => JSON.stringify(v)).join('\n')),
        ),
        (text) => {
          const r = parseContactsJsonl(text);
          for (const p of r.problems) expect(p.line).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('contacts directory', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-02-01T10:00:00.000Z');
  let h: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { VIGIL_CBM_RECONFIRM_DAYS: '30' } });
    await t.as('admin', 'poc.admin');
    h = await t.login('poc.admin');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps versions with the changed fields and who changed them; flags contacts stale after the period', async () => {
    const c = JSON.parse(LINES[0]!) as Record<string, unknown>;
    const created = (await t.app.inject({ method: 'POST', url: '/api/cbm/contacts', headers: h, payload: c })).json() as { id: string; version: number };
    expect(created.version).toBe(1);
    clock.advance(86_400_000);
    h = await t.login('poc.admin');
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/cbm/contacts/${created.id}`,
      headers: h,
      payload: { ...c, phone: '+00 2', timeZone: 'Europe/Vienna' },
    });
    const v2 = changed.json() as { version: number; versions: { version: number; fields: string[]; actorId: string; actorName: string }[] };
    expect(v2.version).toBe(2);
    expect(v2.versions[0]).toMatchObject({ version: 2, fields: ['phone', 'timeZone'] });
    expect(v2.versions[0]!.actorId).toMatch(/^usr_/);
    // Who changed it, by name, for the history in the directory; reading the history is audited.
    const user = await t.ctx.db.kysely.selectFrom('users').select('display_name').where('id', '=', v2.versions[0]!.actorId).executeTakeFirstOrThrow();
    expect(v2.versions.map((v) => v.actorName)).toEqual([user.display_name, user.display_name]);
    expect(await t.ctx.audit.search({ action: 'cbm.contact.view' })).toEqual([]);
    await t.app.inject({ method: 'GET', url: `/api/cbm/contacts/${created.id}`, headers: h });
    expect((await t.ctx.audit.search({ action: 'cbm.contact.view' })).map((a) => a.targetId)).toEqual([created.id]);
    const bad = await t.app.inject({ method: 'PUT', url: `/api/cbm/contacts/${created.id}`, headers: h, payload: { ...c, email: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'email' });

    clock.advance(31 * 86_400_000);
    h = await t.login('poc.admin');
    const stale = (await t.app.inject({ method: 'GET', url: '/api/cbm/contacts?stale=true', headers: h })).json() as { items: { id: string }[] };
    expect(stale.items.map((i) => i.id)).toEqual([created.id]);
    await t.app.inject({ method: 'POST', url: `/api/cbm/contacts/${created.id}/confirm`, headers: h });
    expect(((await t.app.inject({ method: 'GET', url: '/api/cbm/contacts?stale=true', headers: h })).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('exports valid STIX 2.1 identities with the OASIS contact-information extension', async () => {
    await t.app.inject({ method: 'POST', url: '/api/cbm/contacts', headers: h, payload: JSON.parse(LINES[1]!) as object });
    const res = await t.app.inject({ method: 'GET', url: '/api/cbm/contacts/export.stix', headers: h });
    expect(res.headers['content-type']).toMatch(/application\/stix\+json/);
    const bundle = res.json() as { type: string; objects: Record<string, any>[] };
    expect(bundle.type).toBe('bundle');
    const verdicts = stixValidator().validateObjects(bundle.objects, '$.objects');
    expect(verdicts.flatMap((v) => v.issues.filter((i) => i.severity === 'error'))).toEqual([]);
    const identities = bundle.objects.filter((o) => o.type === 'identity');
    expect(identities).toHaveLength(2);
    const ext = identities[0]!.extensions[CONTACT_EXTENSION];
    expect(ext.extension_type).toBe('property-extension');
    const ref = ext.email_addresses[0].email_address_ref as string;
    expect(bundle.objects.find((o) => o.id === ref)).toMatchObject({ type: 'email-addr', value: 'erika@mfa.at.example.org' });
  });
});
