// Alerts API on every store backend: the queue and "next undecided", decisions and escalation, four eyes, bulk, suppression, permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { raiseAlert, type RaiseInput } from './raise.js';

type H = Record<string, string>;
interface Summary {
  id: string;
  status: string;
  entityId: string;
  pendingBy: string | null;
  pendingByName: string | null;
}
interface Detail extends Summary {
  decisions: Array<{ decision: string; step: string; actorId: string | null; actorName: string | null; sameFacts: boolean }>;
}

const SUBJECT = { name: ['ERIKA MUSTERFRAU'], birthDate: ['1970-01-01'] };
const ENTITY = { name: ['ERIKA MUSTERFRAU-SPECIMEN'], birthDate: ['1970'] };

function input(subjectId: string, entityId: string, entity = ENTITY): RaiseInput {
  return {
    source: 'screening',
    subjectType: 'screening-subject',
    subjectId,
    subject: SUBJECT,
    entityId,
    entity,
    entitySchema: 'Person',
    entityCaption: entity.name[0]!,
    lists: ['demo'],
    score: 0.81,
    explanation: [{ feature: 'nameSimilarity', score: 2.1, detail: 'names alike' }],
    provenance: { listVersions: { demo: 1 }, weightsVersion: 'test', threshold: 0.7 },
  };
}

