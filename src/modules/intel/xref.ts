// Cross-referencing: the screening engine proposes pairs of probably-same entities, within a case and against the lists.
import { randomUUID } from 'node:crypto';
import {
  CandidateIndex,
  DEFAULT_MODEL,
  explanationOf,
  Lexicon,
  prepareSubject,
  scoreSubjects,
  screen,
  thresholdFor,
  type MatchEntity,
} from '../../core/match/index.js';
import { foldDiacritics, phoneticKeys, tokens } from '../../core/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { currentIndex } from '../screening/index.js';
import { entitiesIn } from '../watchlists/index.js';
import { auditChange, openCase, type Caller } from './access.js';
import { commonSchema, matchableEntities, type Matchable } from './entities.js';
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
  /** Entities the screened ones were compared against (with `importId`: those the blocking kept, the screened ones included). */
  indexed: number;
  /** With `importId`: pairs of entities blocking gave that were scored (0 without: the screening engine retrieves its own). */
  scoredPairs: number;
  /**
   * With `importId`: pairs not compared because the only key joining them is held by too many entities (an upper
   * bound; see Blocking.skippedPairs). 0 without.
   */
  skippedPairs: number;
  /** With `importId`: pairs not compared because a screened entity had more than MAX_CANDIDATES in its blocks. 0 without. */
  cappedPairs: number;
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
/** A blocking key held by more entities than this is too common to select by (e.g. two frequent name words); its pairs are counted as skipped. */
export const MAX_BLOCK = 2000;
/** Most entities one screened entity is scored against (those sharing the most keys first); the rest are counted as capped. */
export const MAX_CANDIDATES = 200;

/** Phonetic codes of name words seen (names repeat their words: a case of a million entities has far fewer distinct words). */
const soundMemo = new Map<string, string>();
/** First phonetic code of a name word, diacritics folded (the word itself when it has none: digits, other scripts). */
function sound(word: string): string {
  let s = soundMemo.get(word);
  if (s === undefined) {
    const folded = foldDiacritics(word);
    s = phoneticKeys(folded)[0] ?? folded;
    if (soundMemo.size >= 500_000) soundMemo.clear();
    soundMemo.set(word, s);
  }
  return s;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Blocking keys of an entity: per name, every pair of its words' phonetic codes (a misspelt word keeps its code; two
 * names sharing two words' sounds may be the same, one shared word alone is not enough), a one-word name's own code,
 * each word's code with a full date of birth (a word misspelt beyond its sound still leaves the other word and the
 * date), and identifiers as written without punctuation.
 */
export function blockKeys(e: { properties: Readonly<Record<string, readonly string[]>> }): string[] {
  return keysOf(e);
}

/** Blocking keys; with `sounds`, only the name keys all of whose words' codes are among them (the others can join no block). */
function keysOf(e: { properties: Readonly<Record<string, readonly string[]>> }, sounds?: ReadonlySet<string>): string[] {
  // Built as plain strings in an array (this runs once per entity of the case): duplicates dropped at the end.
  const out: string[] = [];
  let born: string[] | undefined;
  for (const d of e.properties.birthDate ?? []) if (FULL_DATE.test(d)) (born ??= []).push(d.slice(0, 10));
  let names = 0;
  for (const p of NAME_PROPS) {
    const values = e.properties[p];
    if (!values) continue;
    for (const name of values) {
      names++;
      const words: string[] = [];
      for (const t of tokens(name.length > 200 ? name.slice(0, 200) : name)) {
        const w = sound(t);
        if (!words.includes(w)) words.push(w);
        if (words.length === 8) break;
      }
      if (words.length === 1) out.push('n:' + words[0]);
      const ws = sounds ? words.filter((w) => sounds.has(w)) : words;
      ws.sort();
      for (let i = 0; i < ws.length; i++) for (let j = i + 1; j < ws.length; j++) out.push('n:' + ws[i] + '|' + ws[j]);
      if (born) for (const d of born) for (const w of ws) out.push('d:' + d + '|' + w);
    }
  }
  for (const p of ID_PROPS) {
    const values = e.properties[p];
    if (!values) continue;
    for (const v of values) {
      const id = v.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
      if (id.length >= 4) out.push('i:' + p + ':' + id);
    }
  }
  return names > 1 || (born && born.length > 1) || out.length > 12 ? [...new Set(out)] : dedupeSmall(out);
}

