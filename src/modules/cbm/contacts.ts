// Points of contact: kept per State and kind, every change a new version saying who changed which fields; stale when not re-confirmed.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { actsFor, type Caller } from './access.js';
import { changedFields, ContactData, dataOf, type ContactInput } from './contact-data.js';
import { cb, CONTACT_KINDS, type CbmExecutor, type ContactKind, type ContactRow } from './tables.js';

export const Contact = ContactData.extend({
  id: z.string(),
  state: z.string(),
  kind: z.enum(CONTACT_KINDS),
  version: z.number(),
  lastVerifiedAt: z.string().nullable(),
  /** Not re-confirmed within the period (VIGIL_CBM_RECONFIRM_DAYS). */
  stale: z.boolean(),
  removed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactVersion = z.object({
  version: z.number(),
  fields: z.array(z.string()),
  actorId: z.string().nullable(),
  /** The display name of the user who made the change; null for the system (import by the CLI, demo). */
  actorName: z.string().nullable(),
  changedAt: z.string(),
  data: ContactData,
});
export type ContactVersion = z.infer<typeof ContactVersion>;

/** A contact with every version, as GET /api/cbm/contacts/:id answers. */
export const ContactDetail = Contact.extend({ versions: z.array(ContactVersion) });
export type ContactDetail = z.infer<typeof ContactDetail>;

const DAY = 86_400_000;

export function staleBefore(ctx: Pick<AppContext, 'clock' | 'config'>): string {
  return new Date(ctx.clock.now().getTime() - ctx.config.cbmReconfirmDays * DAY).toISOString();
}

export const toContact = (r: ContactRow, staleAt: string): Contact => ({
  id: r.id,
  state: r.state,
  kind: r.kind,
  version: r.version,
  ...(JSON.parse(r.data) as ContactData),
  lastVerifiedAt: r.last_verified_at,
  stale: !r.last_verified_at || r.last_verified_at < staleAt,
  removed: r.removed === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listContacts(
  ctx: Pick<AppContext, 'clock' | 'config' | 'db'>,
  q: { state?: string | undefined; kind?: ContactKind | undefined; stale?: boolean | undefined; includeRemoved?: boolean | undefined } = {},
): Promise<Contact[]> {
  let query = cb(ctx.db.kysely).selectFrom('cbm_contacts').selectAll();
  if (q.state) query = query.where('state', '=', q.state);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (!q.includeRemoved) query = query.where('removed', '=', 0);
  const at = staleBefore(ctx);
  const rows = (await query.orderBy('state').orderBy('kind').orderBy('created_at').execute()).map((r) => toContact(r, at));
  return q.stale === undefined ? rows : rows.filter((c) => c.stale === q.stale);
}

export async function getContact(ctx: Pick<AppContext, 'clock' | 'config' | 'db'>, id: string): Promise<ContactDetail> {
  const db = cb(ctx.db.kysely);
  const row = await db.selectFrom('cbm_contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contact', id);
  const versions = await db
    .selectFrom('cbm_contact_versions as v')
    .leftJoin('users as u', 'u.id', 'v.actor_id')
    .select(['v.version', 'v.fields', 'v.actor_id', 'v.changed_at', 'v.data', 'u.display_name'])
    .where('v.contact_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  return {
    ...toContact(row, staleBefore(ctx)),
    versions: versions.map((v) => ({
      version: v.version,
      fields: JSON.parse(v.fields) as string[],
      actorId: v.actor_id,
      actorName: v.display_name ?? null,
      changedAt: v.changed_at,
      data: JSON.parse(v.data) as ContactData,
    })),
  };
}

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Creates or updates (matched by id, else by State, kind and e-mail) one contact in the caller's transaction; saving confirms it. */
export async function saveContactIn(
  ctx: AppContext,
  trx: Executor,
  input: ContactInput,
  by: Caller,
  id?: string,
): Promise<{ id: string; outcome: SaveOutcome }> {
  if (!actsFor(by, input.state)) throw new AppError('forbidden', `You may keep only the contacts of your own State (${by.state ?? 'none'}).`);
  const db = cb(trx);
  const now = ctx.clock.now().toISOString();
  const found = id
    ? await db.selectFrom('cbm_contacts').selectAll().where('id', '=', id).executeTakeFirst()
    : await db
        .selectFrom('cbm_contacts')
        .selectAll()
        .where('state', '=', input.state)
        .where('kind', '=', input.kind)
        .where('email', '=', input.email)
        .executeTakeFirst();
  if (id && !found) throw notFound('Contact', id);
  if (found && !actsFor(by, found.state)) throw new AppError('forbidden', `You may keep only the contacts of your own State (${by.state ?? 'none'}).`);
  const data = dataOf(input);
  const previous = found ? (JSON.parse(found.data) as ContactData) : null;
  const fields = changedFields(previous, data);
  if (found && fields.length === 0 && found.state === input.state && found.kind === input.kind && !found.removed) {
    await db.updateTable('cbm_contacts').set({ last_verified_at: now, reminded_at: null }).where('id', '=', found.id).execute();
    return { id: found.id, outcome: 'unchanged' };
  }
  const contactId = found?.id ?? newId('poc', ctx.clock.now());
  const version = (found?.version ?? 0) + 1;
  const values = {
    state: input.state,
    kind: input.kind,
    version,
    data: JSON.stringify(data),
    email: input.email,
    last_verified_at: now,
    reminded_at: null,
    removed: 0,
    updated_at: now,
  };
  if (found) await db.updateTable('cbm_contacts').set(values).where('id', '=', contactId).execute();
  else
    await db
      .insertInto('cbm_contacts')
      .values({ id: contactId, ...values, created_at: now })
      .execute();
  await db
    .insertInto('cbm_contact_versions')
    .values({ contact_id: contactId, version, data: JSON.stringify(data), fields: JSON.stringify(fields), actor_id: by.actor.id, changed_at: now })
    .execute();
  await ctx.audit.record(trx, {
    action: found ? 'cbm.contact.update' : 'cbm.contact.create',
    actor: by.actor,
    target: { type: 'cbm-contact', id: contactId },
    requestId: by.requestId,
    details: { version, fields },
  });
  return { id: contactId, outcome: found ? 'updated' : 'created' };
}

export async function saveContact(ctx: AppContext, input: ContactInput, by: Caller, id?: string) {
  return ctx.db.transaction((trx) => saveContactIn(ctx, trx, input, by, id));
}

/** Imports checked contacts in one transaction: all or nothing. */
export async function importContacts(ctx: AppContext, inputs: readonly ContactInput[], by: Caller): Promise<Record<SaveOutcome, number>> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await ctx.db.transaction(async (trx) => {
    for (const input of inputs) counts[(await saveContactIn(ctx, trx, input, by)).outcome]++;
    await ctx.audit.record(trx, { action: 'cbm.contact.import', actor: by.actor, requestId: by.requestId, details: { ...counts } });
  });
  return counts;
}

async function contactFor(db: CbmExecutor, id: string, by: Caller): Promise<ContactRow> {
  const row = await db.selectFrom('cbm_contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contact', id);
  if (!actsFor(by, row.state)) throw new AppError('forbidden', `You may keep only the contacts of your own State (${by.state ?? 'none'}).`);
  return row;
}

/** Re-confirms a contact as still right: resets its stale flag without a new version. */
export async function confirmContact(ctx: AppContext, id: string, by: Caller): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    await contactFor(cb(trx), id, by);
    await cb(trx).updateTable('cbm_contacts').set({ last_verified_at: ctx.clock.now().toISOString(), reminded_at: null }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { action: 'cbm.contact.confirm', actor: by.actor, target: { type: 'cbm-contact', id }, requestId: by.requestId });
  });
}

/** Withdraws a contact; its versions stay. */
export async function removeContact(ctx: AppContext, id: string, by: Caller): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    await contactFor(cb(trx), id, by);
    await cb(trx).updateTable('cbm_contacts').set({ removed: 1, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { action: 'cbm.contact.remove', actor: by.actor, target: { type: 'cbm-contact', id }, requestId: by.requestId });
  });
}
