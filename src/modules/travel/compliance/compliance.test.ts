// Carrier compliance: pushes matched to what arrived, and alerts raised once when a push is missing or late.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { createTestApp } from '../../../test-support/app.js';
import { receiveMessage } from '../intake/receive.js';
import { assembleMessage } from '../intake/assemble.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { checkPushes } from './expected.js';
import { detectCompliance, listComplianceAlerts } from './service.js';

const PUSHES = [
  { type: 'PNRGOV', hoursBefore: 48 },
  { type: 'PNRGOV', hoursBefore: 24 },
  { type: 'PAXLST', hoursBefore: 0 },
] as const;
const DEP = '2026-12-01T09:05:00Z';

describe('checkPushes', () => {
  it('tells on-time, late, missing and pending pushes apart', () => {
    const got = checkPushes(
      DEP,
      PUSHES,
      [
        { type: 'PNRGOV', receivedAt: '2026-11-29T09:00:00Z', messageId: 'a' }, // 48 h before: on time
        { type: 'PNRGOV', receivedAt: '2026-11-30T12:00:00Z', messageId: 'b' }, // 24 h push, 3 h late
      ],
      new Date('2026-12-01T09:30:00Z'),
    );
    expect(got.map((p) => [p.push, p.status, p.messageId])).toEqual([
      ['PNRGOV-48', 'on-time', 'a'],
      ['PNRGOV-24', 'late', 'b'],
      ['PAXLST-0', 'pending', null],
    ]);
    expect(checkPushes(DEP, PUSHES, [], new Date('2026-12-01T11:00:00Z')).map((p) => p.status)).toEqual(['missing', 'missing', 'missing']);
  });

  it('does not count one message twice, nor a message of the other type', () => {
    const got = checkPushes(DEP, PUSHES, [{ type: 'PAXLST', receivedAt: '2026-11-29T09:00:00Z', messageId: 'x' }], new Date('2026-12-02T00:00:00Z'));
    expect(got.map((p) => p.status)).toEqual(['missing', 'missing', 'missing']);
  });
});

describe('compliance alerts', () => {
  it('raises one alert per missing push, once, and reports on-time and missing pushes per carrier', async () => {
    const clock = new ManualClock(new Date('2026-12-01T06:00:00Z'));
    const t = await createTestApp({ clock });
    try {
      const raw = readFileSync(join(import.meta.dirname, '../fixtures/paxlst-passengers.edi'));
      const r = await receiveMessage(t.ctx, raw, { channel: 'cli', actor: SYSTEM_ACTOR });
      await assembleMessage(t.ctx, r.id);
      // The API push came 3 h before departure; both PNR pushes never came.
      expect(await detectCompliance(t.ctx)).toBe(2);
      expect(await detectCompliance(t.ctx)).toBe(0);
      const alerts = await listComplianceAlerts(t.ctx, { limit: 10 });
      expect(alerts.map((a) => [a.flightId, a.push, a.status]).sort()).toEqual([
        ['LH1234-2026-12-01', 'PNRGOV-24', 'missing'],
        ['LH1234-2026-12-01', 'PNRGOV-48', 'missing'],
      ]);
      const admin = await t.as('analyst');
      const report = await t.app.inject({ url: '/api/travel/compliance?date=2026-12-01', headers: admin });
      expect(report.json()).toMatchObject({ carriers: [{ carrier: 'LH', 'on-time': 1, missing: 2 }] });
    } finally {
      await t.close();
    }
  });
});
