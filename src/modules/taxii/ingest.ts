// Validating and storing STIX input in a collection: used by TAXII POST, `vigil stix import`, the demo and the medallion loader.
import type { AppContext } from '../../platform/context.js';
import type { ActingAs } from '../../platform/auth/index.js';
import { readStix, type ObjectVerdict, type StixIssue } from '../../core/stix/index.js';
import { addObjects, storedMarkings, type AddOutcome } from './objects.js';
import { stixValidator } from './schemas.js';
import { emitObservables } from './observed.js';

export interface IngestResult {
  verdicts: ObjectVerdict[];
  problems: { path: string; message: string }[];
  outcomes: AddOutcome[];
  added: number;
  present: number;
  rejected: number;
}

export const describeIssues = (issues: readonly StixIssue[]): string =>
  issues
    .filter((i) => i.severity === 'error')
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join('; ');

/** Validates every object; stores the valid ones (in one transaction, audited with counts). */
export async function ingest(
  ctx: AppContext,
  collectionId: string,
  value: unknown,
  by: ActingAs,
  dateAdded?: (o: Record<string, unknown>) => string | undefined,
): Promise<IngestResult> {
  const validator = stixValidator();
  return ctx.db.transaction(async (trx) => {
    const markings = await storedMarkings(trx, collectionId);
    const read = readStix(value, validator, { knownMarking: (id) => markings.has(id) });
    const items = read.verdicts
      .filter((v) => v.ok)
      .map((v) => {
        const object = read.objects[v.index] as Record<string, unknown>;
        const d = dateAdded?.(object);
        return { object, verdict: v, ...(d ? { dateAdded: d } : {}) };
      });
    const outcomes = await addObjects(ctx.db, trx, collectionId, items, ctx.clock.now(), markings);
    const added = outcomes.filter((o) => o.added).length;
    await emitObservables(
      ctx.outbox,
      trx,
      collectionId,
      items.filter((_, i) => outcomes[i]!.added).map((i) => i.object),
    );
    const rejected = read.verdicts.length - items.length;
    await ctx.audit.record(trx, {
      action: 'taxii.objects.add',
      actor: by.actor,
      target: { type: 'taxii-collection', id: collectionId },
      requestId: by.requestId,
      outcome: rejected && !items.length ? 'failure' : 'success',
      details: { added, present: outcomes.length - added, rejected },
    });
    return { verdicts: read.verdicts, problems: read.problems, outcomes, added, present: outcomes.length - added, rejected };
  });
}
