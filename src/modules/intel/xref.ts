// Cross-referencing: the screening engine proposes pairs of probably-same entities, within a case and against the lists.
import { randomUUID } from 'node:crypto';
import { CandidateIndex, screen, type MatchEntity } from '../../core/match/index.js';
import { model } from '../../core/model/index.js';
import { foldDiacritics, phoneticKeys, tokens } from '../../core/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
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
  /** Entities in the index the screened ones were compared against (with `importId`: those the blocking kept). */
  indexed: number;
}

export interface XrefOptions {
  /** Also screen against the active lists (default true). */
  lists?: boolean;
  /**
   * Screen only the entities of this import (as `import` reported it), against every entity of the case that shares a
   * blocking key with one of them; pairs among the other entities are left as earlier runs proposed them.
   */
  importId?: string;
}

/** Name properties read for blocking keys (the ones the screening engine reads names from). */
const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias', 'firstName', 'lastName'];
/** Identifier properties: the same value on both sides puts two entities in one block. */
const ID_PROPS = ['phone', 'email', 'registrationNumber', 'taxNumber', 'innCode', 'passportNumber', 'idNumber', 'leiCode', 'imoNumber', 'iban'];
/** A blocking key held by more entities of the case than this is too common to select by (e.g. two frequent name words). */
export const MAX_BLOCK = 2000;

/** First phonetic code of a name word (the word itself when it has none: digits, other scripts). */
function sound(word: string): string {
  return phoneticKeys(word)[0] ?? word;
}

/**
 * Blocking keys of an entity: per name, every pair of its words' phonetic codes (a misspelt word keeps its code; two
 * names sharing two words' sounds may be the same, one shared word alone is not enough), a one-word name's own code,
 * and identifiers as written without punctuation.
 */
export function blockKeys(e: { properties: Readonly<Record<string, readonly string[]>> }): string[] {
  const keys = new Set<string>();
  for (const p of NAME_PROPS)
    for (const name of e.properties[p] ?? []) {
      const words = [...new Set(tokens(name.slice(0, 200)).map((t) => sound(foldDiacritics(t))))].slice(0, 8).sort();
      if (words.length === 1) keys.add(`n:${words[0]}`);
      for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) keys.add(`n:${words[i]}|${words[j]}`);
    }
  for (const p of ID_PROPS)
    for (const v of e.properties[p] ?? []) {
      const id = v.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
      if (id.length >= 4) keys.add(`i:${p}:${id}`);
    }
  return [...keys];
}

/**
 * The entities the screened ones are compared against: the screened ones and every other entity sharing a blocking key
 * with one of them (keys held by more than MAX_BLOCK entities of the case select nothing). Two passes over the others:
 * count how many hold each of the screened entities' keys, then keep those holding a selective one.
 */
export function blocked(screened: readonly Resolved[], others: readonly Resolved[]): Resolved[] {
  const count = new Map<string, number>();
  for (const e of screened) for (const k of blockKeys(e)) count.set(k, 0);
  const keysOf: (string[] | undefined)[] = new Array<string[] | undefined>(others.length);
  for (let i = 0; i < others.length; i++) {
    const mine = blockKeys(others[i]!).filter((k) => count.has(k));
    if (!mine.length) continue;
    keysOf[i] = mine;
    for (const k of mine) count.set(k, count.get(k)! + 1);
  }
  const out = [...screened];
  for (let i = 0; i < others.length; i++) if (keysOf[i]?.some((k) => count.get(k)! <= MAX_BLOCK)) out.push(others[i]!);
  return out;
}

/** Pairs written per INSERT statement. */
const INSERT_CHUNK = 200;

const matchable = (e: Resolved) => !e.edge && !!model.getSchema(e.schema)?.matchable;
const asMatch = (e: Resolved): MatchEntity => ({ id: e.id, schema: e.schema, properties: e.properties });

