// The retention run: depersonalise what passed 6 months, delete what passed 5 years, purge stream copies; audited, recorded.
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/audit/types.js';
import type { JobDef } from '../../../platform/jobs/types.js';
import { INTAKE_STREAM } from '../intake/nats-intake.js';
import { depersonaliseBatch, maskLateNotesBatch, noDerived, type BatchScope, type Kind } from './depersonalise.js';
import { deleteBatch, deleteOrphansBatch } from './delete.js';
import { monthsBefore, policyOf, type RetentionPolicy } from './policy.js';
import { maskRequestTextsBatch } from './requests.js';
import { purgeConfiguredStream } from './stream.js';
import { rt } from './tables.js';
import { loadVaultKey } from './vault.js';

const KINDS: readonly Kind[] = ['traveller', 'pnr-version', 'message'];

const PerKind = z.object({ travellers: z.number(), pnrVersions: z.number(), messages: z.number() });

export const RetentionCounts = z.object({
  depersonalised: PerKind,
  deleted: PerKind,
  /** Free-text notes of decisions on these travellers' alerts, masked (the originals sealed). */
  decisionNotesMasked: z.number(),
  /** Re-personalisation requests closed for longer than the depersonalisation period whose reason and note were masked (sealed). */
  requestTextsMasked: z.number(),
  /** Deleted with the travellers: stored screening results, rule hits, alerts and the decisions on them. */
  derivedDeleted: z.object({ screenings: z.number(), ruleHits: z.number(), alerts: z.number(), decisions: z.number() }),
  /** Travellers past the deletion limit kept because a confirmed alert names them. */
  keptForConfirmedAlerts: z.number(),
  stream: z.object({
    status: z.enum(['purged', 'not-configured', 'failed']),
    stream: z.string().nullable(),
    purged: z.number(),
    detail: z.string().nullable(),
  }),
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;

export const RetentionRun = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  actor: z.string(),
  depersonaliseBefore: z.string(),
  deleteBefore: z.string(),
  counts: RetentionCounts,
});
export type RetentionRun = z.infer<typeof RetentionRun>;

/** A run as recorded: runs recorded before notes, request texts and derived rows were counted lack those counts. */
export const StoredRetentionRun = RetentionRun.extend({
  counts: RetentionCounts.partial({ decisionNotesMasked: true, requestTextsMasked: true, derivedDeleted: true }),
});
export type StoredRetentionRun = z.infer<typeof StoredRetentionRun>;

export interface RunOptions {
  actor?: Actor;
  requestId?: string | undefined;
  policy?: RetentionPolicy;
  /** The JetStream stream holding copies of incoming messages (the intake stream by default). */
  stream?: string;
  /** NATS to purge the stream on (the configured one by default; null: none). */
  natsUrl?: string | null;
}

const field = { traveller: 'travellers', 'pnr-version': 'pnrVersions', message: 'messages' } as const;

