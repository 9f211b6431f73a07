// Demo data: the OASIS STIX 2.1 example bundles and a slice of MITRE ATT&CK for ICS, committed under demo/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { FULL_ACCESS } from './access.js';
import { addCollection, findCollection } from './collections.js';
import { ingest } from './ingest.js';

export const DEMO_ALIAS = 'demo';

/** The demo folder, from src/ or (walking up to the checkout) from dist/. */
export function demoDir(from = import.meta.dirname): string | undefined {
  for (let dir = from; ; dir = join(dir, '..')) {
    for (const p of [join(dir, 'demo'), join(dir, 'src', 'modules', 'taxii', 'demo')]) if (existsSync(join(p, 'ics-attack-18.1-slice.json'))) return p;
    if (join(dir, '..') === dir) return undefined;
  }
}

export async function taxiiDemo(ctx: AppContext): Promise<string[]> {
  const dir = demoDir();
  if (!dir) return ['taxii: demo data folder not found; skipped'];
  const by = { actor: SYSTEM_ACTOR };
  const c =
    (await findCollection(ctx.db.kysely, 'default', DEMO_ALIAS, FULL_ACCESS)) ??
    (await addCollection(
      ctx.db,
      ctx.audit,
      {
        title: 'Demo: OASIS examples and ATT&CK for ICS',
        alias: DEMO_ALIAS,
        description: 'OASIS STIX 2.1 example bundles and a slice of MITRE ATT&CK for ICS v18.1',
      },
      by,
      ctx.clock.now().toISOString(),
    ));
  let added = 0;
  let rejected = 0;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const r = await ingest(ctx, c.id, JSON.parse(readFileSync(join(dir, name), 'utf8')), by);
    added += r.added;
    rejected += r.rejected;
  }
  return [`taxii: ${added} STIX objects in collection /taxii2/default/collections/${c.id}/ (${DEMO_ALIAS})${rejected ? `, ${rejected} rejected` : ''}`];
}
