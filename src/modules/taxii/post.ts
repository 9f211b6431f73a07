// POST of a TAXII envelope: validate each object, store the valid ones, answer with a status resource counting both.
import type { AppContext } from '../../platform/context.js';
import type { ActingAs } from '../../platform/auth/index.js';
import { microOf } from '../../core/stix/index.js';
import type { Access } from './access.js';
import { describeIssues, ingest } from './ingest.js';
import { saveStatus, type Status, type StatusDetail } from './statuses.js';

export async function postEnvelope(
  ctx: AppContext,
  apiRoot: string,
  collectionId: string,
  envelope: { objects: unknown[] },
  access: Access,
  by: ActingAs,
): Promise<Status> {
  const requested = microOf(ctx.clock.now());
  const r = await ingest(ctx, collectionId, { objects: envelope.objects }, by);
  const successes: StatusDetail[] = [];
  const failures: StatusDetail[] = [];
  let k = 0;
  for (const v of r.verdicts) {
    const warnings = v.issues.filter((i) => i.severity === 'warning');
    const note = warnings.length ? ` Warnings: ${warnings.map((w) => `${w.path} ${w.message}`).join('; ')}` : '';
    if (v.ok) {
      const o = r.outcomes[k++]!;
      const message = (o.added ? '' : 'This version was already in the collection.') + note;
      successes.push({ id: o.id, version: o.version, ...(message ? { message: message.trim() } : {}) });
    } else {
      failures.push({ id: v.id ?? `(object ${v.index} has no id)`, version: v.version ?? '', message: describeIssues(v.issues) });
    }
  }
  return ctx.db.transaction((trx) =>
    saveStatus(trx, apiRoot, access.orgId, {
      status: 'complete',
      request_timestamp: requested,
      total_count: r.verdicts.length,
      success_count: successes.length,
      successes,
      failure_count: failures.length,
      failures,
      pending_count: 0,
      pendings: [],
    }),
  );
}
