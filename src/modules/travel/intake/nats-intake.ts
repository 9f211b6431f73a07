// Passenger messages arriving on a NATS JetStream subject: each is stored and committed before it is acknowledged.
import type { JetStreamClient, NatsConnection } from 'nats';
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import type { JobDef } from '../../../platform/jobs/types.js';
import { connectNats, durableName, ensureConsumer, ensureStream } from '../../../platform/events/nats-setup.js';
import { receiveMessage } from './receive.js';

export const INTAKE_STREAM = 'VIGIL_TRAVEL_INTAKE';
const BATCH = 100;

interface Link {
  nc: NatsConnection;
  js: JetStreamClient;
  durable: string;
}

/** Pulls what is waiting (up to a batch at a time, for at most `budgetMs`) and stores it; returns how many were stored. */
export async function pullIntake(ctx: AppContext, link: Link, budgetMs: number, signal?: AbortSignal): Promise<number> {
  const consumer = await link.js.consumers.get(INTAKE_STREAM, link.durable);
  const until = Date.now() + budgetMs;
  let stored = 0;
  while (Date.now() < until && !signal?.aborted) {
    const batch = await consumer.fetch({ max_messages: BATCH, expires: 1000 });
    let got = 0;
    for await (const m of batch) {
      got++;
      try {
        const outcome = await receiveMessage(ctx, m.data, { channel: 'nats', actor: SYSTEM_ACTOR });
        m.ack(); // after the commit: a crash before this line redelivers, and the copy is recognised as a duplicate
        if (!outcome.duplicate) stored++;
      } catch (err) {
        ctx.log.error({ err }, 'travel NATS intake: cannot store a message; it will be delivered again');
        m.nak(5000);
      }
    }
    if (got === 0) break;
  }
  if (stored) ctx.events.kick();
  return stored;
}

/** Declares the intake stream and its durable consumer; the caller closes the connection. */
export async function openIntake(natsUrl: string, subject: string): Promise<Link> {
  const nc = await connectNats(natsUrl, 'vigil-travel-intake');
  const jsm = await nc.jetstreamManager();
  await ensureStream(jsm, { stream: INTAKE_STREAM, subjects: subject, dedupeWindowMs: 2 * 60_000, maxAgeMs: 7 * 24 * 3600_000 });
  const durable = durableName(`travel.intake.${subject}`);
  await ensureConsumer(jsm, { stream: INTAKE_STREAM, durable, filter: subject, ackWaitMs: 60_000 });
  return { nc, js: nc.jetstream(), durable };
}

/** Every second, the worker holding the lease pulls what arrived; the connection closes when the scheduler stops. */
export function natsIntakeJob(ctx: AppContext): JobDef | null {
  const url = ctx.config.natsUrl;
  if (!url) return null;
  let link: Promise<Link> | null = null;
  let watched: AbortSignal | null = null;
  return {
    name: 'travel.nats-intake',
    everySeconds: 1,
    run: async (signal) => {
      link ??= openIntake(url, ctx.config.travelIntakeSubject).catch((err: unknown) => {
        link = null;
        throw err;
      });
      const l = await link;
      if (watched !== signal) {
        watched = signal;
        signal.addEventListener(
          'abort',
          () => {
            link = null;
            void l.nc.close().catch(() => undefined);
          },
          { once: true },
        );
      }
      await pullIntake(ctx, l, 900, signal);
    },
  };
}
