// The States of the network: every organisation with a country, and every State with a point of contact.
import type { AppContext } from '../../platform/context.js';
import { cb } from './tables.js';

export async function knownStates(ctx: Pick<AppContext, 'db'>): Promise<string[]> {
  const db = cb(ctx.db.kysely);
  const orgs = await db.selectFrom('organisations').select('country').where('country', 'is not', null).where('disabled', '=', 0).execute();
  const contacts = await db.selectFrom('cbm_contacts').select('state').where('removed', '=', 0).distinct().execute();
  return [...new Set([...orgs.map((o) => o.country!), ...contacts.map((c) => c.state)])].sort();
}
