// The outbox: producers write events in their own transaction, so an event exists exactly when the change does.
import type { Clock } from '../clock.js';
import type { EventInput, Outbox } from './types.js';

/** Lower-case letters, digits, '.' and '-'; dot-separated parts must not be empty (they become NATS subject tokens). */
export const TOPIC_PATTERN = /^[a-z0-9][a-z0-9.-]{0,127}$/;
const MAX_KEY_LENGTH = 256;
/** Payloads carry ids and small values; the bound keeps every event well inside a NATS message. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export function assertTopic(topic: unknown): asserts topic is string {
  if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic) || topic.includes('..') || topic.endsWith('.')) {
    throw new Error(`invalid event topic ${JSON.stringify(topic)}: use lower-case letters, digits, '-' and non-empty dot-separated parts`);
  }
}

function serialise(topic: string, payload: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch (err) {
    throw new Error(`payload of event ${topic} is not JSON-serialisable: ${(err as Error).message}`);
  }
  if (text === undefined) throw new Error(`payload of event ${topic} is not JSON-serialisable`);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new Error(`payload of event ${topic} exceeds ${MAX_PAYLOAD_BYTES} bytes`);
  return text;
}

export interface OutboxOptions {
  /**
   * Called after each event is written, inside the producer's transaction: wire it to the transport's `kick`, which
   * looks again at once and soon after, so a local commit is delivered without waiting for the next poll.
   */
  onEmit?: () => void;
}

export function createOutbox(clock: Clock, opts: OutboxOptions = {}): Outbox {
  return {
    async emit(trx, event: EventInput) {
      assertTopic(event.topic);
      const key = event.key ?? null;
      if (key !== null && (typeof key !== 'string' || key.length > MAX_KEY_LENGTH)) {
        throw new Error(`key of event ${event.topic} must be a string of at most ${MAX_KEY_LENGTH} characters`);
      }
      const payload = serialise(event.topic, event.payload);
      const row = await trx
        .insertInto('outbox')
        .values({ topic: event.topic, key, payload, created_at: clock.now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      opts.onEmit?.();
      return row.id;
    },
  };
}
