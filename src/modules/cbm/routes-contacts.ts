// HTTP routes of the points-of-contact directory: list, one with its versions, save, re-confirm, withdraw, STIX export.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { AppError } from '../../platform/errors.js';
import { callerOf } from './access.js';
import { checkContact } from './contact-data.js';
import { confirmContact, Contact, ContactDetail, getContact, listContacts, removeContact, saveContact } from './contacts.js';
import { CBM_READ, CBM_WRITE } from './permissions.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachments.js';
import { knownStates } from './states.js';
import { contactsBundle } from './stix.js';
import { CONTACT_KINDS } from './tables.js';

const tags = ['cbm'];
const Id = z.object({ id: z.string().min(1).max(100) });
const ContactBody = z.record(z.string(), z.unknown());
const CbmMe = z.object({
  state: z.string().nullable(),
  secretariat: z.boolean(),
  states: z.array(z.string()),
  reconfirmDays: z.number(),
  maxAttachmentBytes: z.number(),
  maxAttachments: z.number(),
});

function checked(body: unknown) {
  const r = checkContact(body);
  if (!r.value) {
    const first = r.problems[0]!;
    throw new AppError('validation-failed', `${first.field}: ${first.reason}`, { field: first.field, invalidParams: r.problems });
  }
  return r.value;
}

export function contactRoutes(app: HttpApp, ctx: AppContext): void {
  const who = (req: { principal: Parameters<typeof callerOf>[1] | null; id: string }) => callerOf(ctx.db.kysely, req.principal!, req.id);
  const Query = z.object({
    state: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    kind: z.enum(CONTACT_KINDS).optional(),
    stale: z.enum(['true', 'false']).optional(),
  });

  app.get(
    '/api/cbm/me',
    {
      schema: {
        tags,
        summary: 'The State the caller acts for, whether it is the secretariat, and the States of the network',
        response: { 200: CbmMe },
      },
      config: { permission: CBM_READ },
    },
    async (req) => {
      const c = await who(req);
      return {
        state: c.state,
        secretariat: c.secretariat,
        states: await knownStates(ctx),
        reconfirmDays: ctx.config.cbmReconfirmDays,
        maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
        maxAttachments: MAX_ATTACHMENTS,
      };
    },
  );

  app.get(
    '/api/cbm/contacts',
    {
      schema: {
        tags,
        summary: 'Points of contact of the network (shared with every participating State); stale = not re-confirmed in time',
        querystring: Query,
        response: { 200: z.object({ items: z.array(Contact) }) },
      },
      config: { permission: CBM_READ },
    },
    async (req) => ({
      items: await listContacts(ctx, {
        state: req.query.state,
        kind: req.query.kind,
        stale: req.query.stale === undefined ? undefined : req.query.stale === 'true',
      }),
    }),
  );

  app.get(
    '/api/cbm/contacts/export.stix',
    {
      schema: { tags, summary: 'The directory as a STIX 2.1 bundle: identities with the OASIS contact-information extension', querystring: Query },
      config: { permission: CBM_READ },
    },
    async (req, reply) => {
      const items = await listContacts(ctx, { state: req.query.state, kind: req.query.kind });
      const c = await who(req);
      await ctx.audit.record(ctx.db.kysely, { action: 'cbm.contact.export', actor: c.actor, requestId: req.id, details: { contacts: items.length } });
      return reply
        .type('application/stix+json;version=2.1')
        .header('content-disposition', 'attachment; filename="points-of-contact.stix.json"')
        .send(JSON.stringify(contactsBundle(items, `${ctx.clock.now().toISOString()}|${items.map((i) => `${i.id}@${i.version}`).join(',')}`), null, 2));
    },
  );

  app.get(
    '/api/cbm/contacts/:id',
    {
      schema: { tags, summary: 'One point of contact with every version: who changed which fields, when', params: Id, response: { 200: ContactDetail } },
      config: { permission: CBM_READ },
    },
    async (req) => {
      const contact = await getContact(ctx, req.params.id);
      const c = await who(req);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'cbm.contact.view',
        actor: c.actor,
        target: { type: 'cbm-contact', id: contact.id },
        requestId: req.id,
        details: { versions: contact.versions.length },
      });
      return contact;
    },
  );

  app.post(
    '/api/cbm/contacts',
    {
      schema: {
        tags,
        summary: "Add a point of contact of the caller's State (the secretariat: any State)",
        body: ContactBody,
        response: { 200: ContactDetail, 201: ContactDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req, reply) => {
      const r = await saveContact(ctx, checked(req.body), await who(req));
      return reply.code(r.outcome === 'created' ? 201 : 200).send(await getContact(ctx, r.id));
    },
  );

  app.put(
    '/api/cbm/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a point of contact: a new version naming the changed fields',
        params: Id,
        body: ContactBody,
        response: { 200: ContactDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req) => {
      const r = await saveContact(ctx, checked(req.body), await who(req), req.params.id);
      return getContact(ctx, r.id);
    },
  );

  app.post(
    '/api/cbm/contacts/:id/confirm',
    {
      schema: { tags, summary: 'Re-confirm a point of contact as still right', params: Id, response: { 200: ContactDetail } },
      config: { permission: CBM_WRITE },
    },
    async (req) => {
      await confirmContact(ctx, req.params.id, await who(req));
      return getContact(ctx, req.params.id);
    },
  );

  app.delete(
    '/api/cbm/contacts/:id',
    { schema: { tags, summary: 'Withdraw a point of contact (its versions stay)', params: Id }, config: { permission: CBM_WRITE } },
    async (req, reply) => {
      await removeContact(ctx, req.params.id, await who(req));
      return reply.code(204).send();
    },
  );
}
