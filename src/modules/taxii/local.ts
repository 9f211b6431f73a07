// The local collection: where `vigil stix import` and the demo put objects when no collection is named.
import type { AppContext } from '../../platform/context.js';
import type { ActingAs } from '../../platform/auth/index.js';
import { FULL_ACCESS } from './access.js';
import { addCollection, findCollection, type Collection } from './collections.js';

export const LOCAL_ALIAS = 'local';

export async function localCollection(ctx: AppContext, by: ActingAs): Promise<Collection> {
  const found = await findCollection(ctx.db.kysely, 'default', LOCAL_ALIAS, FULL_ACCESS);
  if (found) return found;
  return addCollection(
    ctx.db,
    ctx.audit,
    { title: 'Local knowledge', alias: LOCAL_ALIAS, description: 'STIX objects imported into this Vigil; shared with no partner unless granted' },
    by,
    ctx.clock.now().toISOString(),
  );
}
