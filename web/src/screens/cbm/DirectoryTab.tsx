// The directory of points of contact: per State, policy and technical, stale entries flagged and re-confirmable, STIX export.
import { useState } from 'react';
import { Badge, ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { confirmContact, fetchContacts, type CbmMe } from './api';

export function DirectoryTab({ me }: { me: CbmMe }) {
  const [staleOnly, setStaleOnly] = useState(false);
  const list = useResource(() => fetchContacts(staleOnly), [staleOnly]);
  const [error, setError] = useState<unknown>();
  if (list.error) return <ErrorNote error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <section aria-labelledby="cbm-directory">
      <h2 id="cbm-directory">{t('cbm.directory.heading')}</h2>
      <p>{t('cbm.directory.period', { days: me.reconfirmDays })}</p>
      <div className="cbm-toolbar">
        <label>
          <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} /> {t('cbm.directory.stale-only')}
        </label>
        <a href="/api/cbm/contacts/export.stix" download>
          {t('cbm.directory.export')}
        </a>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {list.data.length === 0 ? (
        <p>{t('cbm.directory.empty')}</p>
      ) : (
        <table className="cbm-table">
          <thead>
            <tr>
              <th scope="col">{t('cbm.col.state')}</th>
              <th scope="col">{t('cbm.col.kind')}</th>
              <th scope="col">{t('cbm.col.name')}</th>
              <th scope="col">{t('cbm.col.organisation')}</th>
              <th scope="col">{t('cbm.col.email')}</th>
              <th scope="col">{t('cbm.col.channels')}</th>
              <th scope="col">{t('cbm.col.languages')}</th>
              <th scope="col">{t('cbm.col.verified')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{c.state.toUpperCase()}</td>
                <td>{t(`cbm.kind.${c.kind}`)}</td>
                <td>
                  <Name>{c.name}</Name>
                  {c.role ? <div className="cbm-muted">{c.role}</div> : null}
                </td>
                <td>{c.organisation}</td>
                <td>{c.email}</td>
                <td>
                  {c.phone ? <div>{c.phone}</div> : null}
                  {c.channels.map((ch, i) => (
                    <div key={i} className="cbm-muted">
                      {ch.type}: {ch.value} ({ch.hours})
                    </div>
                  ))}
                </td>
                <td>{c.languages.join(', ')}</td>
                <td>
                  <Instant value={c.lastVerifiedAt} empty={t('common.never')} /> {c.stale ? <Badge tone="warn">{t('cbm.directory.stale')}</Badge> : null}
                </td>
                <td>
                  {me.secretariat || me.state === c.state ? (
                    <button type="button" onClick={() => confirmContact(c.id).then(list.reload, setError)}>
                      {t('cbm.directory.confirm')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
