// HTTP routes of consultations and broadcasts: only their parties (and the secretariat) can reach them, by any route.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { callerOf } from './access.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';
import {
  ACTIONS,
  ConsultationDetail,
  ConsultationSummary,
  createConsultation,
  getAttachment,
  getConsultation,
  listConsultations,
  reply,
  TLPS,
  transition,
} from './consultations.js';
import { CBM_READ, CBM_WRITE } from './permissions.js';
import { CONSULTATION_STATUSES, SEVERITIES } from './tables.js';

const tags = ['cbm'];
const Id = z.object({ id: z.string().min(1).max(100) });
const Attachment = z.object({
  name: z.string().min(1).max(200),
  mediaType: z.string().min(3).max(130),
  content: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 100),
});
/** Room for the largest attachments in base64, with the text around them. */
const BODY_LIMIT = 5 * (Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4) + 256 * 1024;

export function consultationRoutes(app: HttpApp, ctx: AppContext): void {
  const who = (req: { principal: Parameters<typeof callerOf>[1] | null; id: string }) => callerOf(ctx.db.kysely, req.principal!, req.id);

  app.get(
    '/api/cbm/consultations',
    {
      schema: {
        tags,
        summary: "Consultations and broadcasts the caller's State is party to (the secretariat: all)",
        querystring: z.object({ status: z.enum(CONSULTATION_STATUSES).optional(), kind: z.enum(['consultation', 'broadcast']).optional() }),
        response: { 200: z.object({ items: z.array(ConsultationSummary) }) },
      },
      config: { permission: CBM_READ },
    },
    async (req) => ({ items: await listConsultations(ctx, await who(req), req.query) }),
  );

  app.post(
    '/api/cbm/consultations',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Write a consultation to other States, or a broadcast to all or a group (a draft unless send is true)',
        body: z.object({
          kind: z.enum(['consultation', 'broadcast']).default('consultation'),
          to: z.array(z.string().max(2)).max(100).default([]),
          subject: z.string().max(300),
          body: z.string().max(50_000),
          severity: z.enum(SEVERITIES).default('medium'),
          tlp: z.enum(TLPS).default('amber'),
          deadlineAt: z.string().max(40).optional(),
          attachments: z.array(Attachment).max(5).optional(),
          send: z.boolean().optional(),
        }),
        response: { 201: ConsultationDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req, reply) => reply.code(201).send(await createConsultation(ctx, req.body, await who(req))),
  );

  app.get(
    '/api/cbm/consultations/:id',
    {
      schema: { tags, summary: 'One consultation with its thread (opening it leaves a read receipt)', params: Id, response: { 200: ConsultationDetail } },
      config: { permission: CBM_READ },
    },
    async (req) => {
      const c = await who(req);
      const d = await getConsultation(ctx, req.params.id, c);
      await ctx.audit.record(ctx.db.kysely, {
        action: 'cbm.consultation.view',
        actor: c.actor,
        target: { type: 'cbm-consultation', id: d.id },
        requestId: req.id,
      });
      return d;
    },
  );

  app.post(
    '/api/cbm/consultations/:id/transition',
    {
      schema: {
        tags,
        summary: 'send (sender), acknowledge (recipient), close or escalate (sender or secretariat)',
        params: Id,
        body: z.object({ action: z.enum(ACTIONS) }),
        response: { 200: ConsultationDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req) => transition(ctx, req.params.id, req.body.action, await who(req)),
  );

  app.post(
    '/api/cbm/consultations/:id/replies',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Reply in the thread, optionally to another reply, with attachments; a recipient reply answers the consultation',
        params: Id,
        body: z.object({ body: z.string().max(50_000), parentId: z.string().max(100).optional(), attachments: z.array(Attachment).max(5).optional() }),
        response: { 201: ConsultationDetail },
      },
      config: { permission: CBM_WRITE },
    },
    async (req, reply_) => reply_.code(201).send(await reply(ctx, req.params.id, req.body, await who(req))),
  );

  app.get(
    '/api/cbm/consultations/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: Id.extend({ attachmentId: z.string().min(1).max(100) }) }, config: { permission: CBM_READ } },
    async (req, reply_) => {
      const a = await getAttachment(ctx, req.params.id, req.params.attachmentId, await who(req));
      const ascii = a.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply_
        .type(a.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.bytes);
    },
  );
}
