// Assembly of repeated pushes: carriers send the same list 48 h and 24 h before departure and at closure; only what a
// push changed is screened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { storeBackends } from '../../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { paxlstFor, planFlight } from '../generator/index.js';
import { assembleMessage } from './assemble.js';
import { receiveMessage } from './receive.js';
import { tr } from './tables.js';

/** The same list as another interchange (a later push): the interchange reference changed throughout. */
function push(text: string, n: number): Buffer {
  const ref = /UNB\+(?:[^+']*\+){4}([^+']+)/.exec(text)![1]!;
  return Buffer.from(text.split(ref).join(`${ref.slice(0, -1)}${n}`), 'utf8');
}

for (const backend of storeBackends('travel assembly of repeated pushes')) {
  describe(`assembly of repeated pushes (${backend.name})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ backend, env: { VIGIL_TRAVEL_COUNTRY: 'at' } });
    });
    afterAll(async () => t?.close());

    const deliver = async (raw: Buffer) => {
      const out = await receiveMessage(t.ctx, raw, { channel: 'api', actor: SYSTEM_ACTOR });
      expect(out).toMatchObject({ status: 'accepted', duplicate: false });
      return assembleMessage(t.ctx, out.id);
    };

    it('lists every traveller of a first push, none of an identical later push, and only the one a push changed', async () => {
      const plan = planFlight(77, { passengers: 40, crew: 0, date: '2026-12-01' });
      const first = await deliver(push(paxlstFor(plan), 1));
      expect(first).toHaveLength(1);
      expect(first[0]!.travellerIds).toHaveLength(40);

      const again = await deliver(push(paxlstFor(plan), 2));
      expect(again).toEqual([expect.objectContaining({ flightId: first[0]!.flightId, travellerIds: [] })]);

      const changed = structuredClone(plan);
      changed.passengers[3]!.nationality = changed.passengers[3]!.nationality === 'FRA' ? 'DEU' : 'FRA';
      const third = await deliver(push(paxlstFor(changed), 3));
      const rows = await tr(t.ctx.db.kysely).selectFrom('travel_travellers').select(['id', 'surname', 'nationality', 'sources']).execute();
      expect(rows).toHaveLength(40);
      const moved = rows.find((r) => r.surname === changed.passengers[3]!.surname.toUpperCase())!;
      expect(third[0]!.travellerIds).toEqual([moved.id]);
      expect(moved.nationality).toBe(changed.passengers[3]!.nationality);
      // Every push is still recorded as a source of every traveller.
      expect(rows.every((r) => (JSON.parse(r.sources) as string[]).length === 3)).toBe(true);
    });
  });
}
