// Passenger-data intake end to end: carriers push, duplicates are recognised, rejected messages are kept, flights and travellers assembled.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { assembleMessage } from './assemble.js';
import { scanDropFolder } from './drop-folder.js';
import { tr } from './tables.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name));
const post = (t: TestApp, headers: Record<string, string>, body: Buffer | string, type = 'application/edifact') =>
  t.app.inject({ method: 'POST', url: '/api/travel/messages', headers: { ...headers, 'content-type': type }, payload: body });

for (const backend of storeBackends('travel intake')) {
  describe(`travel intake (${backend.name})`, () => {
    let t: TestApp;
    let carrier: { authorization: string };
    let analyst: Record<string, string>;
    beforeAll(async () => {
      t = await createTestApp({ backend, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
      carrier = await t.token('carrier');
      analyst = await t.as('analyst');
    });
    afterAll(async () => t?.close());

    const ingest = async (name: string) => {
      const res = await post(t, carrier, fixture(name));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { id: string };
      await assembleMessage(t.ctx, body.id);
      return body;
    };

    it('stores a PAXLST before answering, assembles its flight and travellers, and audits the receipt', async () => {
      const res = await post(t, carrier, fixture('paxlst-passengers.edi'));
      expect(res.statusCode, res.body).toBe(201);
      const out = res.json() as {
        id: string;
        status: string;
        duplicate: boolean;
        sender: string;
        messages: { type: string; travellers: number; flights: { id: string }[] }[];
      };
      expect(out).toMatchObject({ status: 'accepted', duplicate: false, sender: 'LHAPI' });
      expect(out.messages).toEqual([
        expect.objectContaining({ type: 'PAXLST', travellers: 3, flights: [expect.objectContaining({ id: 'LH1234-2026-12-01' })] }),
      ]);
      const stored = await tr(t.ctx.db.kysely)
        .selectFrom('travel_messages')
        .select(['raw', 'status', 'channel'])
        .where('id', '=', out.id)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(stored.raw).equals(fixture('paxlst-passengers.edi'))).toBe(true);
      expect(stored).toMatchObject({ status: 'accepted', channel: 'api' });

      await assembleMessage(t.ctx, out.id);
      await assembleMessage(t.ctx, out.id); // a redelivered event changes nothing
      const flights = await t.app.inject({ url: '/api/travel/flights?date=2026-12-01', headers: analyst });
      expect(flights.json()).toMatchObject({
        items: [
          expect.objectContaining({ id: 'LH1234-2026-12-01', origin: 'FRA', destination: 'VIE', direction: 'inbound', passengers: 3, crew: 0, messages: 1 }),
        ],
      });
      expect(await t.ctx.audit.search({ action: 'travel.message-receive', targetId: out.id })).toHaveLength(1);
    });

    it('recognises a second copy of an interchange as a duplicate and stores it once', async () => {
      const again = await post(t, carrier, fixture('paxlst-passengers.edi'));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ duplicate: true, status: 'accepted' });
      const rows = await tr(t.ctx.db.kysely).selectFrom('travel_messages').select(['duplicates']).where('sender', '=', 'LHAPI').execute();
      expect(rows).toEqual([{ duplicates: 1 }]);
    });

    it('keeps a message that cannot be parsed, with its error, for an analyst', async () => {
      const res = await post(t, carrier, 'UNB+UNOA:4+XXAPI+ATPIU+261201:0600+BROKEN1\nthis is not edifact at all', 'text/plain');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'validation-failed' });
      const list = await t.app.inject({ url: '/api/travel/messages?status=rejected', headers: analyst });
      const items = (list.json() as { items: { id: string; sender: string | null }[] }).items;
      expect(items.length).toBe(1);
      const one = await t.app.inject({ url: `/api/travel/messages/${items[0]!.id}`, headers: analyst });
      expect(one.json()).toMatchObject({
        status: 'rejected',
        raw: expect.stringContaining('this is not edifact'),
        error: expect.objectContaining({ code: expect.any(String) }),
      });
    });

    it('merges API and PNR data about one person, keeps PNR versions, and links the same person across flights', async () => {
      const pnr = await ingest('pnrgov-13.1.edi');
      await ingest('paxlst-crew.edi');
      const manifest = await t.app.inject({ url: '/api/travel/flights/OS0089-2026-12-01', headers: analyst });
      expect(manifest.statusCode, manifest.body).toBe(200);
      const m = manifest.json() as {
        flight: { passengers: number; crew: number; pnrs: number };
        travellers: { id: string; surname: string; role: string; sources: { api: boolean; pnr: boolean } }[];
      };
      expect(m.flight).toMatchObject({ passengers: 3, crew: 3, pnrs: 2 });
      expect(m.travellers.filter((x) => x.role === 'crew').map((x) => x.surname)).toEqual(['BEISPIEL', 'MUSTERMANN', 'SPECIMEN']);

      await ingest('paxlst-change.edi');
      const after = (await t.app.inject({ url: '/api/travel/flights/OS0089-2026-12-01', headers: analyst })).json() as typeof m;
      const john = after.travellers.filter((x) => x.surname === 'SPECIMEN' && x.role === 'passenger');
      expect(john).toHaveLength(1);
      expect(john[0]!.sources).toEqual({ api: true, pnr: true });
      expect(after.flight.passengers).toBe(m.flight.passengers);

      // Erika travels on LH1234 (API) and OS0089 (PNR): one person, two flights.
      const erika = after.travellers.find((x) => x.surname === 'MUSTERFRAU')!;
      const page = await t.app.inject({ url: `/api/travel/travellers/${erika.id}`, headers: analyst });
      expect(page.json()).toMatchObject({
        otherFlights: [expect.objectContaining({ flightId: 'LH1234-2026-12-01' })],
        pnrVersions: [expect.objectContaining({ version: 1, messageId: pnr.id })],
      });

      // The same PNR pushed again under a new interchange reference adds no version.
      const copy = fixture('pnrgov-13.1.edi').toString('latin1').replaceAll('OS2611302300', 'OS2611302301');
      const again = await post(t, carrier, copy);
      expect(again.json()).toMatchObject({ duplicate: false });
      await assembleMessage(t.ctx, (again.json() as { id: string }).id);
      const versions = await tr(t.ctx.db.kysely)
        .selectFrom('travel_pnr_versions')
        .select(['record_locator', 'version'])
        .where('flight_id', '=', 'OS0089-2026-12-01')
        .execute();
      expect(versions.filter((v) => v.record_locator === 'ZZA1B2')).toEqual([{ record_locator: 'ZZA1B2', version: 1 }]);
      // A changed booking (new contact) is a new version.
      const changed = copy.replaceAll('OS2611302301', 'OS2611302302').replace('ERIKA.MUSTERFRAU//EXAMPLE.ORG', 'E.MUSTERFRAU//EXAMPLE.ORG');
      const third = await post(t, carrier, changed);
      await assembleMessage(t.ctx, (third.json() as { id: string }).id);
      const v2 = await tr(t.ctx.db.kysely)
        .selectFrom('travel_pnr_versions')
        .select(['version'])
        .where('record_locator', '=', 'ZZA1B2')
        .orderBy('version')
        .execute();
      expect(v2.map((v) => v.version)).toEqual([1, 2]);
    });

    it('audits every view of a manifest, a traveller or a raw message', async () => {
      const views = async () => (await t.ctx.audit.search({ action: 'travel.manifest-view', targetId: 'LH1234-2026-12-01' })).length;
      const before = await views();
      await t.app.inject({ url: '/api/travel/flights/LH1234-2026-12-01', headers: analyst });
      expect(await views()).toBe(before + 1);
    });

    it('lets carriers send but not read, and analysts read but not send', async () => {
      expect((await t.app.inject({ url: '/api/travel/flights', headers: carrier })).statusCode).toBe(403);
      expect((await post(t, analyst, fixture('paxlst-multileg.edi'))).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/travel/flights/NOPE-2026-01-01', headers: analyst })).statusCode).toBe(404);
    });

    it('receives files from the drop folder and moves them aside after the commit', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigil-drop-'));
      try {
        writeFileSync(join(dir, 'multileg.edi'), fixture('paxlst-multileg.edi'));
        writeFileSync(join(dir, 'garbage.edi'), 'nothing to see');
        writeFileSync(join(dir, 'half-written.edi.part'), 'UNA');
        expect(await scanDropFolder(t.ctx, dir)).toEqual({ received: 1, rejected: 1 });
        expect(readdirSync(join(dir, 'done'))).toHaveLength(1);
        expect(readdirSync(join(dir, 'rejected'))).toHaveLength(1);
        expect(readdirSync(dir).sort()).toEqual(['done', 'half-written.edi.part', 'rejected']);
        const folder = await tr(t.ctx.db.kysely).selectFrom('travel_messages').select(['status']).where('channel', '=', 'folder').execute();
        expect(folder.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
