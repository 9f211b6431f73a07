// The directory of points of contact: per State, policy and technical, stale entries flagged and re-confirmable, added and changed with their history, STIX export.
import { useState } from 'react';
import { Badge, ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { confirmContact, fetchContacts, type CbmMe, type Contact } from './api';
import { ContactForm } from './ContactForm';

export function DirectoryTab({ me }: { me: CbmMe }) {
  const [staleOnly, setStaleOnly] = useState(false);
  const list = useResource(() => fetchContacts(staleOnly), [staleOnly]);
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [saved, setSaved] = useState<string>();
  const mayKeep = (state: string) => me.secretariat || me.state === state;
  if (list.error) return <ErrorNote error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <section aria-labelledby="cbm-directory">
      <h2 id="cbm-directory">{t('cbm.directory.heading')}</h2>
      <p>{t('cbm.directory.period', { days: me.reconfirmDays })}</p>
      <div className="cbm-toolbar">
        {me.state || me.secretariat ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('cbm.contact.add')}
          </button>
        ) : null}
        <label>
          <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} /> {t('cbm.directory.stale-only')}
        </label>
        <a href="/api/cbm/contacts/export.stix" download>
          {t('cbm.directory.export')}
        </a>
      </div>
      {saved ? (
        <p className="callout callout--success" role="status">
          {saved}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {editing ? (
        <ContactForm
          me={me}
          {...(editing === 'new' ? {} : { contact: editing })}
          onClose={() => setEditing(null)}
          onSaved={(c, withdrawn) => {
            setSaved(
              withdrawn
                ? t('cbm.contact.withdrawn', { name: c.name })
                : editing === 'new'
                  ? t('cbm.contact.added', { name: c.name })
                  : t('cbm.contact.saved', { name: c.name, version: c.version }),
            );
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
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
                  {c.alternates.map((a, i) => (
                    <div key={i} className="cbm-muted">
                      {t('cbm.directory.alternate')}: <Name>{a.name}</Name>
                    </div>
                  ))}
                </td>
                <td>{c.organisation}</td>
                <td>
                  {c.email}
                  {c.pgpKey ? (
                    <div>
                      <Badge tone="info">{t('cbm.directory.has-key')}</Badge>
                    </div>
                  ) : null}
                </td>
                <td>
                  {c.phone ? <div>{c.phone}</div> : null}
                  {c.channels.map((ch, i) => (
                    <div key={i} className="cbm-muted">
                      {ch.type}: {ch.value} ({ch.hours})
                    </div>
                  ))}
                </td>
                <td>
                  {c.languages.join(', ')}
                  {c.timeZone ? <div className="cbm-muted">{c.timeZone}</div> : null}
                </td>
                <td>
                  <Instant value={c.lastVerifiedAt} empty={t('common.never')} /> {c.stale ? <Badge tone="warn">{t('cbm.directory.stale')}</Badge> : null}
                  <div className="cbm-muted">{t('cbm.directory.version', { version: c.version })}</div>
                </td>
                <td>
                  {mayKeep(c.state) ? (
                    <div className="cbm-actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setEditing(c)}
                        aria-label={t('cbm.contact.edit-label', { name: c.name })}
                      >
                        {t('cbm.contact.edit')}
                      </button>
                      <button type="button" className="button button--small" onClick={() => confirmContact(c.id).then(list.reload, setError)}>
                        {t('cbm.directory.confirm')}
                      </button>
                    </div>
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
