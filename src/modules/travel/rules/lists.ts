// Named value lists rules refer to (`in list "high-risk-routes"`): versioned like rules; a change is refused if a rule could not use it.
import type { AppContext } from '../../../platform/context.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { sensitiveValue, CATEGORIES } from './sensitive.js';
import { ru, type RuExecutor } from './tables.js';
import { actorName, RULES_CHANGED, type By } from './by.js';
import { checkRulesWithList } from './rules.js';

export const LIST_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_LIST_ENTRIES = 5000;

export interface ListView {
  name: string;
  version: number;
  description: string;
  entries: string[];
  createdBy: string;
  createdAt: string;
}

const view = (r: { name: string; version: number; description: string; entries: string; created_by: string; created_at: string }): ListView => ({
  name: r.name,
  version: r.version,
  description: r.description,
  entries: JSON.parse(r.entries) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** The latest version of every list. */
export async function latestLists(exec: RuExecutor): Promise<ListView[]> {
  const rows = await exec
    .selectFrom('travel_rule_lists as l')
    .selectAll('l')
    .where(({ eb, selectFrom }) =>
      eb(
        'l.version',
        '=',
        selectFrom('travel_rule_lists as m')
          .select((e) => e.fn.max('m.version').as('v'))
          .whereRef('m.name', '=', 'l.name'),
      ),
    )
    .orderBy('l.name')
    .execute();
  return rows.map(view);
}

export async function getList(ctx: AppContext, name: string, version?: number): Promise<ListView & { versions: number[] }> {
  const t = ru(ctx.db.kysely);
  const versions = (await t.selectFrom('travel_rule_lists').select('version').where('name', '=', name).orderBy('version').execute()).map((r) => r.version);
  if (!versions.length) throw notFound('value list', name);
  const want = version ?? versions.at(-1)!;
  const row = await t.selectFrom('travel_rule_lists').selectAll().where('name', '=', name).where('version', '=', want).executeTakeFirst();
  if (!row) throw notFound('value list version', `${name}@${want}`);
  return { ...view(row), versions };
}

/** Checks and cleans the entries: trimmed, no empties or repeats, none revealing a sensitive characteristic. */
export function cleanEntries(entries: readonly string[]): string[] {
  if (entries.length > MAX_LIST_ENTRIES) throw invalid('entries', `at most ${MAX_LIST_ENTRIES} entries`);
  const out: string[] = [];
  for (const [i, raw] of entries.entries()) {
    const e = raw.trim();
    if (!e) continue;
    if (e.length > 200) throw invalid(`entries[${i}]`, 'an entry has at most 200 characters');
    const c = sensitiveValue(e);
    if (c) throw invalid(`entries[${i}]`, `"${e}" refers to ${CATEGORIES[c]}; lists may not hold sensitive characteristics (EU PNR Directive art. 6(4))`);
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** Saves a new version of a list (the first creates it); the same entries and description change nothing. */
export async function setList(
  ctx: AppContext,
  input: { name: string; entries: readonly string[]; description?: string | undefined },
  by: By,
): Promise<ListView & { changed: boolean }> {
  if (!LIST_NAME.test(input.name)) throw invalid('name', 'a list name is 1-63 lower-case letters, digits and hyphens, e.g. high-risk-routes');
  const c = sensitiveValue(input.name);
  if (c) throw invalid('name', `the name refers to ${CATEGORIES[c]}; lists may not be about sensitive characteristics`);
  const entries = cleanEntries(input.entries);
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'travel-rules');
    const t = ru(trx);
    const last = await t.selectFrom('travel_rule_lists').selectAll().where('name', '=', input.name).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const description = input.description ?? last?.description ?? '';
    if (last && last.entries === JSON.stringify(entries) && last.description === description) return { ...view(last), changed: false };
    const version = (last?.version ?? 0) + 1;
    // Every rule that uses the list must still compile with the new entries (an airport list cannot become a country list).
    await checkRulesWithList(t, { name: input.name, version, values: entries });
    const row = {
      name: input.name,
      version,
      description,
      entries: JSON.stringify(entries),
      created_by: actorName(by.actor),
      created_at: ctx.clock.now().toISOString(),
    };
    await t.insertInto('travel_rule_lists').values(row).execute();
    await ctx.audit.record(trx, {
      action: 'travel.rule-list.set',
      actor: by.actor,
      target: { type: 'travel-rule-list', id: input.name },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { version, entries: entries.length },
    });
    await ctx.outbox.emit(trx, { topic: RULES_CHANGED, key: `list:${input.name}`, payload: { list: input.name, version } });
    return { ...view(row), changed: true };
  });
}
