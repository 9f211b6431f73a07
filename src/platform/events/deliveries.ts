// What both transports share about delivery: checking consumers, retry delays, and the record of failed deliveries.
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { assertTopic } from './outbox.js';
import type { ConsumerDef } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 60_000;
const MAX_ERROR_LENGTH = 2000;

/** Consumers need a unique non-empty name and at least one valid topic. */
export function assertConsumers(consumers: readonly ConsumerDef[]): void {
  const names = new Set<string>();
  for (const c of consumers) {
    if (typeof c.name !== 'string' || c.name.trim() === '' || c.name.length > 200) throw new Error(`invalid consumer name ${JSON.stringify(c.name)}`);
    if (names.has(c.name)) throw new Error(`duplicate consumer name ${c.name}`);
    names.add(c.name);
    if (c.topics.length === 0) throw new Error(`consumer ${c.name} subscribes to no topic`);
    c.topics.forEach((t) => assertTopic(t));
  }
}

/** Delay before delivery number `attempt + 1`: doubling from `baseMs`, at most a minute. */
export const retryDelay = (baseMs: number, attempt: number): number => Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);

export interface FailedDelivery {
  consumer: string;
  eventId: number;
  topic: string;
  /** The event's payload as JSON text. */
  payload: string;
  attempts: number;
  error: unknown;
  parked: boolean;
}

/** Records (or updates) a failed delivery; `parked` when delivery gives up on the event. */
export async function recordFailure(db: Database, clock: Clock, f: FailedDelivery): Promise<void> {
  const now = clock.now().toISOString();
  const lastError = errorText(f.error);
  await db.kysely
    .insertInto('event_failures')
    .values({
      consumer: f.consumer,
      event_id: f.eventId,
      topic: f.topic,
      payload: f.payload,
      attempts: f.attempts,
      last_error: lastError,
      first_failed_at: now,
      last_failed_at: now,
      parked: f.parked ? 1 : 0,
    })
    .onConflict((oc) =>
      oc.columns(['consumer', 'event_id']).doUpdateSet({ attempts: f.attempts, last_error: lastError, last_failed_at: now, parked: f.parked ? 1 : 0 }),
    )
    .execute();
}

/** Forgets earlier failures of an event once a retry has succeeded. */
export async function clearFailure(db: Database, consumer: string, eventId: number): Promise<void> {
  await db.kysely.deleteFrom('event_failures').where('consumer', '=', consumer).where('event_id', '=', eventId).where('parked', '=', 0).execute();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
