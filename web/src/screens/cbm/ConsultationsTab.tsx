// Consultations and broadcasts the caller's State is party to, and the form to write one: recipients, severity, TLP, deadline, attachments.
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { Link, navigate } from '../../router';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { createConsultation, fetchConsultations, type CbmMe, type Consultation } from './api';
import { AttachmentPicker, attachmentError, chosenFiles, readAttachments } from './Attachments';
import { namesFields, reasonAt } from './form-errors';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "read by 2 of 3" for a broadcast, "answered by 1 of 2" for a consultation. */
export function receipts(c: Consultation): string {
  const n = c.parties.length;
  return c.kind === 'broadcast'
    ? t('cbm.consultations.read-by', { count: c.parties.filter((p) => p.readAt).length, total: n })
    : t('cbm.consultations.answered-by', { count: c.parties.filter((p) => p.answeredAt).length, total: n });
}

export const TlpLabel = ({ tlp }: { tlp: string }) => <span className={`cbm-tlp cbm-tlp--${tlp.replace('+', '-')}`}>TLP:{tlp.toUpperCase()}</span>;

function NewConsultation({ me }: { me: CbmMe }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<'consultation' | 'broadcast'>('consultation');
  const others = me.states.filter((s) => s !== me.state);
  const err = (field: string) => reasonAt(error, field);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const deadline = String(f.get('deadline') ?? '');
    setBusy(true);
    setError(undefined);
    try {
      const attachments = await readAttachments(chosenFiles(form), me);
      const c = await createConsultation({
        kind,
        to: f.getAll('to').map(String),
        subject: String(f.get('subject')),
        body: String(f.get('body')),
        severity: String(f.get('severity')),
        tlp: String(f.get('tlp')),
        // datetime-local is the browser's own time; the server keeps UTC.
        ...(deadline ? { deadlineAt: new Date(deadline).toISOString() } : {}),
        ...(attachments.length ? { attachments } : {}),
        send: f.get('send') === 'on',
      });
      navigate(`/cbm/consultations/${encodeURIComponent(c.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const fileError = attachmentError(error);
  return (
    <section aria-labelledby="cbm-new">
      <h2 id="cbm-new">{t('cbm.consultations.new')}</h2>
      <form className="cbm-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('cbm.consultations.kind')}>
          <select className="input" name="kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="consultation">{t('cbm.consultations.kind.consultation')}</option>
            <option value="broadcast">{t('cbm.consultations.kind.broadcast')}</option>
          </select>
        </Field>
        <fieldset className="fieldset">
          <legend className="field__label">{t('cbm.consultations.to')}</legend>
          <p className="field__hint">{kind === 'broadcast' ? t('cbm.consultations.to-hint.broadcast') : t('cbm.consultations.to-hint')}</p>
          {others.map((s) => (
            <label key={s} className="cbm-inline">
              <input type="checkbox" name="to" value={s} /> {s.toUpperCase()}
            </label>
          ))}
          {err('to') ? <p className="field__error">{err('to')}</p> : null}
        </fieldset>
        <Field label={t('cbm.col.subject')} error={err('subject')} required>
          <input className="input" name="subject" maxLength={300} />
        </Field>
        <Field label={t('cbm.consultations.body')} error={err('body')} required>
          <textarea className="input" name="body" rows={5} />
        </Field>
        <div className="cbm-form-row">
          <Field label={t('cbm.col.severity')} error={err('severity')}>
            <select className="input" name="severity" defaultValue="medium">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`cbm.severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('cbm.consultations.tlp')} hint={t('cbm.consultations.tlp-hint')} error={err('tlp')}>
            <select className="input" name="tlp" defaultValue="amber">
              {TLPS.map((s) => (
                <option key={s} value={s}>
                  TLP:{s.toUpperCase()}
                </option>
              ))}
            </select>
          </Field>
          {kind === 'consultation' ? (
            <Field label={t('cbm.col.deadline')} hint={t('cbm.consultations.deadline-hint', { zone: ZONE })} error={err('deadlineAt')}>
              <input className="input" type="datetime-local" name="deadline" />
            </Field>
          ) : null}
        </div>
        <AttachmentPicker me={me} error={fileError} />
        <label className="cbm-inline">
          <input type="checkbox" name="send" defaultChecked /> {t('cbm.consultations.send-now')}
        </label>
        {error && !fileError && !namesFields(error) ? <ErrorNote error={error} /> : null}
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('cbm.consultations.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ConsultationsTab({ me }: { me: CbmMe }) {
  const list = useResource(fetchConsultations, []);
  return (
    <>
      <section aria-labelledby="cbm-consultations">
        <h2 id="cbm-consultations">{t('cbm.consultations.heading')}</h2>
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data ? (
          <Loading />
        ) : list.data.length === 0 ? (
          <p>{t('cbm.consultations.empty')}</p>
        ) : (
          <table className="cbm-table">
            <thead>
              <tr>
                <th scope="col">{t('cbm.col.subject')}</th>
                <th scope="col">{t('cbm.col.from')}</th>
                <th scope="col">{t('cbm.col.to')}</th>
                <th scope="col">{t('cbm.col.severity')}</th>
                <th scope="col">{t('cbm.consultations.tlp')}</th>
                <th scope="col">{t('cbm.col.status')}</th>
                <th scope="col">{t('cbm.col.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cbm/consultations/${encodeURIComponent(c.id)}`}>{c.subject}</Link>{' '}
                    {c.kind === 'broadcast' ? <Badge tone="info">{t('cbm.consultations.broadcast')}</Badge> : null}
                  </td>
                  <td>{c.fromState === 'secretariat' ? t('cbm.secretariat') : c.fromState.toUpperCase()}</td>
                  <td>{c.parties.map((p) => p.state.toUpperCase()).join(', ')}</td>
                  <td>{t(`cbm.severity.${c.severity as 'low'}`)}</td>
                  <td>
                    <TlpLabel tlp={c.tlp} />
                  </td>
                  <td>
                    {t(`cbm.cstatus.${c.status as 'draft'}`)} {c.overdue ? <Badge tone="bad">{t('cbm.consultations.overdue')}</Badge> : null}
                    {c.status !== 'draft' ? <div className="cbm-muted">{receipts(c)}</div> : null}
                  </td>
                  <td>
                    <Instant value={c.deadlineAt} empty="—" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {me.state || me.secretariat ? <NewConsultation me={me} /> : null}
    </>
  );
}
