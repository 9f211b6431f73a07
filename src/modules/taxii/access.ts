// Who may see what over TAXII: the home agency sees every collection; a partner organisation only its grants, up to its highest TLP.
import type { Principal } from '../../platform/auth/index.js';
import type { Executor } from '../../platform/db/index.js';
import { TLP_LEVELS, tlpRank, type TlpLevel } from '../../core/stix/index.js';
import { tx } from './tables.js';

export interface Access {
  /** Organisation the rights come from; null for the local operator (CLI). */
  orgId: string | null;
  /** True for a partner organisation: only granted collections, only objects up to maxRank. */
  partner: boolean;
  maxRank: number;
  grants: ReadonlyMap<string, { read: boolean; write: boolean }>;
}

export const FULL_ACCESS: Access = { orgId: null, partner: false, maxRank: TLP_LEVELS.length - 1, grants: new Map() };

/** The access of a principal: partner rights when its organisation is a TAXII partner or of kind `partner`, full otherwise. */
export async function accessOf(exec: Executor, p: Principal): Promise<Access> {
  const db = tx(exec);
  const partner = await db.selectFrom('taxii_partners').selectAll().where('org_id', '=', p.orgId).executeTakeFirst();
  if (!partner) {
    const org = await db.selectFrom('organisations').select('kind').where('id', '=', p.orgId).executeTakeFirst();
    if (org?.kind === 'partner') return { orgId: p.orgId, partner: true, maxRank: -1, grants: new Map() };
    return { ...FULL_ACCESS, orgId: p.orgId };
  }
  const rows = await db.selectFrom('taxii_grants').selectAll().where('org_id', '=', p.orgId).execute();
  return {
    orgId: p.orgId,
    partner: true,
    maxRank: tlpRank(partner.max_tlp as TlpLevel),
    grants: new Map(rows.map((g) => [g.collection_id, { read: g.can_read === 1, write: g.can_write === 1 }])),
  };
}

export function rightsOn(access: Access, collectionId: string): { visible: boolean; read: boolean; write: boolean } {
  if (!access.partner) return { visible: true, read: true, write: true };
  const g = access.grants.get(collectionId);
  return g ? { visible: true, read: g.read, write: g.write } : { visible: false, read: false, write: false };
}
