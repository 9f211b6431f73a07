// FtM JSON lines of one version of a list (listed and auxiliary entities), streamed in id order with bounded memory.
import { validIn } from './store.js';
import type { WlExecutor } from './tables.js';

const PAGE = 1000;

/** One line per entity: `{"id","schema","properties","target","datasets"}`, `target` true for listed entities (as OpenSanctions marks them). */
export async function* exportLines(exec: WlExecutor, list: string, version: number): AsyncGenerator<string> {
  let after: string | undefined;
  for (;;) {
    let q = exec
      .selectFrom('watchlist_entities')
      .select(['id', 'schema', 'listed', 'properties'])
      .where('list', '=', list)
      .where(validIn(version))
      .orderBy('id')
      .limit(PAGE);
    if (after !== undefined) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const r of rows) {
      yield `{"id":${JSON.stringify(r.id)},"schema":${JSON.stringify(r.schema)},"properties":${r.properties},"target":${r.listed === 1},"datasets":${JSON.stringify([list])}}\n`;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}
