// Mail about consultations through a local SMTP sink: to the recipient States' contacts when sent, and one reminder near the deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { sendReminders } from './schedules.js';
import { startSmtpSink, type SmtpSink } from './test-support.js';

type H = Record<string, string>;
const BASE = 'https://vigil.example.test';
const SUBJECT = 'Invented: scanning of ministry networks';
const CONTACTS = [
  { state: 'fi', kind: 'policy', organisation: 'Demo MFA FI', name: 'Testperson Alpha', email: 'alpha@mfa.fi.example.org', languages: ['fi', 'en'] },
  { state: 'fi', kind: 'technical', organisation: 'Demo CERT FI', name: 'Testperson Beta', email: 'beta@cert.fi.example.org' },
  { state: 'pt', kind: 'policy', organisation: 'Demo MFA PT', name: 'JOHN SPECIMEN', email: 'john@mfa.pt.example.org' },
  { state: 'ro', kind: 'policy', organisation: 'Demo MFA RO', name: 'Testperson Gamma', email: 'gamma@mfa.ro.example.org' },
];

for (const backend of storeBackends('cbm notices')) {
  describe(`consultation mail on ${backend.name}`, () => {
    let t: TestApp;
    let sink: SmtpSink;
    const clock = new ManualClock('2026-07-01T08:00:00.000Z');
    const u: Record<string, H> = {};
    const req = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: u[who]!, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as { id: string; status: string };
    };
    /** Sessions end as the clock moves on: sign in again. */
    const relogin = async () => {
      for (const who of ['at', 'fi', 'pt', 'secretary']) u[who === 'secretary' ? 'secretariat' : who] = await t.login(`mail.${who}`);
    };
    const recipients = () => sink.messages.map((m) => m.to[0]!).sort();

    beforeAll(async () => {
      sink = await startSmtpSink();
      t = await createTestApp({ backend, clock, env: { VIGIL_SMTP_URL: sink.url, VIGIL_PUBLIC_URL: BASE } });
      for (const state of ['at', 'fi', 'pt']) {
        const org = await t.ctx.auth.directory.createOrg({ name: `Demo State ${state}`, country: state }, { actor: SYSTEM_ACTOR });
        await t.ctx.auth.directory.createUser(
          { username: `mail.${state}`, displayName: `Testperson ${state}`, orgId: org.id, roles: ['analyst'], password: TEST_PASSWORD },
          { actor: SYSTEM_ACTOR },
        );
      }
      await t.as('supervisor', 'mail.secretary');
      await relogin();
      for (const c of CONTACTS) await req('secretariat', 'POST', '/api/cbm/contacts', c);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('mails every contact of the recipient States when a consultation is sent, with the link but not the subject or text', async () => {
      const draft = await req('at', 'POST', '/api/cbm/consultations', {
        to: ['fi', 'pt'],
        subject: SUBJECT,
        body: 'Invented text that stays behind the sign-in.',
        severity: 'high',
        tlp: 'red',
        deadlineAt: '2026-07-03T08:00:00.000Z',
      });
      expect(sink.messages).toEqual([]);
      await req('at', 'POST', `/api/cbm/consultations/${draft.id}/transition`, { action: 'send' });
      expect(recipients()).toEqual(['alpha@mfa.fi.example.org', 'beta@cert.fi.example.org', 'john@mfa.pt.example.org']);
      for (const m of sink.messages) {
        expect(m.data).toContain(`Subject: A consultation from AT awaits your answer`);
        expect(m.data).toContain(`${BASE}/cbm/consultations/${draft.id}`);
        expect(m.data).toContain('severity high, TLP:RED');
        expect(m.data).toContain('Please answer by 2026-07-03 08:00 UTC.');
        expect(m.data).not.toMatch(/scanning|behind the sign-in/i);
      }
      expect(sink.messages.find((m) => m.to[0] === 'john@mfa.pt.example.org')!.data).toContain('Dear JOHN SPECIMEN');
      const audit = await t.ctx.audit.search({ action: 'cbm.consultation.notify' });
      expect(audit.map((a) => a.details)).toEqual([{ notice: 'sent', states: ['fi', 'pt'], contacts: 3, emailed: 3, failed: 0 }]);

      // One reminder, a day before the deadline, to the States that have not answered yet.
      sink.messages.length = 0;
      await req('fi', 'POST', `/api/cbm/consultations/${draft.id}/replies`, { body: 'Invented answer.' });
      clock.advance(12 * 3_600_000);
      expect(await sendReminders(t.ctx)).toMatchObject({ consultations: 0 });
      expect(sink.messages).toEqual([]);
      clock.advance(13 * 3_600_000);
      expect(await sendReminders(t.ctx)).toMatchObject({ consultations: 1 });
      expect(recipients()).toEqual(['john@mfa.pt.example.org']);
      expect(sink.messages[0]!.data).toContain('Subject: Reminder: a consultation from AT awaits your answer');
      expect(await sendReminders(t.ctx)).toMatchObject({ consultations: 0 });
      expect(sink.messages).toHaveLength(1);
    });

    it('mails a broadcast sent at once to every contact of the network but none of the sender', async () => {
      sink.messages.length = 0;
      await relogin();
      await req('secretariat', 'POST', '/api/cbm/consultations', { kind: 'broadcast', subject: 'Network notice', body: 'invented', send: true, tlp: 'green' });
      expect(recipients()).toEqual(['alpha@mfa.fi.example.org', 'beta@cert.fi.example.org', 'gamma@mfa.ro.example.org', 'john@mfa.pt.example.org']);
      expect(sink.messages[0]!.data).toContain('Subject: A broadcast from the secretariat to the network');
      sink.messages.length = 0;
      await req('pt', 'POST', '/api/cbm/consultations', { kind: 'broadcast', to: ['fi', 'pt'], subject: 'Group notice', body: 'invented', send: true });
      expect(recipients()).toEqual(['alpha@mfa.fi.example.org', 'beta@cert.fi.example.org']);
    });

    it('keeps the consultation sent when the SMTP server refuses a recipient, and counts the failure', async () => {
      sink.messages.length = 0;
      await relogin();
      sink.refuse.add('john@mfa.pt.example.org');
      const c = await req('fi', 'POST', '/api/cbm/consultations', { to: ['pt'], subject: 'x', body: 'y', send: true });
      sink.refuse.clear();
      expect(c.status).toBe('sent');
      const audit = await t.ctx.audit.search({ action: 'cbm.consultation.notify', targetId: c.id });
      expect(audit.map((a) => a.details)).toEqual([{ notice: 'sent', states: ['pt'], contacts: 1, emailed: 0, failed: 1 }]);
    });
  });
}
