// One consultation: its parties with receipts, the threaded replies with attachments (uploaded and downloaded), and the actions its state allows.
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { Link } from '../../router';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { fetchConsultation, replyTo, transition, type Action, type CbmMe, type ConsultationDetail } from './api';
import { AttachmentList, AttachmentPicker, attachmentError, chosenFiles, readAttachments } from './Attachments';
import { receipts, TlpLabel } from './ConsultationsTab';
import { namesFields, reasonAt } from './form-errors';

type ReplyItem = ConsultationDetail['replies'][number];

/** Replies in thread order: each followed by the replies to it, with its depth (shown up to four levels). */
function threadOrder(replies: readonly ReplyItem[]): { reply: ReplyItem; depth: number }[] {
  const ids = new Set(replies.map((r) => r.id));
  const children = new Map<string | null, ReplyItem[]>();
  for (const r of replies) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: { reply: ReplyItem; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ reply: r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function ConsultationThread({ id, me }: { id: string; me: CbmMe }) {
  const c = useResource(() => fetchConsultation(id), [id]);
  const [error, setError] = useState<unknown>();
  const [replyError, setReplyError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [parent, setParent] = useState<ReplyItem>();
  if (c.error) return <ErrorNote error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  const d = c.data;
  const sender = d.fromState === (me.state ?? (me.secretariat ? 'secretariat' : ''));
  const party = d.parties.find((p) => p.state === me.state);
  const act = (action: Action) => transition(id, action).then(c.reload, setError);
  const reply = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setReplyError(undefined);
    try {
      await replyTo(id, String(new FormData(form).get('body')), await readAttachments(chosenFiles(form), me), parent?.id);
      form.reset();
      setParent(undefined);
      c.reload();
    } catch (err) {
      setReplyError(err);
    }
    setBusy(false);
  };
  const fileError = attachmentError(replyError);
  const open = !['draft', 'closed'].includes(d.status);
  return (
    <article className="cbm-thread" aria-labelledby="cbm-thread-title">
      <p>
        <Link to="/cbm/consultations">{t('cbm.consultations.back')}</Link>
      </p>
      <h2 id="cbm-thread-title">{d.subject}</h2>
      <p>
        <Badge tone="info">{t(`cbm.cstatus.${d.status as 'draft'}`)}</Badge> <TlpLabel tlp={d.tlp} /> · {t('cbm.col.severity')}{' '}
        {t(`cbm.severity.${d.severity as 'low'}`)} · {t('cbm.col.from')} {d.fromState === 'secretariat' ? t('cbm.secretariat') : d.fromState.toUpperCase()}
        {d.deadlineAt ? (
          <>
            {' '}
            · {t('cbm.col.deadline')} <Instant value={d.deadlineAt} />
          </>
        ) : null}
      </p>
      {d.overdue ? <Badge tone="bad">{t('cbm.consultations.overdue')}</Badge> : null}
      <p className="cbm-body">{d.body}</p>
      <AttachmentList consultation={d} replyId={null} />
      <h3>{t('cbm.thread.parties')}</h3>
      {d.status !== 'draft' ? <p data-testid="cbm-receipts">{receipts(d)}</p> : null}
      <table className="cbm-table">
        <thead>
          <tr>
            <th scope="col">{t('cbm.col.state')}</th>
            <th scope="col">{t('cbm.thread.read')}</th>
            <th scope="col">{t('cbm.thread.acknowledged')}</th>
            <th scope="col">{t('cbm.thread.answered')}</th>
          </tr>
        </thead>
        <tbody>
          {d.parties.map((p) => (
            <tr key={p.state}>
              <td>{p.state.toUpperCase()}</td>
              <td>
                <Instant value={p.readAt} empty="—" />
              </td>
              <td>
                <Instant value={p.acknowledgedAt} empty="—" />
              </td>
              <td>
                <Instant value={p.answeredAt} empty="—" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cbm-toolbar">
        {sender && d.status === 'draft' ? (
          <button className="button" onClick={() => act('send')}>
            {t('cbm.action.send')}
          </button>
        ) : null}
        {party && !party.acknowledgedAt && d.status !== 'draft' && d.status !== 'closed' ? (
          <button className="button" onClick={() => act('acknowledge')}>
            {t('cbm.action.acknowledge')}
          </button>
        ) : null}
        {(sender || me.secretariat) && !['draft', 'closed'].includes(d.status) ? (
          <button className="button" onClick={() => act('close')}>
            {t('cbm.action.close')}
          </button>
        ) : null}
        {(sender || me.secretariat) && d.kind === 'consultation' && ['sent', 'acknowledged', 'answered'].includes(d.status) ? (
          <button className="button" onClick={() => act('escalate')}>
            {t('cbm.action.escalate')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <h3>{t('cbm.thread.replies')}</h3>
      <ol className="cbm-replies">
        {threadOrder(d.replies).map(({ reply: r, depth }) => (
          <li key={r.id} className="cbm-reply" style={{ marginInlineStart: `${Math.min(depth, 4) * 2}rem` }}>
            <strong>{r.state === 'secretariat' ? t('cbm.secretariat') : r.state.toUpperCase()}</strong> · <Instant value={r.createdAt} />
            <p className="cbm-body">{r.body}</p>
            <AttachmentList consultation={d} replyId={r.id} />
            {open ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setParent(r);
                  document.querySelector<HTMLElement>('#cbm-reply-form textarea')?.focus();
                }}
              >
                {t('cbm.thread.reply-to')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        <form id="cbm-reply-form" className="cbm-form" onSubmit={(e) => void reply(e)} noValidate>
          {parent ? (
            <p className="cbm-toolbar">
              {t('cbm.thread.replying-to', { state: parent.state === 'secretariat' ? t('cbm.secretariat') : parent.state.toUpperCase() })}{' '}
              <button type="button" className="button button--small" onClick={() => setParent(undefined)}>
                {t('cbm.thread.to-thread')}
              </button>
            </p>
          ) : null}
          <Field label={t('cbm.thread.reply')} error={reasonAt(replyError, 'body') ?? reasonAt(replyError, 'parentId')} required>
            <textarea className="input" name="body" rows={4} />
          </Field>
          <AttachmentPicker me={me} error={fileError} />
          {replyError && !fileError && !namesFields(replyError) ? <ErrorNote error={replyError} /> : null}
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('cbm.thread.send-reply')}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