/** Drops repeated keys of a short list (an entity with one name has few keys, and rarely the same twice). */
function dedupeSmall(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) if (keys.indexOf(keys[i]!) < i) return [...new Set(keys)];
  return keys;
}

/** The pairs blocking gives: who is compared with whom, and how many pairs the limits left out. */
export interface Blocking {
  /** The screened entities, then the others that share a usable key with one of them. */
  pool: Matchable[];
  /** Per screened entity (pool index), the pool indexes it is compared with, most shared keys first; each pair once. */
  candidates: number[][];
  /** Keys of screened entities held by more than MAX_BLOCK entities: not used to select pairs. */
  oversizedKeys: number;
  /**
   * Pairs a screened entity would have been compared with through an oversized key (an upper bound: a pair that
   * shares another, usable key is compared all the same).
   */
  skippedPairs: number;
  /** Pairs beyond MAX_CANDIDATES of a screened entity (those sharing the fewest keys): not compared. */
  cappedPairs: number;
}

/**
 * Blocks the screened entities against the others: two entities are compared when they share a blocking key held by
 * at most `maxBlock` entities; each screened entity with at most `maxCandidates` of them. Two passes over the others:
 * count how many hold each of the screened entities' keys, then keep those holding a usable one.
 */
export function block(screened: readonly Matchable[], others: readonly Matchable[], maxBlock = MAX_BLOCK, maxCandidates = MAX_CANDIDATES): Blocking {
  const count = new Map<string, number>();
  const screenedKeys = screened.map((e) => keysOf(e));
  for (const ks of screenedKeys) for (const k of ks) count.set(k, (count.get(k) ?? 0) + 1);
  const sounds = new Set<string>();
  for (const e of screened)
    for (const p of NAME_PROPS) for (const name of e.properties[p] ?? []) for (const w of tokens(name.slice(0, 200))) sounds.add(sound(w));
  const othersKeys: (string[] | undefined)[] = new Array<string[] | undefined>(others.length);
  for (let i = 0; i < others.length; i++) {
    const mine = keysOf(others[i]!, sounds).filter((k) => count.has(k));
    if (!mine.length) continue;
    othersKeys[i] = mine;
    for (const k of mine) count.set(k, count.get(k)! + 1);
  }
  const usable = (k: string) => count.get(k)! <= maxBlock;
  const pool: Matchable[] = [...screened];
  const members = new Map<string, number[]>();
  const join = (k: string, at: number) => {
    const list = members.get(k);
    if (list) list.push(at);
    else members.set(k, [at]);
  };
  screenedKeys.forEach((ks, i) => ks.filter(usable).forEach((k) => join(k, i)));
  for (let i = 0; i < others.length; i++) {
    const ks = othersKeys[i]?.filter(usable);
    if (!ks?.length) continue;
    const at = pool.push(others[i]!) - 1;
    for (const k of ks) join(k, at);
  }
  let oversizedKeys = 0;
  let skippedPairs = 0;
  let cappedPairs = 0;
  const oversized = new Set<string>();
  const stamp = new Int32Array(pool.length).fill(-1);
  const shared = new Int32Array(pool.length);
  const candidates = screenedKeys.map((ks, i) => {
    const found: number[] = [];
    for (const k of ks) {
      const list = members.get(k);
      if (!list) {
        if (!oversized.has(k)) {
          oversized.add(k);
          oversizedKeys++;
        }
        skippedPairs += count.get(k)! - 1;
        continue;
      }
      for (const m of list) {
        // Two screened entities are compared once, from the first of them.
        if (m === i || (m < screened.length && m < i)) continue;
        if (stamp[m] !== i) {
          stamp[m] = i;
          shared[m] = 0;
          found.push(m);
        }
        shared[m] = shared[m]! + 1;
      }
    }
    found.sort((a, b) => shared[b]! - shared[a]! || a - b);
    if (found.length > maxCandidates) {
      cappedPairs += found.length - maxCandidates;
      found.length = maxCandidates;
    }
    return found;
  });
  return { pool, candidates, oversizedKeys, skippedPairs, cappedPairs };
}

