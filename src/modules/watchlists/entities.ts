// Reads of the entities of one version: paged search by name and schema, with the facts a result list shows.
import { sql } from 'kysely';
import { model } from '../../core/model/schema.js';
import { foldName, likePattern } from './names.js';
import { validIn } from './store.js';
import type { WlExecutor } from './tables.js';
import type { EntityRef } from './diff.js';

export interface EntityListItem extends EntityRef {
  countries: string[];
  birthDates: string[];
  programs: string[];
}

export interface SearchOptions {
  q?: string | undefined;
  schema?: string | undefined;
  limit: number;
  offset: number;
}

const countryProps = new Map<string, string[]>();
function countriesOf(schema: string, props: Record<string, string[]>): string[] {
  let names = countryProps.get(schema);
  if (!names) {
    const s = model.getSchema(schema);
    names = s ? [...s.properties.values()].filter((p) => p.type === 'country').map((p) => p.name) : [];
    countryProps.set(schema, names);
  }
  return [...new Set(names.flatMap((n) => props[n] ?? []))];
}

/** Listed entities of version `version`, ordered by caption, with the total matching. */
export async function searchEntities(
  exec: WlExecutor,
  list: string,
  version: number,
  opts: SearchOptions,
): Promise<{ items: EntityListItem[]; total: number }> {
  let base = exec.selectFrom('watchlist_entities').where('list', '=', list).where('listed', '=', 1).where(validIn(version));
  if (opts.schema) base = base.where('schema', '=', opts.schema);
  const folded = opts.q ? foldName(opts.q) : '';
  if (folded) {
    const pattern = likePattern(folded);
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('watchlist_names as n')
          .select(sql`1`.as('one'))
          .whereRef('n.list', '=', 'watchlist_entities.list')
          .whereRef('n.entity_id', '=', 'watchlist_entities.id')
          .whereRef('n.first_version', '=', 'watchlist_entities.first_version')
          .where(sql<boolean>`n.name like ${pattern} escape '\\'`),
      ),
    );
  }
  const totalRow = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await base.select(['id', 'schema', 'caption', 'properties']).orderBy('caption').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
  const programs = new Map<string, Set<string>>();
  if (rows.length) {
    const sanctions = await exec
      .selectFrom('watchlist_entities')
      .select(['owner_id', 'properties'])
      .where('list', '=', list)
      .where(
        'owner_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('schema', '=', 'Sanction')
      .where(validIn(version))
      .execute();
    for (const s of sanctions) {
      const p = JSON.parse(s.properties) as Record<string, string[]>;
      const set = programs.get(s.owner_id!) ?? new Set<string>();
      for (const v of p.program?.length ? p.program : (p.programId ?? [])) set.add(v);
      programs.set(s.owner_id!, set);
    }
  }
  const items = rows.map((r) => {
    const props = JSON.parse(r.properties) as Record<string, string[]>;
    const own = [...(props.program ?? []), ...(programs.get(r.id) ?? [])];
    return {
      id: r.id,
      schema: r.schema,
      caption: r.caption,
      countries: countriesOf(r.schema, props),
      birthDates: props.birthDate ?? [],
      programs: [...new Set(own)],
    };
  });
  return { items, total: Number(totalRow?.n ?? 0) };
}
