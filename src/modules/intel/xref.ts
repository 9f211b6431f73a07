// Cross-referencing: the screening engine proposes pairs of probably-same entities, within a case and against the lists.
import { randomUUID } from 'node:crypto';
import { CandidateIndex, screen, type MatchEntity } from '../../core/match/index.js';
import { model } from '../../core/model/index.js';
import type { AppContext } from '../../platform/context.js';
import { currentIndex } from '../screening/index.js';
import { entitiesIn } from '../watchlists/index.js';
import { auditChange, openCase, type Caller } from './access.js';
import { commonSchema, resolvedEntities, type Resolved } from './entities.js';
import { it } from './tables.js';

export interface XrefResult {
  caseId: string;
  /** Entities compared (matchable ones: people, companies, vessels …). */
  entities: number;
  proposed: number;
  /** Of those, against list entities. */
  againstLists: number;
  /** Pairs already proposed or decided earlier, not proposed again. */
  known: number;
}

const matchable = (e: Resolved) => !e.edge && !!model.getSchema(e.schema)?.matchable;
const asMatch = (e: Resolved): MatchEntity => ({ id: e.id, schema: e.schema, properties: e.properties });

/** Proposes pairs: each matchable entity screened against the case's others and (unless `lists` is false) the active lists. */
export async function crossReference(ctx: AppContext, caseRef: string, caller: Caller, opts: { lists?: boolean } = {}): Promise<XrefResult> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  const all = [...(await resolvedEntities(ctx.db.kysely, row.id)).values()].filter(matchable);
  const index = CandidateIndex.build(all.map(asMatch));
  type Proposal = { left: string; right: string; source: string; score: number; explanation: unknown; entity: unknown };
  const proposals: Proposal[] = [];
  for (const e of all) {
    const r = screen(index, asMatch(e), { candidates: 20 });
    for (const m of r.matches) {
      if (m.entityId <= e.id || !commonSchema(e.schema, m.schema)) continue;
      proposals.push({ left: e.id, right: m.entityId, source: 'case', score: m.score, explanation: m.explanation, entity: null });
    }
  }
  let againstLists = 0;
  if (opts.lists !== false) {
    const lists = await currentIndex(ctx);
    const wanted = new Map<string, Proposal[]>();
    for (const e of all) {
      for (const m of screen(lists.index, asMatch(e), { candidates: 20 }).matches) {
        const list = m.lists[0];
        if (!list || !commonSchema(e.schema, m.schema)) continue;
        const p: Proposal = { left: e.id, right: m.entityId, source: `list:${list}`, score: m.score, explanation: m.explanation, entity: null };
        proposals.push(p);
        wanted.set(list, [...(wanted.get(list) ?? []), p]);
        againstLists++;
      }
    }
    for (const [list, ps] of wanted) {
      const version = lists.versions[list];
      if (version === undefined) continue;
      const found = await entitiesIn(
        ctx.db.kysely,
        list,
        version,
        ps.map((p) => p.right),
      );
      for (const p of ps) {
        const f = found.find((x) => x.id === p.right);
        if (f) p.entity = { id: f.id, schema: f.schema, properties: f.properties, list, version };
      }
    }
  }
  let proposed = 0;
  await ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const t = it(trx);
    const now = ctx.clock.now().toISOString();
    const known = new Set(
      (await t.selectFrom('intel_pairs').select(['left_id', 'right_id']).where('case_id', '=', row.id).execute()).map((p) => `${p.left_id}\u0000${p.right_id}`),
    );
    for (const p of proposals) {
      const key = `${p.left}\u0000${p.right}`;
      if (known.has(key)) continue;
      known.add(key);
      await t
        .insertInto('intel_pairs')
        .values({
          id: randomUUID(),
          case_id: row.id,
          left_id: p.left,
          right_id: p.right,
          source: p.source,
          right_entity: p.entity ? JSON.stringify(p.entity) : null,
          score: Math.round(p.score * 10000) / 10000,
          explanation: JSON.stringify(p.explanation),
          status: 'open',
          decided_by: null,
          decided_at: null,
          created_at: now,
        })
        .execute();
      proposed++;
    }
    await auditChange(ctx, trx, caller, row.id, 'xref', { entities: all.length, proposed, againstLists });
  });
  return { caseId: row.id, entities: all.length, proposed, againstLists, known: proposals.length - proposed };
}
