// Screening one validated query against the index: contract result, alerts for registered subjects, audit without personal values.
import { screen, type ScreenMatch, type Subject } from '../../core/match/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import type { Executor } from '../../platform/db/index.js';
import { raiseAlert, type Facts } from '../alerts/index.js';
import { currentIndex } from './index-state.js';
import type { ValidQuery } from './query.js';

export interface ContractMatch {
  entityId: string;
  caption: string;
  schema: string;
  lists: string[];
  score: number;
  explanation: Array<{ feature: string; score: number; detail: string }>;
}

export interface ContractResult {
  id: string | null;
  matches: ContractMatch[];
}

export interface ScreenRunOptions {
  actor: Actor;
  requestId?: string | undefined;
  minScore?: number | undefined;
  use?: string | undefined;
  /** A registered subject: matches raise alerts. */
  subjectId?: string | undefined;
  /** Another module's subject (e.g. a traveller): matches raise alerts with this source, kind and context. */
  subject?: { source: string; type: string; id: string; provenance?: Record<string, unknown> } | undefined;
  /** Only these entity ids count (re-screening against the entities that changed). */
  onlyEntities?: ReadonlySet<string> | undefined;
  /** Audit this run (default true). */
  audit?: boolean;
  /** Work in the caller's transaction (many screenings committed at once) instead of one of its own. */
  trx?: Executor | undefined;
  /** The index as the caller already holds it (from `currentIndex`): needed with `trx`, which must not wait for another connection. */
  held?: Awaited<ReturnType<typeof currentIndex>> | undefined;
  /** The query already prepared against `held`'s index (a caller that checked its name words): not prepared a second time. */
  prepared?: Subject | undefined;
}

export interface ScreenRun {
  result: ContractResult;
  matches: ScreenMatch[];
  versions: Record<string, number>;
  weightsVersion: string;
  alerts: { created: string[]; suppressed: number };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** A query's facts as FtM-like properties (the subject side of an alert). */
export function queryFacts(q: ValidQuery): Facts {
  const f: Facts = { name: [q.name] };
  if (q.birthDate) f.birthDate = [q.birthDate];
  if (q.nationality) f.nationality = [q.nationality];
  if (q.gender) f.gender = [q.gender];
  if (q.schema) f.schema = [q.schema];
  if (q.documents?.length) f.documents = q.documents.map((d) => (typeof d === 'string' ? d : [d.type, d.number, d.country].filter(Boolean).join(' ')));
  return f;
}

export function toContract(m: ScreenMatch): ContractMatch {
  return {
    entityId: m.entityId,
    caption: m.caption,
    schema: m.schema,
    lists: [...m.lists],
    score: round(m.score),
    explanation: m.explanation.map((e) => ({ feature: e.feature, score: round(e.score), detail: e.detail })),
  };
}

export async function screenQuery(ctx: AppContext, q: ValidQuery, opts: ScreenRunOptions): Promise<ScreenRun> {
  const { index, versions, sources } = opts.held ?? (await currentIndex(ctx));
  const restricted = q.lists?.length || opts.onlyEntities;
  const r = screen(index, opts.prepared ?? q, {
    candidates: restricted ? 200 : 50,
    ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
    ...(opts.use ? { use: opts.use } : {}),
  });
  const matches = r.matches.filter(
    (m) => (!q.lists?.length || m.lists.some((l) => q.lists!.includes(l))) && (!opts.onlyEntities || opts.onlyEntities.has(m.entityId)),
  );
  const created: string[] = [];
  let suppressed = 0;
  const subject = opts.subject ?? (opts.subjectId ? { source: 'screening', type: 'screening-subject', id: opts.subjectId } : null);
  const work = async (trx: Executor) => {
    if (subject) {
      for (const m of matches) {
        // Alerts only at or above the threshold, whatever --min-score lowered the report to.
        if (m.score < m.threshold) continue;
        const raised = await raiseAlert(ctx, trx, {
          source: subject.source,
          subjectType: subject.type,
          subjectId: subject.id,
          subject: queryFacts(q),
          entityId: m.entityId,
          entity: sources.facts(m.entityId),
          entitySchema: m.schema,
          entityCaption: m.caption,
          lists: m.lists,
          score: round(m.score),
          explanation: toContract(m).explanation,
          provenance: {
            listVersions: Object.fromEntries(m.lists.map((l) => [l, versions[l] ?? null])),
            weightsVersion: r.weightsVersion,
            threshold: m.threshold,
            ...subject.provenance,
          },
        });
        if (raised.status === 'created') created.push(raised.id);
        else suppressed++;
      }
    }
    if (opts.audit !== false)
      await ctx.audit.record(trx, {
        action: 'screening.run',
        actor: opts.actor,
        ...(subject ? { target: { type: subject.type, id: subject.id } } : {}),
        ...(opts.requestId ? { requestId: opts.requestId } : {}),
        details: {
          schema: q.schema ?? 'Person',
          retrieved: r.retrieved,
          scored: r.scored,
          matches: matches.length,
          entityIds: matches.slice(0, 50).map((m) => m.entityId),
          alerts: created.length,
          weightsVersion: r.weightsVersion,
        },
      });
  };
  if (opts.trx) await work(opts.trx);
  else await ctx.db.transaction(work);
  return {
    result: { id: q.id ?? null, matches: matches.map(toContract) },
    matches,
    versions,
    weightsVersion: r.weightsVersion,
    alerts: { created, suppressed },
  };
}
