// Outbox retention: a periodic job deletes old events that every consumer is done with.
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { JobDef } from '../jobs/types.js';

const BATCH = 1000;

/**
 * Deletes outbox rows older than `retentionDays` that are done with: relayed to NATS (`published_at` set),
 * or (embedded) at or below every consumer's position. The row with the highest `seq` is kept, because
 * the sequencer continues from it. Parked events keep their copy in event_failures.
 */
export function outboxCleanupJob(db: Database, clock: Clock, retentionDays = 7): JobDef {
  if (!(retentionDays > 0)) throw new Error('outbox retention must be a positive number of days');
  return {
    name: 'platform.events.outbox-cleanup',
    everySeconds: 3600,
    async run(signal) {
      const k = db.kysely;
      const cutoff = new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString();
      const { top } = await k
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('seq').as('top'))
        .executeTakeFirstOrThrow();
      const { low } = await k
        .selectFrom('event_offsets')
        .select((eb) => eb.fn.min('position').as('low'))
        .executeTakeFirstOrThrow();
      const highest = top === null ? null : Number(top);
      // With no consumer registered, every sequenced row counts as passed.
      const passed = low === null ? (highest ?? 0) : Number(low);
      while (!signal.aborted) {
        const ids = await k
          .selectFrom('outbox')
          .select('id')
          .where('created_at', '<', cutoff)
          .where((eb) => (highest === null ? eb('seq', 'is', null) : eb.or([eb('seq', 'is', null), eb('seq', '<', highest)])))
          .where((eb) => eb.or([eb('published_at', 'is not', null), eb('seq', '<=', passed)]))
          .orderBy('id')
          .limit(BATCH)
          .execute();
        if (ids.length === 0) return;
        await k
          .deleteFrom('outbox')
          .where(
            'id',
            'in',
            ids.map((r) => r.id),
          )
          .execute();
      }
    },
  };
}
