// Stream copies: passenger messages kept in the JetStream intake stream are purged once older than the depersonalisation limit.
import { DeliverPolicy, type NatsConnection, type NatsError } from 'nats';
import { connectNats } from '../../../platform/events/nats-setup.js';

const STREAM_NOT_FOUND = 10059;

export interface StreamPurge {
  stream: string;
  /** Messages removed from the stream. */
  purged: number;
  /** First sequence left (0 when the stream is empty). */
  firstSeq: number;
}

/**
 * Removes every message stored before `before` from `stream` (NATS 2.9: a purge up to a sequence). The first sequence
 * at or after `before` is found with an ordered consumer starting by time; when none is that recent, everything up to
 * the last sequence seen is purged (messages arriving meanwhile have higher sequences and stay). A missing stream purges nothing.
 */
export async function purgeStreamBefore(nc: NatsConnection, stream: string, before: Date): Promise<StreamPurge> {
  const jsm = await nc.jetstreamManager();
  let info;
  try {
    info = await jsm.streams.info(stream);
  } catch (err) {
    if ((err as NatsError).api_error?.err_code === STREAM_NOT_FOUND) return { stream, purged: 0, firstSeq: 0 };
    throw err;
  }
  if (info.state.messages === 0) return { stream, purged: 0, firstSeq: info.state.first_seq };
  const lastSeq = info.state.last_seq;
  const consumer = await nc.jetstream().consumers.get(stream, { deliver_policy: DeliverPolicy.StartTime, opt_start_time: before.toISOString() });
  let keepFrom: number;
  try {
    const m = await consumer.next({ expires: 2000 });
    keepFrom = m ? m.seq : lastSeq + 1;
  } finally {
    await consumer.delete().catch(() => false);
  }
  if (keepFrom <= info.state.first_seq) return { stream, purged: 0, firstSeq: info.state.first_seq };
  const r = await jsm.streams.purge(stream, { seq: keepFrom });
  return { stream, purged: r.purged, firstSeq: keepFrom };
}

/** Connects to the configured NATS, purges, and closes. */
export async function purgeConfiguredStream(natsUrl: string, stream: string, before: Date): Promise<StreamPurge> {
  const nc = await connectNats(natsUrl, 'vigil-travel-retention');
  try {
    return await purgeStreamBefore(nc, stream, before);
  } finally {
    await nc.close().catch(() => undefined);
  }
}