for (const backend of storeBackends('alerts')) {
  describe(`alerts API on ${backend.name}`, () => {
    let t: TestApp;
    let clock: ManualClock;
    const users: Record<string, H & { userId: string }> = {};
    const ids: Record<string, string> = {};
    const get = (url: string, h: H) => t.app.inject({ method: 'GET', url, headers: h });
    const post = (url: string, h: H, payload: object) => t.app.inject({ method: 'POST', url, headers: h, payload });
    const raise = async (name: string, subjectId: string, entityId: string, entity = ENTITY) => {
      clock.advance(1000);
      const r = await t.ctx.db.transaction((trx) => raiseAlert(t.ctx, trx, input(subjectId, entityId, entity)));
      if (r.status === 'created') ids[name] = r.id;
      return r;
    };
    const headers = (role: string): H => {
      const { userId: _, ...h } = users[role]!;
      return h;
    };
    const next = async (role: string, q = '') => (await get(`/api/alerts/next${q}`, headers(role))).json() as { id: string | null; remaining: number };
    const detail = async (id: string) => (await get(`/api/alerts/${id}`, headers('analyst'))).json() as Detail;
    const decide = (role: string, id: string, decision: string, reason = 'identity-match') =>
      post(`/api/alerts/${id}/decision`, headers(role), { decision, reason, note: 'compared by hand' });

    beforeAll(async () => {
      clock = new ManualClock('2026-03-01T08:00:00.000Z');
      t = await createTestApp({ backend, clock });
      for (const role of ['analyst', 'officer', 'supervisor', 'auditor', 'admin']) users[role] = await t.as(role);
      users.analyst2 = await t.as('analyst');
      for (const [name, s, e] of [
        ['a', 's1', 'e1'],
        ['b', 's2', 'e1'],
        ['c', 's3', 'e2'],
        ['d', 's4', 'e1'],
      ] as const)
        expect((await raise(name, s, e)).status).toBe('created');
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('walks the undecided queue oldest first with "next", wrapping around; an unknown anchor starts at the top', async () => {
      const queue = (await get('/api/alerts?status=undecided', headers('analyst'))).json() as { items: Summary[]; total: number };
      expect(queue.items.map((a) => a.id)).toEqual([ids.a, ids.b, ids.c, ids.d]);
      expect(queue.items[0]).toMatchObject({ subjectId: 's1', subjectName: 'ERIKA MUSTERFRAU', entityId: 'e1', pendingBy: null, pendingByName: null });
      expect(await next('analyst')).toEqual({ id: ids.a, remaining: 4 });
      expect((await next('analyst', `?after=${ids.b}`)).id).toBe(ids.c);
      expect((await next('analyst', `?after=${ids.d}`)).id).toBe(ids.a);
      expect((await next('analyst', '?after=no-such-alert')).id).toBe(ids.a);
      expect(await next('analyst', `?entityId=e1&after=${ids.b}`)).toEqual({ id: ids.d, remaining: 3 });
    });

    it('escalates "unsure", then decides it; a final decision cannot be taken again; bad input names the field', async () => {
      const unsure = await decide('officer', ids.c!, 'unsure', 'insufficient-information');
      expect(unsure.json()).toMatchObject({ status: 'escalated', previousStatus: 'open' });
      expect((await next('analyst', `?after=${ids.b}`)).id).toBe(ids.c);
      expect((await decide('supervisor', ids.c!, 'false-positive', 'different-person')).json()).toMatchObject({ status: 'false-positive' });
      expect((await decide('supervisor', ids.c!, 'confirmed')).statusCode).toBe(409);
      const bad = await decide('analyst', ids.a!, 'confirmed', 'Not A Code!');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ invalidParams: [expect.objectContaining({ field: expect.stringContaining('reason') })] });
      expect((await post(`/api/alerts/no-such/decision`, headers('analyst'), { decision: 'unsure', reason: 'x' })).statusCode).toBe(404);
      expect((await next('analyst')).remaining).toBe(3);
    });

    it('needs a second, different person to confirm; "next" skips an alert for its first confirmer; both are named', async () => {
      const first = await decide('analyst', ids.a!, 'confirmed');
      expect(first.json()).toMatchObject({ status: 'pending-confirmation' });
      const pending = await detail(ids.a!);
      expect(pending).toMatchObject({ pendingBy: users.analyst!.userId, pendingByName: expect.stringMatching(/^Test analyst/) });
      expect((await next('analyst')).id).toBe(ids.b);
      expect((await next('officer')).id).toBe(ids.b);
      expect((await next('analyst2')).id).toBe(ids.a);
      expect((await decide('analyst', ids.a!, 'confirmed')).statusCode).toBe(409);
      expect((await decide('officer', ids.a!, 'confirmed')).statusCode).toBe(403);
      expect((await decide('analyst2', ids.a!, 'confirmed')).json()).toMatchObject({ status: 'confirmed', previousStatus: 'pending-confirmation' });
      const done = await detail(ids.a!);
      expect(done.pendingBy).toBeNull();
      expect(done.decisions.map((d) => [d.step, d.actorId])).toEqual(
        expect.arrayContaining([
          ['first-confirmation', users.analyst!.userId],
          ['final', users.analyst2!.userId],
        ]),
      );
      expect(done.decisions.every((d) => d.actorName?.startsWith('Test analyst'))).toBe(true);
    });

    it('decides the open alerts of one entity at once, reporting each outcome', async () => {
      const res = await post('/api/alerts/decisions', headers('officer'), {
        entityId: 'e1',
        ids: [ids.b, ids.d, ids.c, ids.a],
        decision: 'false-positive',
        reason: 'different-person',
      });
      expect(res.statusCode, res.body).toBe(200);
      const results = (res.json() as { results: Array<{ id: string; status?: string; error?: { code: string; detail: string } }> }).results;
      expect(results.map((r) => r.status ?? r.error?.code)).toEqual(['false-positive', 'false-positive', 'validation-failed', 'conflict']);
      expect(results[2]!.error!.detail).toContain('not about entity e1');
      expect(await next('officer')).toEqual({ id: null, remaining: 0 });
    });

    it('does not alert again after a false positive on the same facts; a change on the entity alerts again with the earlier decision shown', async () => {
      expect(await raise('again', 's2', 'e1')).toMatchObject({ status: 'suppressed', reason: 'false-positive', alertId: ids.b });
      const changed = await raise('b2', 's2', 'e1', { ...ENTITY, birthDate: ['1971'] });
      expect(changed.status).toBe('created');
      const d = await detail(ids.b2!);
      expect(d.status).toBe('open');
      expect(d.decisions).toEqual([expect.objectContaining({ decision: 'false-positive', sameFacts: false, actorId: users.officer!.userId })]);
      expect((await next('analyst')).id).toBe(ids.b2);
    });

    it('holds every route to its permission', async () => {
      expect((await get('/api/alerts', headers('auditor'))).statusCode).toBe(403);
      expect((await get('/api/alerts/next', headers('auditor'))).statusCode).toBe(403);
      expect((await get(`/api/alerts/${ids.b2}`, headers('auditor'))).statusCode).toBe(403);
      expect((await get('/api/alerts', headers('admin'))).statusCode).toBe(200);
      expect((await decide('admin', ids.b2!, 'unsure', 'insufficient-information')).statusCode).toBe(403);
      expect((await post('/api/alerts/decisions', headers('admin'), { entityId: 'e1', ids: [ids.b2], decision: 'unsure', reason: 'x' })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/alerts/next' })).statusCode).toBe(401);
      expect((await detail(ids.b2!)).status).toBe('open');
    });
  });
}