/** Proposes pairs: each matchable entity screened against the case's others and (unless `lists` is false) the active lists. */
/** Proposes pairs: each matchable entity (or each of one import's) screened against the case's others and (unless `lists` is false) the active lists. */
export async function crossReference(ctx: AppContext, caseRef: string, caller: Caller, opts: XrefOptions = {}): Promise<XrefResult> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  const everything = [...(await resolvedEntities(ctx.db.kysely, row.id)).values()].filter(matchable);
  let all = everything;
  let indexed = everything;
  if (opts.importId !== undefined) {
    const imp = await it(ctx.db.kysely)
      .selectFrom('intel_imports')
      .select('id')
      .where('case_id', '=', row.id)
      .where('id', '=', opts.importId)
      .executeTakeFirst();
    if (!imp) throw notFound('import', opts.importId);
    const records = new Set(
      (
        await it(ctx.db.kysely)
          .selectFrom('intel_support')
          .select('entity_id')
          .where('case_id', '=', row.id)
          .where('kind', '=', 'import')
          .where('ref_id', '=', opts.importId)
          .execute()
      ).map((r) => r.entity_id),
    );
    all = everything.filter((e) => e.records.some((r) => records.has(r)));
    const mine = new Set(all);
    indexed = blocked(
      all,
      everything.filter((e) => !mine.has(e)),
    );
  }
  const index = CandidateIndex.build(indexed.map(asMatch));
  type Proposal = { left: string; right: string; source: string; score: number; explanation: unknown; entity: unknown };
  const proposals: Proposal[] = [];
  for (const e of all) {
    const r = screen(index, asMatch(e), { candidates: 20 });
    for (const m of r.matches) {
      if (m.entityId === e.id || !commonSchema(e.schema, m.schema)) continue;
      // Each pair once, smaller id on the left, from whichever side found it first.
      const [left, right] = m.entityId < e.id ? [m.entityId, e.id] : [e.id, m.entityId];
      proposals.push({ left, right, source: 'case', score: m.score, explanation: m.explanation, entity: null });
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
        const ps = wanted.get(list);
        if (ps) ps.push(p);
        else wanted.set(list, [p]);
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
      const byId = new Map(found.map((x) => [x.id, x]));
      for (const p of ps) {
        const f = byId.get(p.right);
        if (f) p.entity = { id: f.id, schema: f.schema, properties: f.properties, list, version };
      }
    }
  }
  let proposed = 0;
  let repeated = 0;
  await ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const t = it(trx);
    const now = ctx.clock.now().toISOString();
    const known = new Set(
      (await t.selectFrom('intel_pairs').select(['left_id', 'right_id']).where('case_id', '=', row.id).execute()).map((p) => `${p.left_id}\u0000${p.right_id}`),
    );
    const fresh: Proposal[] = [];
    const taken = new Set<string>();
    for (const p of proposals) {
      const key = `${p.left}\u0000${p.right}`;
      if (taken.has(key)) continue; // found from both sides (or on two lists): proposed once
      taken.add(key);
      if (known.has(key)) repeated++;
      else fresh.push(p);
    }
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      await t
        .insertInto('intel_pairs')
        .values(
          fresh.slice(i, i + INSERT_CHUNK).map((p) => ({
            id: randomUUID(),
            case_id: row.id,
            left_id: p.left,
            right_id: p.right,
            source: p.source,
            right_entity: p.entity ? JSON.stringify(p.entity) : null,
            score: Math.round(p.score * 10000) / 10000,
            explanation: JSON.stringify(p.explanation),
            status: 'open' as const,
            decided_by: null,
            decided_at: null,
            created_at: now,
          })),
        )
        .execute();
    }
    proposed = fresh.length;
    await auditChange(ctx, trx, caller, row.id, 'xref', { entities: all.length, proposed, againstLists, importId: opts.importId ?? null });
  });
  return { caseId: row.id, entities: all.length, proposed, againstLists, known: repeated, indexed: indexed.length };
}
