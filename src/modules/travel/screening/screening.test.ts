// Passenger screening: a listed traveller alerts with flight context and an invented one does not; reported documents; iAPI; the webhook.
import { createServer, type IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { ManualClock } from '../../../platform/clock.js';
import { importUnDemo } from '../../screening/test-support.js';
import { decideAlert } from '../../alerts/index.js';
import { importReports } from '../../documents/index.js';
import { receiveMessage } from '../intake/receive.js';
import { assembleMessage } from '../intake/assemble.js';
import { rescreenRules, screenFlightTravellers } from './consumers.js';
import { createRule } from '../rules/index.js';
import { travelAlerts } from './queue.js';
import { tr } from '../intake/tables.js';
import { webhookBody, signature } from './webhook.js';

const FLIGHT = 'LH1234-2026-12-01';
// Before the fixture flight's departure (10:05 local on 1 December 2026): rules re-screen only flights not yet arrived.
const BEFORE_DEPARTURE = new Date('2026-12-01T06:00:00Z');
// The fixture's first passenger becomes a person on the UN list (born 1 July 1942); the others stay invented.
const listed = readFileSync(join(import.meta.dirname, '../fixtures/paxlst-passengers.edi'), 'latin1')
  .replace('MUSTERFRAU:ERIKA', 'AL-DOURI:IZZAT IBRAHIM')
  .replace('DTM+329:800812', 'DTM+329:420701')
  .replace("NAT+2+DEU'", "NAT+2+IRQ'");

async function ingest(t: TestApp, text: string) {
  const r = await receiveMessage(t.ctx, Buffer.from(text, 'latin1'), { channel: 'cli', actor: SYSTEM_ACTOR });
  await assembleMessage(t.ctx, r.id);
  return r;
}

for (const backend of storeBackends('passenger screening')) {
  describe(`passenger screening (${backend.name})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ backend, clock: new ManualClock(BEFORE_DEPARTURE), env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      await importUnDemo(t.ctx);
      const csv = 'issuingCountry,documentType,documentNumber,status,reportedOn\nGBR,P,X99999999,stolen,2026-10-01\n';
      await importReports(t.ctx, { lines: csv.split('\n').filter(Boolean), sha256: 'x'.repeat(64), file: 'test.csv', actor: SYSTEM_ACTOR });
    }, 120_000);
    afterAll(async () => t?.close());

    it('alerts on the listed traveller and the stolen passport, with flight context, and not on the invented traveller', async () => {
      await ingest(t, listed);
      await screenFlightTravellers(t.ctx, FLIGHT, null);
      const alerts = await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 });
      const bySource = Object.fromEntries(alerts.map((a) => [a.source, a]));
      expect(bySource.watchlist).toMatchObject({ traveller: { name: 'AL-DOURI, IZZAT IBRAHIM' }, entityId: expect.stringMatching(/^un-/), status: 'open' });
      expect(bySource['lost-document']).toMatchObject({ traveller: { name: 'SPECIMEN, JOHN QUINCY' }, score: 1 });
      expect(alerts.filter((a) => a.traveller.name.includes('TESTPERSON'))).toEqual([]);
      expect(alerts).toHaveLength(2);

      const admin = await t.as('analyst');
      const detail = await t.app.inject({ url: `/api/alerts/${bySource.watchlist!.id}`, headers: admin });
      expect(detail.json()).toMatchObject({
        source: 'travel',
        subjectType: 'traveller',
        provenance: expect.objectContaining({ flightId: FLIGHT, weightsVersion: expect.any(String) }),
      });
      expect((detail.json() as { explanation: unknown[] }).explanation.length).toBeGreaterThan(0);

      // Screening again (a redelivered event) raises nothing new.
      await screenFlightTravellers(t.ctx, FLIGHT, null);
      expect(await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).toHaveLength(2);
      const screening = await t.app.inject({ url: `/api/travel/travellers/${bySource.watchlist!.traveller.id}/screening`, headers: admin });
      expect(screening.json()).toMatchObject({ outcome: 'hit', watchlist: [expect.objectContaining({ entityId: bySource.watchlist!.entityId })] });
    });

    it('alerts on a targeting rule once it is enabled, with the rule version in the provenance', async () => {
      await createRule(t.ctx, { name: 'Austrian nationals', expression: 'traveller.nationality == "AUT"', enabled: true }, { actor: SYSTEM_ACTOR });
      await rescreenRules(t.ctx);
      const rules = (await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).filter((a) => a.source === 'rule');
      expect(rules.map((a) => a.traveller.name)).toEqual(["O'TESTPERSON, ALPHA"]);
      const admin = await t.as('analyst');
      const detail = await t.app.inject({ url: `/api/alerts/${rules[0]!.id}`, headers: admin });
      expect(detail.json()).toMatchObject({ provenance: expect.objectContaining({ rule: { id: expect.any(String), version: 1 }, flightId: FLIGHT }) });
      // Earlier findings of the traveller's screening are kept beside the rule hit.
      const john = (await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).find((a) => a.source === 'lost-document')!;
      const screening = await t.app.inject({ url: `/api/travel/travellers/${john.traveller.id}/screening`, headers: admin });
      expect(screening.json()).toMatchObject({ outcome: 'hit', lostDocuments: [expect.objectContaining({ match: 'exact' })] });
    });

    it('answers a screening stored before targeting rules existed with no rule hits', async () => {
      const john = (await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).find((a) => a.source === 'lost-document')!;
      const row = await tr(t.ctx.db.kysely)
        .selectFrom('travel_screenings')
        .select('result')
        .where('traveller_id', '=', john.traveller.id)
        .executeTakeFirstOrThrow();
      const { rules: _rules, ...old } = JSON.parse(row.result) as Record<string, unknown>;
      await tr(t.ctx.db.kysely)
        .updateTable('travel_screenings')
        .set({ result: JSON.stringify(old) })
        .where('traveller_id', '=', john.traveller.id)
        .execute();
      const screening = await t.app.inject({ url: `/api/travel/travellers/${john.traveller.id}/screening`, headers: await t.as('analyst') });
      expect(screening.statusCode, screening.body).toBe(200);
      expect(screening.json()).toMatchObject({ rules: [], outcome: 'hit', lostDocuments: [expect.objectContaining({ match: 'exact' })] });
    });

    it("lists flights with open alerts and walks a flight's queue in order, skipping what the reviewer cannot act on", async () => {
      const analyst = await t.as('analyst', 'q.analyst');
      const board = await t.app.inject({ url: '/api/travel/alerts/flights?date=2026-12-01', headers: analyst });
      expect(board.statusCode, board.body).toBe(200);
      const open = (await travelAlerts(t.ctx, { flightId: FLIGHT, open: true, limit: 50 })).length;
      expect(open).toBe(3);
      expect(board.json()).toEqual({
        items: [expect.objectContaining({ flight: expect.objectContaining({ id: FLIGHT }), open, topScore: 1, dueAt: expect.any(String) })],
      });
      expect((await t.app.inject({ url: '/api/travel/alerts/flights?date=2026-12-02', headers: analyst })).json()).toEqual({ items: [] });
      expect((await t.app.inject({ url: '/api/travel/alerts/flights?date=1.12.2026', headers: analyst })).statusCode).toBe(400);

      // Queue order: same flight, so by score (highest first), then id.
      const queue = (await t.app.inject({ url: `/api/travel/alerts?flight=${FLIGHT}&open=true`, headers: analyst })).json() as {
        items: { id: string; score: number }[];
      };
      expect(queue.items.map((a) => a.score)).toEqual([...queue.items.map((a) => a.score)].sort((a, b) => b - a));
      const next = async (after?: string) =>
        (await t.app.inject({ url: `/api/travel/alerts/next?flight=${FLIGHT}${after ? `&after=${after}` : ''}`, headers: analyst })).json() as {
          id: string | null;
          remaining: number;
        };
      const ids = queue.items.map((a) => a.id);
      expect(await next()).toEqual({ id: ids[0], remaining: 3 });
      expect(await next(ids[0])).toEqual({ id: ids[1], remaining: 3 });
      expect(await next(ids[2])).toEqual({ id: ids[0], remaining: 3 }); // wraps around

      // After the first confirmation, the same person is not offered it again; the flight drops off the board once decided.
      const me = { actor: { type: 'user' as const, id: analyst.userId, orgId: null }, canConfirm: true };
      await decideAlert(t.ctx, ids[1]!, { decision: 'confirmed', reason: 'identity-match' }, me);
      expect(await next(ids[0])).toEqual({ id: ids[2], remaining: 2 });
      const supervisor = await t.as('supervisor');
      const forOther = (await t.app.inject({ url: `/api/travel/alerts/next?flight=${FLIGHT}&after=${ids[0]}`, headers: supervisor })).json();
      expect(forOther).toEqual({ id: ids[1], remaining: 3 });
      expect((await t.app.inject({ url: `/api/travel/alerts/next?flight=NOPE-2026-12-01`, headers: analyst })).json()).toEqual({ id: null, remaining: 0 });
      expect((await t.app.inject({ url: '/api/travel/alerts/next', headers: analyst })).statusCode).toBe(400);
      expect((await t.app.inject({ url: '/api/travel/alerts/flights', headers: await t.token('carrier') })).statusCode).toBe(403);
    });

    it('answers the interactive API: no-board for a stolen passport, contact for a possible list match, board otherwise', async () => {
      const carrier = await t.token('carrier');
      const ask = async (traveller: object) =>
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/travel/iapi',
            headers: carrier,
            payload: { flight: { carrier: 'LH', number: '1234', origin: 'FRA', destination: 'VIE', departure: '2026-12-01T10:05' }, traveller },
          })
        ).json() as { recommendation: string; reasons: { code: string }[] };
      const passport = (number: string, issuingCountry = 'GBR') => [{ type: 'passport', number, issuingCountry, expiry: '2030-01-01' }];
      expect(await ask({ surname: 'SPECIMEN', givenNames: 'JOHN', birthDate: '1975-01-01', documents: passport('X99999999') })).toMatchObject({
        recommendation: 'no-board',
        reasons: [expect.objectContaining({ code: 'document-reported' })],
      });
      expect(await ask({ surname: 'AL-DOURI', givenNames: 'IZZAT IBRAHIM', birthDate: '1942-07-01', documents: passport('K0000001', 'IRQ') })).toMatchObject({
        recommendation: 'contact',
        reasons: [expect.objectContaining({ code: 'watchlist' })],
      });
      expect(await ask({ surname: 'TESTPERSON', givenNames: 'OMEGA', birthDate: '1999-09-09', documents: passport('T1234567', 'AUT') })).toEqual({
        recommendation: 'board',
        reasons: [],
      });
      const expired = await ask({
        surname: 'TESTPERSON',
        givenNames: 'OMEGA',
        documents: [{ type: 'passport', number: 'T1234567', issuingCountry: 'AUT', expiry: '2020-01-01' }],
      });
      expect(expired.recommendation).toBe('no-board');
      const bad = await t.app.inject({ method: 'POST', url: '/api/travel/iapi', headers: carrier, payload: { flight: {}, traveller: {} } });
      expect(bad.statusCode).toBe(400);
    });

    it('signs the webhook body of a confirmed match so a receiver can check it', async () => {
      const alert = (await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).find((a) => a.source === 'watchlist')!;
      const body = await webhookBody(
        t.ctx,
        { id: alert.id, source: 'travel', subjectType: 'traveller', subjectId: alert.traveller.id, entityId: alert.entityId, status: 'confirmed' },
        7,
      );
      expect(JSON.parse(body)).toMatchObject({ type: 'travel.alert-confirmed', alertId: alert.id, flightId: FLIGHT, eventId: 7 });
      expect(body).not.toContain('DOURI');
      const at = new Date('2026-12-01T10:00:00Z');
      const sig = signature('a webhook secret of 32 characters', body, at);
      const t0 = String(Math.floor(at.getTime() / 1000));
      expect(sig).toBe(`t=${t0},v1=${createHmac('sha256', 'a webhook secret of 32 characters').update(`${t0}.${body}`).digest('hex')}`);
    });
  });
}

describe('confirmed passenger matches reach the webhook', () => {
  it('posts once the second person confirms, retrying while the receiver fails', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failFirst = true;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const secret = 'a webhook secret of 32 characters';
    const t = await createTestApp({ env: { VIGIL_TRAVEL_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, VIGIL_TRAVEL_WEBHOOK_SECRET: secret } });
    try {
      await importUnDemo(t.ctx);
      await t.runtime.startBackground();
      await ingest(t, listed);
      await t.ctx.events.drain(30_000);
      const alert = (await travelAlerts(t.ctx, { flightId: FLIGHT, limit: 50 })).find((a) => a.source === 'watchlist')!;
      const first = await t.ctx.auth.directory.createUser(
        { username: 'analyst.one', displayName: 'Analyst One', roles: ['analyst'], password: 'correct horse battery staple' },
        { actor: SYSTEM_ACTOR },
      );
      const second = await t.ctx.auth.directory.createUser(
        { username: 'supervisor.two', displayName: 'Supervisor Two', roles: ['supervisor'], password: 'correct horse battery staple' },
        { actor: SYSTEM_ACTOR },
      );
      await decideAlert(
        t.ctx,
        alert.id,
        { decision: 'confirmed', reason: 'same-person' },
        { actor: { type: 'user', id: first.id, orgId: null }, canConfirm: false },
      );
      await t.ctx.events.drain(30_000);
      expect(received).toHaveLength(0); // four eyes: one confirmation is not yet a confirmed match
      await decideAlert(
        t.ctx,
        alert.id,
        { decision: 'confirmed', reason: 'same-person' },
        { actor: { type: 'user', id: second.id, orgId: null }, canConfirm: true },
      );
      for (let i = 0; i < 60 && received.length === 0; i++) {
        await t.ctx.events.drain(30_000).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(received).toHaveLength(1);
      const { headers, body } = received[0]!;
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-vigil-signature']));
      expect(m).not.toBeNull();
      expect(m![2]).toBe(createHmac('sha256', secret).update(`${m![1]}.${body}`).digest('hex'));
      expect(JSON.parse(body)).toMatchObject({ alertId: alert.id, flightId: FLIGHT });
    } finally {
      await t.close();
      server.close();
    }
  }, 120_000);
});