/** Pairs written per INSERT statement. */
const INSERT_CHUNK = 200;

const asMatch = (e: Matchable): MatchEntity => ({ id: e.id, schema: e.schema, properties: e.properties });

/** Proposes pairs: each matchable entity (or each of one import's) screened against the case's others and (unless `lists` is false) the active lists. */
export async function crossReference(ctx: AppContext, caseRef: string, caller: Caller, opts: XrefOptions = {}): Promise<XrefResult> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  const everything = await matchableEntities(ctx.db.kysely, row.id);
  let all = everything;
  let blocking: Blocking | undefined;
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
    blocking = block(
      all,
      everything.filter((e) => !mine.has(e)),
    );
  }
  type Proposal = { left: string; right: string; source: string; score: number; explanation: unknown; entity: unknown };
  const proposals: Proposal[] = [];
  let scored = 0;
  if (blocking) {
    // Within blocks: each entity prepared once, every pair a block gives scored (no retrieval needed).
    const m = DEFAULT_MODEL;
    const threshold = thresholdFor({}, m);
    const lex = new Lexicon();
    const subjects = blocking.pool.map((e) => prepareSubject(asMatch(e), lex, true));
    for (const s of subjects) for (const f of s.names) lex.count(new Set(f.tokens.map((t) => t.id)), 1);
    const compatible = new Map<string, boolean>();
    blocking.candidates.forEach((cs, i) => {
      const q = subjects[i]!;
      if (!q.names.length) return;
      for (const j of cs) {
        const c = subjects[j]!;
        if (!c.names.length) continue;
        const pair = `${q.schema}\u0000${c.schema}`;
        let ok = compatible.get(pair);
        if (ok === undefined) compatible.set(pair, (ok = !!commonSchema(q.schema, c.schema)));
        if (!ok) continue;
        scored++;
        // Proven below the threshold without aligning every name: null.
        const s = scoreSubjects(q, c, lex, m, undefined, threshold);
        if (!s || s.score < threshold) continue;
        const [left, right] = c.id < q.id ? [c.id, q.id] : [q.id, c.id];
        proposals.push({ left, right, source: 'case', score: s.score, explanation: explanationOf(q, c, s, m, lex), entity: null });
      }
    });
  } else {
    const index = CandidateIndex.build(all.map(asMatch));
    for (const e of all) {
      const r = screen(index, asMatch(e), { candidates: 20 });
      for (const m of r.matches) {
        if (m.entityId === e.id || !commonSchema(e.schema, m.schema)) continue;
        // Each pair once, smaller id on the left, from whichever side found it first.
        const [left, right] = m.entityId < e.id ? [m.entityId, e.id] : [e.id, m.entityId];
        proposals.push({ left, right, source: 'case', score: m.score, explanation: m.explanation, entity: null });
      }
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
    await auditChange(ctx, trx, caller, row.id, 'xref', {
      entities: all.length,
      proposed,
      againstLists,
      importId: opts.importId ?? null,
      ...(blocking ? { skippedPairs: blocking.skippedPairs, cappedPairs: blocking.cappedPairs } : {}),
    });
  });
  return {
    caseId: row.id,
    entities: all.length,
    proposed,
    againstLists,
    known: repeated,
    indexed: blocking ? blocking.pool.length : all.length,
    scoredPairs: scored,
    skippedPairs: blocking?.skippedPairs ?? 0,
    cappedPairs: blocking?.cappedPairs ?? 0,
  };
}
