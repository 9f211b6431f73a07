// Records already in Vigil added to a case by reference: a list entity, a traveller, an alert's listed entity.
import type { EntityData } from '../../core/model/index.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { ALERTS_READ, getAlert } from '../alerts/index.js';
import { getTraveller, TRAVEL_READ } from '../travel/index.js';
import { activeVersions, entitiesIn, WATCHLISTS_READ } from '../watchlists/index.js';
import { auditChange, openCase, type Caller } from './access.js';
import { checkEntity, upsertEntities } from './entities.js';

export const REFERENCE_KINDS = ['watchlist', 'traveller', 'alert'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface ReferenceInput {
  kind: ReferenceKind;
  /** The record's id: a list entity's id, a traveller's id, an alert's id. */
  id: string;
  /** For `watchlist`: the list's name. */
  list?: string | undefined;
}

async function recordOf(ctx: AppContext, ref: ReferenceInput, caller: Caller): Promise<{ entity: EntityData; refId: string }> {
  const need = { watchlist: WATCHLISTS_READ, traveller: TRAVEL_READ, alert: ALERTS_READ }[ref.kind];
  if (!caller.can(need)) throw forbidden(`Adding a ${ref.kind} needs the permission ${need}`);
  if (ref.kind === 'watchlist') {
    if (!ref.list) throw invalid('list', 'the name of the list the entity is on');
    const version = (await activeVersions(ctx.db.kysely))[ref.list];
    if (version === undefined) throw notFound('list', ref.list.slice(0, 100));
    const [e] = await entitiesIn(ctx.db.kysely, ref.list, version, [ref.id]);
    if (!e) throw notFound('list entity', ref.id.slice(0, 100));
    return { entity: { id: e.id, schema: e.schema, properties: e.properties }, refId: `watchlist:${ref.list}:${e.id}` };
  }
  if (ref.kind === 'alert') {
    const a = await getAlert(ctx.db.kysely, ref.id);
    return { entity: { id: a.entityId, schema: a.entitySchema, properties: a.entity as Record<string, string[]> }, refId: `alert:${a.id}` };
  }
  const t = await getTraveller(ctx, ref.id, { actor: caller.actor, requestId: caller.requestId });
  const props: Record<string, string[]> = {
    name: [[t.givenNames, t.surname].filter(Boolean).join(' ')].filter(Boolean),
    firstName: [t.givenNames].filter(Boolean),
    lastName: [t.surname].filter(Boolean),
  };
  if (t.birthDate) props.birthDate = [t.birthDate];
  if (t.nationality && /^[a-z]{2}$/i.test(t.nationality)) props.nationality = [t.nationality.toLowerCase()];
  if (t.documentNumber) props.passportNumber = [t.documentNumber];
  return { entity: { id: `traveller-${t.id}`, schema: 'Person', properties: props }, refId: `traveller:${t.id}` };
}

/** Adds a record from elsewhere in Vigil to a case; it keeps a support row naming where it came from. */
export async function addReference(ctx: AppContext, caseRef: string, ref: ReferenceInput, caller: Caller): Promise<{ entityId: string; refId: string }> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  const { entity, refId } = await recordOf(ctx, ref, caller);
  const clean = checkEntity(entity);
  await ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    await upsertEntities(trx, row.id, [clean], { kind: 'reference', refId }, ctx.clock.now().toISOString());
    await auditChange(ctx, trx, caller, row.id, 'reference.add', { entityId: clean.id, refId });
  });
  return { entityId: clean.id, refId };
}