/** Runs retention once, with the platform clock; each batch is its own audited transaction, so a crash loses no progress. */
export async function runRetention(ctx: AppContext, opts: RunOptions = {}): Promise<RetentionRun> {
  const policy = opts.policy ?? policyOf(ctx.config);
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const started = ctx.clock.now();
  const depersonaliseBefore = monthsBefore(started, policy.depersonaliseAfterMonths).toISOString();
  const deleteBefore = monthsBefore(started, policy.deleteAfterMonths).toISOString();
  const scope: BatchScope = {
    ctx,
    key: loadVaultKey(ctx.config.dataDir),
    runId: randomUUID(),
    actor,
    requestId: opts.requestId,
    now: started.toISOString(),
    derived: noDerived(),
  };
  const counts: RetentionCounts = {
    depersonalised: { travellers: 0, pnrVersions: 0, messages: 0 },
    deleted: { travellers: 0, pnrVersions: 0, messages: 0 },
    decisionNotesMasked: 0,
    requestTextsMasked: 0,
    derivedDeleted: { screenings: 0, ruleHits: 0, alerts: 0, decisions: 0 },
    keptForConfirmedAlerts: 0,
    stream: { status: 'not-configured', stream: null, purged: 0, detail: null },
  };
  // Depersonalising first: nothing is deleted that was not masked and sealed before (and tallied for statistics).
  for (const kind of KINDS) for (let n; (n = await depersonaliseBatch(scope, kind, depersonaliseBefore));) counts.depersonalised[field[kind]] += n;
  while (await maskLateNotesBatch(scope));
  while (await maskRequestTextsBatch(scope, depersonaliseBefore));
  for (const kind of KINDS) for (let n; (n = await deleteBatch(scope, kind, deleteBefore));) counts.deleted[field[kind]] += n;
  while (await deleteOrphansBatch(scope));
  const d = scope.derived;
  counts.decisionNotesMasked = d.notesMasked;
  counts.requestTextsMasked = d.requestTextsMasked;
  counts.derivedDeleted = { screenings: d.screeningsDeleted, ruleHits: d.ruleHitsDeleted, alerts: d.alertsDeleted, decisions: d.decisionsDeleted };
  const kept = await rt(ctx.db.kysely)
    .selectFrom('travel_travellers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '<', deleteBefore)
    .executeTakeFirst();
  counts.keptForConfirmedAlerts = Number(kept?.n ?? 0);

  const natsUrl = opts.natsUrl === undefined ? ctx.config.natsUrl : opts.natsUrl;
  if (natsUrl) {
    const stream = opts.stream ?? INTAKE_STREAM;
    try {
      const p = await purgeConfiguredStream(natsUrl, stream, new Date(depersonaliseBefore));
      counts.stream = { status: 'purged', stream, purged: p.purged, detail: null };
    } catch (err) {
      ctx.log.error({ err }, 'travel retention: cannot purge the NATS stream copies; the next run tries again');
      counts.stream = { status: 'failed', stream, purged: 0, detail: (err as Error).message.slice(0, 200) };
    }
  }

  const finishedAt = ctx.clock.now().toISOString();
  const run: RetentionRun = {
    id: scope.runId,
    startedAt: scope.now,
    finishedAt,
    actor: actor.id ?? actor.type,
    depersonaliseBefore,
    deleteBefore,
    counts,
  };
  await ctx.db.transaction(async (trx) => {
    await rt(trx)
      .insertInto('travel_retention_runs')
      .values({
        id: run.id,
        started_at: run.startedAt,
        finished_at: finishedAt,
        actor: run.actor,
        depersonalise_before: depersonaliseBefore,
        delete_before: deleteBefore,
        counts: JSON.stringify(counts),
      })
      .execute();
    await ctx.audit.record(trx, {
      action: 'travel.retention-run',
      actor,
      target: { type: 'travel-retention-run', id: run.id },
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
      outcome: counts.stream.status === 'failed' ? 'failure' : 'success',
      details: {
        depersonaliseBefore,
        deleteBefore,
        depersonalisedTravellers: counts.depersonalised.travellers,
        depersonalisedPnrVersions: counts.depersonalised.pnrVersions,
        depersonalisedMessages: counts.depersonalised.messages,
        deletedTravellers: counts.deleted.travellers,
        deletedPnrVersions: counts.deleted.pnrVersions,
        deletedMessages: counts.deleted.messages,
        maskedDecisionNotes: counts.decisionNotesMasked,
        maskedRequestTexts: counts.requestTextsMasked,
        deletedScreenings: counts.derivedDeleted.screenings,
        deletedRuleHits: counts.derivedDeleted.ruleHits,
        deletedAlerts: counts.derivedDeleted.alerts,
        keptForConfirmedAlerts: counts.keptForConfirmedAlerts,
        stream: counts.stream.status,
        streamPurged: counts.stream.purged,
      },
    });
  });
  return run;
}

/** Retention runs, newest first. */
export async function listRetentionRuns(ctx: AppContext, limit = 50): Promise<StoredRetentionRun[]> {
  const rows = await rt(ctx.db.kysely).selectFrom('travel_retention_runs').selectAll().orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    actor: r.actor,
    depersonaliseBefore: r.depersonalise_before,
    deleteBefore: r.delete_before,
    counts: JSON.parse(r.counts) as StoredRetentionRun['counts'],
  }));
}

/** Hourly, on one process of the cluster: the retention run as the system. Wire in the travel descriptor's `jobs`. */
export function retentionJob(ctx: AppContext): JobDef {
  return {
    name: 'travel.retention',
    everySeconds: 3600,
    run: async () => {
      await runRetention(ctx);
    },
  };
}
