// Attachments of consultations and replies: stored in the database, checked and size-bounded before anything is written.
import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/index.js';
import { invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { cb } from './tables.js';

export const MAX_ATTACHMENT_BYTES = 512 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface AttachmentInput {
  name: string;
  mediaType: string;
  /** The file's bytes, base64. */
  content: string;
}

export const AttachmentMeta = z.object({
  id: z.string(),
  replyId: z.string().nullable(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

// eslint-disable-next-line no-control-regex
const NAME = /^[^\\/\u0000-\u001f\u007f]{1,200}$/;
const MEDIA = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function checkAttachments(list: readonly AttachmentInput[] | undefined, field = 'attachments'): (AttachmentInput & { bytes: Buffer })[] {
  if (!list?.length) return [];
  if (list.length > MAX_ATTACHMENTS) throw invalid(field, `at most ${MAX_ATTACHMENTS} attachments`);
  return list.map((a, i) => {
    const f = `${field}[${i}]`;
    if (!NAME.test(a.name) || a.name.trim() !== a.name) throw invalid(`${f}.name`, 'must be a file name without slashes or control characters');
    if (!MEDIA.test(a.mediaType)) throw invalid(`${f}.mediaType`, 'must be a media type such as application/pdf');
    const b64 = a.content.replace(/\s+/g, '');
    if (!BASE64.test(b64) || b64.length % 4 !== 0) throw invalid(`${f}.content`, 'must be base64');
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalid(`${f}.content`, `must be at most ${MAX_ATTACHMENT_BYTES} bytes (got ${bytes.length})`);
    return { ...a, bytes };
  });
}

export async function storeAttachments(
  exec: Executor,
  consultationId: string,
  replyId: string | null,
  list: readonly (AttachmentInput & { bytes: Buffer })[],
  at: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const a of list) {
    const id = newId('att', at);
    await cb(exec)
      .insertInto('cbm_attachments')
      .values({
        id,
        consultation_id: consultationId,
        reply_id: replyId,
        name: a.name,
        media_type: a.mediaType.toLowerCase(),
        size: a.bytes.length,
        sha256: createHash('sha256').update(a.bytes).digest('hex'),
        content: a.bytes.toString('base64'),
        created_at: at.toISOString(),
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

export async function attachmentsOf(exec: Executor, consultationId: string): Promise<AttachmentMeta[]> {
  const rows = await cb(exec)
    .selectFrom('cbm_attachments')
    .select(['id', 'reply_id', 'name', 'media_type', 'size', 'sha256', 'created_at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, replyId: r.reply_id, name: r.name, mediaType: r.media_type, size: r.size, sha256: r.sha256, createdAt: r.created_at }));
}
