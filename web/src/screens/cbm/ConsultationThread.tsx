// One consultation: its parties with receipts, the threaded replies with attachments, and the actions its state allows.
import { useState, type FormEvent } from 'react';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { Link } from '../../router';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { attachmentUrl, fetchConsultation, replyTo, transition, type CbmMe } from './api';

export function ConsultationThread({ id, me }: { id: string; me: CbmMe }) {
  const c = useResource(() => fetchConsultation(id), [id]);
  const [error, setError] = useState<unknown>();
  if (c.error) return <ErrorNote error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  const d = c.data;
  const sender = d.fromState === (me.state ?? (me.secretariat ? 'secretariat' : ''));
  const party = d.parties.find((p) => p.state === me.state);
  const act = (action: string) => transition(id, action).then(c.reload, setError);
  const reply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    replyTo(id, String(new FormData(form).get('body'))).then(() => {
      form.reset();
      c.reload();
    }, setError);
  };
  const files = (replyId: string | null) =>
    d.attachments
      .filter((a) => a.replyId === replyId)
      .map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(id, a.id)} download>
            {a.name}
          </a>{' '}
          ({a.size} B)
        </li>
      ));
  return (
    <article className="cbm-thread" aria-labelledby="cbm-thread-title">
      <p>
        <Link to="/cbm/consultations">{t('cbm.consultations.back')}</Link>
      </p>
      <h2 id="cbm-thread-title">{d.subject}</h2>
      <p>
        <Badge tone="info">{t(`cbm.cstatus.${d.status as 'draft'}`)}</Badge> TLP:{d.tlp.toUpperCase()} · {d.severity} · {t('cbm.col.from')}{' '}
        {d.fromState.toUpperCase()}
        {d.deadlineAt ? (
          <>
            {' '}
            · {t('cbm.col.deadline')} <Instant value={d.deadlineAt} />
          </>
        ) : null}
      </p>
      <p className="cbm-body">{d.body}</p>
      <ul>{files(null)}</ul>
      <h3>{t('cbm.thread.parties')}</h3>
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
        {sender && d.status === 'draft' ? <button onClick={() => act('send')}>{t('cbm.action.send')}</button> : null}
        {party && !party.acknowledgedAt && d.status !== 'draft' && d.status !== 'closed' ? (
          <button onClick={() => act('acknowledge')}>{t('cbm.action.acknowledge')}</button>
        ) : null}
        {(sender || me.secretariat) && !['draft', 'closed'].includes(d.status) ? <button onClick={() => act('close')}>{t('cbm.action.close')}</button> : null}
        {(sender || me.secretariat) && d.kind === 'consultation' && ['sent', 'acknowledged', 'answered'].includes(d.status) ? (
          <button onClick={() => act('escalate')}>{t('cbm.action.escalate')}</button>
        ) : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <h3>{t('cbm.thread.replies')}</h3>
      <ol className="cbm-replies">
        {d.replies.map((r) => (
          <li key={r.id} className={r.parentId ? 'cbm-reply cbm-reply--nested' : 'cbm-reply'}>
            <strong>{r.state.toUpperCase()}</strong> · <Instant value={r.createdAt} />
            <p className="cbm-body">{r.body}</p>
            <ul>{files(r.id)}</ul>
          </li>
        ))}
      </ol>
      {!['draft', 'closed'].includes(d.status) ? (
        <form className="cbm-form" onSubmit={reply}>
          <label>
            {t('cbm.thread.reply')}
            <textarea name="body" required rows={4} />
          </label>
          <button type="submit">{t('cbm.thread.send-reply')}</button>
        </form>
      ) : null}
    </article>
  );
}
