// Stream copies on NATS JetStream: the retention run purges messages stored before the depersonalisation limit, keeps later ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { ManualClock } from '../../../platform/clock.js';
import { connectNats } from '../../../platform/events/nats-setup.js';
import { serviceAvailable, TEST_NATS_URL, uniqueName } from '../../../platform/test-support/services.js';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { purgeStreamBefore } from './stream.js';
import { runRetention } from './run.js';
import { fixture } from './test-support.js';

const DAY = 86_400_000;

describe.runIf(serviceAvailable('nats', 'travel retention stream copies'))('travel retention: stream copies (nats)', () => {
  let nc: NatsConnection;
  let t: TestApp;
  const stream = uniqueName('VIGIL_TRAVEL_RETENTION').toUpperCase();
  const subject = `${stream.toLowerCase()}.inbound`;
  beforeAll(async () => {
    nc = await connectNats(TEST_NATS_URL!, 'retention-test');
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: stream, subjects: [subject] });
  });
  afterAll(async () => {
    await t?.close();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
    await nc.close();
  });

  const count = async () => (await (await nc.jetstreamManager()).streams.info(stream)).state.messages;

  it('purges exactly the copies stored before the limit', async () => {
    const js = nc.jetstream();
    const jsm = await nc.jetstreamManager();
    await js.publish(subject, fixture('paxlst-passengers.edi'));
    await js.publish(subject, fixture('pnrgov-13.1.edi'));
    const second = await jsm.streams.getMessage(stream, { seq: 2 });
    await new Promise((r) => setTimeout(r, 20)); // distinct millisecond stamps for the third copy
    await js.publish(subject, fixture('paxlst-crew.edi'));
    expect(await count()).toBe(3);
    expect(await purgeStreamBefore(nc, stream, new Date(second.time.getTime() - 60_000))).toMatchObject({ purged: 0 });
    expect(await purgeStreamBefore(nc, stream, new Date(second.time.getTime() + 1))).toMatchObject({ purged: 2, firstSeq: 3 });
    expect(await count()).toBe(1);
    expect(await purgeStreamBefore(nc, `${stream}_NONE`, new Date())).toMatchObject({ purged: 0 });
  });

  it('the retention run six months later purges every older copy and records it in the run and the audit log', async () => {
    await nc.jetstream().publish(subject, fixture('pnrgov-10.1.edi'));
    expect(await count()).toBe(2);
    const clock = new ManualClock(new Date());
    clock.advance(184 * DAY);
    t = await createTestApp({ clock });
    const run = await runRetention(t.ctx, { natsUrl: TEST_NATS_URL!, stream });
    expect(run.counts.stream).toEqual({ status: 'purged', stream, purged: 2, detail: null });
    expect(await count()).toBe(0);
    const audit = await t.ctx.audit.search({ action: 'travel.retention-run' });
    expect(audit[0]!.details).toMatchObject({ stream: 'purged', streamPurged: 2 });
    expect(await t.ctx.audit.verify()).toMatchObject({ ok: true });
  });
});
