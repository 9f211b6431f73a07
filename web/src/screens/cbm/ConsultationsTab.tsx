// Consultations and broadcasts the caller's State is party to, and the form to write one.
import { useState, type FormEvent } from 'react';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { Link, navigate } from '../../router';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { createConsultation, fetchConsultations, type CbmMe } from './api';

export function ConsultationsTab({ me }: { me: CbmMe }) {
  const list = useResource(fetchConsultations, []);
  const [error, setError] = useState<unknown>();
  const others = me.states.filter((s) => s !== me.state);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kind = String(f.get('kind'));
    createConsultation({
      kind,
      to: f.getAll('to').map(String),
      subject: String(f.get('subject')),
      body: String(f.get('body')),
      severity: String(f.get('severity')),
      tlp: String(f.get('tlp')),
      send: f.get('send') === 'on',
    }).then((c) => navigate(`/cbm/consultations/${encodeURIComponent(c.id)}`), setError);
  };
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
                <th scope="col">TLP</th>
                <th scope="col">{t('cbm.col.status')}</th>
                <th scope="col">{t('cbm.col.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cbm/consultations/${encodeURIComponent(c.id)}`}>{c.subject}</Link>
                    {c.kind === 'broadcast' ? <Badge tone="info">{t('cbm.consultations.broadcast')}</Badge> : null}
                  </td>
                  <td>{c.fromState.toUpperCase()}</td>
                  <td>{c.parties.map((p) => p.state.toUpperCase()).join(', ')}</td>
                  <td>{c.severity}</td>
                  <td>{c.tlp.toUpperCase()}</td>
                  <td>
                    {t(`cbm.cstatus.${c.status as 'draft'}`)} {c.overdue ? <Badge tone="bad">{t('cbm.consultations.overdue')}</Badge> : null}
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
      {me.state || me.secretariat ? (
        <section aria-labelledby="cbm-new">
          <h2 id="cbm-new">{t('cbm.consultations.new')}</h2>
          <form className="cbm-form" onSubmit={submit}>
            <label>
              {t('cbm.consultations.kind')}
              <select name="kind" defaultValue="consultation">
                <option value="consultation">{t('cbm.consultations.kind.consultation')}</option>
                <option value="broadcast">{t('cbm.consultations.kind.broadcast')}</option>
              </select>
            </label>
            <fieldset>
              <legend>{t('cbm.consultations.to')}</legend>
              {others.map((s) => (
                <label key={s} className="cbm-inline">
                  <input type="checkbox" name="to" value={s} /> {s.toUpperCase()}
                </label>
              ))}
            </fieldset>
            <label>
              {t('cbm.col.subject')}
              <input name="subject" required maxLength={300} />
            </label>
            <label>
              {t('cbm.consultations.body')}
              <textarea name="body" required rows={5} />
            </label>
            <label>
              {t('cbm.col.severity')}
              <select name="severity" defaultValue="medium">
                {['low', 'medium', 'high', 'critical'].map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label>
              TLP
              <select name="tlp" defaultValue="amber">
                {['clear', 'green', 'amber', 'amber+strict', 'red'].map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="cbm-inline">
              <input type="checkbox" name="send" defaultChecked /> {t('cbm.consultations.send-now')}
            </label>
            {error ? <ErrorNote error={error} /> : null}
            <button type="submit">{t('cbm.consultations.create')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
