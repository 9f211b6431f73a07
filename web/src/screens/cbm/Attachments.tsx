// Attachments of consultations and replies: a file picker, the files read as base64 after checking count and size, and their list.
import { ApiError } from '../../api/problem';
import { Field } from '../../components/Field';
import { formatNumber, t } from '../../i18n';
import { reasonAt } from './form-errors';
import { attachmentUrl, type AttachmentInput, type CbmMe, type ConsultationDetail } from './api';

/** A size for people: bytes below a kilobyte, else kilobytes (1024) with one decimal below ten. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return t('cbm.size.bytes', { n: formatNumber(bytes) });
  const kb = bytes / 1024;
  return t('cbm.size.kb', { n: kb < 10 ? kb.toFixed(1) : formatNumber(Math.round(kb)) });
}

export class AttachmentProblem extends Error {}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Reads the chosen files; throws AttachmentProblem naming the file when there are too many or one is too large. */
export async function readAttachments(files: readonly File[], me: Pick<CbmMe, 'maxAttachmentBytes' | 'maxAttachments'>): Promise<AttachmentInput[]> {
  if (files.length > me.maxAttachments) throw new AttachmentProblem(t('cbm.attach.too-many', { max: me.maxAttachments, count: files.length }));
  const big = files.find((f) => f.size > me.maxAttachmentBytes);
  if (big) throw new AttachmentProblem(t('cbm.attach.too-large', { name: big.name, size: formatSize(big.size), max: formatSize(me.maxAttachmentBytes) }));
  return Promise.all(
    files.map(async (f) => ({ name: f.name, mediaType: f.type || 'application/octet-stream', content: base64(new Uint8Array(await f.arrayBuffer())) })),
  );
}

/** The files of a form's `attachments` input. */
export const chosenFiles = (form: HTMLFormElement): File[] =>
  new FormData(form).getAll('attachments').filter((v): v is File => v instanceof File && v.name !== '');

export function AttachmentPicker({ me, error }: { me: CbmMe; error?: string | undefined }) {
  return (
    <Field label={t('cbm.attach.label')} hint={t('cbm.attach.hint', { max: me.maxAttachments, size: formatSize(me.maxAttachmentBytes) })} error={error}>
      <input className="input" type="file" name="attachments" multiple />
    </Field>
  );
}

/** What to show under the file picker: a local check's problem, the server's reason for `attachments[i]…`, or a body it refused as too large. */
export function attachmentError(error: unknown): string | undefined {
  if (error instanceof AttachmentProblem) return error.message;
  if (error instanceof ApiError) {
    if (error.code === 'payload-too-large') return t('cbm.attach.body-too-large');
    const r = reasonAt(error, 'attachments');
    if (r) return t('cbm.attach.refused', { reason: r });
  }
  return undefined;
}

export function AttachmentList({ consultation, replyId }: { consultation: ConsultationDetail; replyId: string | null }) {
  const files = consultation.attachments.filter((a) => a.replyId === replyId);
  if (!files.length) return null;
  return (
    <ul className="cbm-files" aria-label={t('cbm.attach.list')}>
      {files.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(consultation.id, a.id)} download={a.name}>
            {a.name}
          </a>{' '}
          <span className="cbm-muted">({formatSize(a.size)})</span>
        </li>
      ))}
    </ul>
  );
}
