// Event contracts: what producers write to the outbox and what consumers receive.
import type { Executor } from '../db/index.js';

export interface EventInput {
  /** Dotted name, e.g. `watchlists.version-activated`. Letters, digits, '.', '-' only. */
  topic: string;
  /** Ordering/partition key (e.g. the list name); optional. */
  key?: string;
  /** JSON-serialisable payload of ids and small values. */
  payload: unknown;
}

export interface DeliveredEvent {
  /** Outbox id: unique and increasing; handlers use it (or payload ids) to stay idempotent. */
  id: number;
  topic: string;
  key: string | null;
  payload: unknown;
  createdAt: string;
  /** 1 on first delivery, more on redelivery. */
  attempt: number;
}

export interface ConsumerDef {
  /** Unique, stable: it names the consumer's durable position. */
  name: string;
  topics: readonly string[];
  handle(event: DeliveredEvent): Promise<void>;
}

/** Writes events in the caller's transaction, so the event exists exactly when the change does. */
export interface Outbox {
  emit(trx: Executor, event: EventInput): Promise<number>;
}

/** Delivers committed outbox events to consumers: in-process (embedded) or through NATS JetStream (scale-out). */
export interface EventTransport {
  readonly kind: 'embedded' | 'nats';
  /** Starts delivering to these consumers. With `relay`, this process also moves outbox rows to the bus (NATS). */
  start(consumers: readonly ConsumerDef[], opts?: { relay?: boolean; consume?: boolean }): Promise<void>;
  /**
   * Asks for prompt delivery of a local commit (otherwise polled). Safe to call inside the producing transaction: the
   * transport looks at once and again shortly after, so an event whose commit lands in between is not left to the poll.
   */
  kick(): void;
  /** Resolves when every committed event so far has been handled by every consumer (tests, CLI). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}
