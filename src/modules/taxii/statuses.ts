// TAXII status resources: what happened to each object of an envelope that was posted.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/index.js';
import { tx } from './tables.js';

export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}
export interface Status {
  id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes: StatusDetail[];
  failure_count: number;
  failures: StatusDetail[];
  pending_count: number;
  pendings: StatusDetail[];
}

export async function saveStatus(exec: Executor, apiRoot: string, orgId: string | null, s: Omit<Status, 'id'> & { id?: string }): Promise<Status> {
  const status: Status = { ...s, id: s.id ?? randomUUID() };
  await tx(exec)
    .insertInto('taxii_statuses')
    .values({
      id: status.id,
      api_root: apiRoot,
      status: status.status,
      request_timestamp: status.request_timestamp,
      total_count: status.total_count,
      success_count: status.success_count,
      failure_count: status.failure_count,
      pending_count: status.pending_count,
      details: JSON.stringify({ successes: status.successes, failures: status.failures, pendings: status.pendings }),
      org_id: orgId,
    })
    .execute();
  return status;
}

/** A status of an API root; a partner sees only the statuses of its own organisation's requests. */
export async function getStatus(exec: Executor, apiRoot: string, id: string, orgId: string | null, partner: boolean): Promise<Status | undefined> {
  let q = tx(exec).selectFrom('taxii_statuses').selectAll().where('api_root', '=', apiRoot).where('id', '=', id);
  if (partner) q = q.where('org_id', '=', orgId);
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const d = JSON.parse(r.details) as Pick<Status, 'successes' | 'failures' | 'pendings'>;
  return {
    id: r.id,
    status: r.status as Status['status'],
    request_timestamp: r.request_timestamp,
    total_count: r.total_count,
    success_count: r.success_count,
    successes: d.successes,
    failure_count: r.failure_count,
    failures: d.failures,
    pending_count: r.pending_count,
    pendings: d.pendings,
  };
}

export const STATUS_RETENTION_SECONDS = 24 * 3600;

/** Deletes statuses whose request is older than the retention (TAXII statuses are short-lived); returns how many. */
export async function purgeStatuses(exec: Executor, now: Date, retentionSeconds = STATUS_RETENTION_SECONDS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionSeconds * 1000).toISOString().replace('Z', '000Z');
  const r = await tx(exec).deleteFrom('taxii_statuses').where('request_timestamp', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
