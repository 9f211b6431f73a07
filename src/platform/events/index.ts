// Events: the outbox producers write to, and the transport (embedded or NATS) that delivers to consumers.
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../log.js';
import { createEmbeddedTransport } from './embedded.js';
import { createNatsTransport } from './nats.js';
import type { EventTransport } from './types.js';

export type { ConsumerDef, DeliveredEvent, EventInput, EventTransport, Outbox } from './types.js';
export { createOutbox, TOPIC_PATTERN, MAX_PAYLOAD_BYTES, type OutboxOptions } from './outbox.js';
export { eventsMigrations } from './migrations.js';
export { createEmbeddedTransport, type EmbeddedTransportOptions } from './embedded.js';
export { createNatsTransport, type NatsTransportOptions } from './nats.js';
export { outboxCleanupJob } from './cleanup.js';

export interface TransportOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  /** When set, events go through NATS JetStream; otherwise they are delivered in-process. */
  natsUrl?: string | undefined;
  /** JetStream stream name (NATS only); default `VIGIL_EVENTS`. */
  stream?: string | undefined;
  pollMs?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
}

/** The configured transport: NATS JetStream when a NATS URL is set, else embedded. */
export function createTransport(opts: TransportOptions): EventTransport {
  const { natsUrl, stream, ...common } = opts;
  return natsUrl ? createNatsTransport({ ...common, natsUrl, stream: stream ?? 'VIGIL_EVENTS' }) : createEmbeddedTransport(common);
}
