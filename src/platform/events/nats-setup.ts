// NATS plumbing for the scale-out transport: connecting without leaking credentials, and declaring stream and consumers.
import { createHash } from 'node:crypto';
import {
  AckPolicy,
  DeliverPolicy,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type ConnectionOptions,
  type JetStreamManager,
  type NatsConnection,
  type NatsError,
} from 'nats';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

/** `nats://host:port` of a URL, without user, password or token. */
export function safeNatsUrl(natsUrl: string): string {
  try {
    const u = new URL(natsUrl);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparseable NATS URL)';
  }
}

/** Connects with credentials taken out of the URL, so no error or log line can repeat them. */
export async function connectNats(natsUrl: string, name: string): Promise<NatsConnection> {
  const safe = safeNatsUrl(natsUrl);
  let u: URL;
  try {
    u = new URL(natsUrl);
  } catch {
    throw new Error(`invalid NATS URL ${safe}`);
  }
  const opts: ConnectionOptions = { servers: u.host, name, timeout: 10_000, maxReconnectAttempts: -1, reconnectTimeWait: 1000 };
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  if (user && pass) Object.assign(opts, { user, pass });
  else if (user) opts.token = user;
  if (u.protocol === 'tls:') opts.tls = {};
  try {
    return await connect(opts);
  } catch (err) {
    throw new Error(`cannot connect to NATS at ${safe}: ${(err as Error).message}`);
  }
}

const apiCode = (err: unknown): number | undefined => (err as NatsError).api_error?.err_code;

export interface StreamSettings {
  stream: string;
  subjects: string;
  dedupeWindowMs: number;
  maxAgeMs: number;
}

/** Creates the stream, or adds our subjects to an existing one; only JetStream features of NATS 2.9. */
export async function ensureStream(jsm: JetStreamManager, s: StreamSettings): Promise<void> {
  try {
    const info = await jsm.streams.info(s.stream);
    const subjects = info.config.subjects ?? [];
    if (!subjects.includes(s.subjects)) await jsm.streams.update(s.stream, { ...info.config, subjects: [...subjects, s.subjects] });
  } catch (err) {
    if (apiCode(err) !== STREAM_NOT_FOUND) throw err;
    await jsm.streams.add({
      name: s.stream,
      subjects: [s.subjects],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(s.dedupeWindowMs),
      max_age: nanos(s.maxAgeMs),
    });
  }
}

/** A durable name NATS accepts (no '.', '*', '>' or spaces), distinct for distinct consumer names. */
export function durableName(consumer: string): string {
  const readable = consumer.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);
  return `${readable}_${createHash('sha256').update(consumer).digest('hex').slice(0, 10)}`;
}

export interface ConsumerSettings {
  stream: string;
  durable: string;
  /** One subject filter (NATS 2.9 allows only one); topics are filtered again by the client. */
  filter: string;
  ackWaitMs: number;
}

/**
 * Creates the durable pull consumer, or updates the settings NATS 2.9 lets one change. NATS's own
 * max_deliver stays unlimited: the client parks an event after its last attempt once the failure is
 * recorded, so no event is dropped without a trace in event_failures.
 */
export async function ensureConsumer(jsm: JetStreamManager, c: ConsumerSettings): Promise<void> {
  try {
    const info = await jsm.consumers.info(c.stream, c.durable);
    if (info.config.max_deliver !== -1 || info.config.ack_wait !== nanos(c.ackWaitMs)) {
      await jsm.consumers.update(c.stream, c.durable, { max_deliver: -1, ack_wait: nanos(c.ackWaitMs) });
    }
  } catch (err) {
    if (apiCode(err) !== CONSUMER_NOT_FOUND) throw err;
    await jsm.consumers.add(c.stream, {
      durable_name: c.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: c.filter,
      max_deliver: -1,
      ack_wait: nanos(c.ackWaitMs),
      max_ack_pending: 1000,
    });
  }
}
