// Partner organisations: the highest TLP each may receive and its read/write rights per collection; granted and revoked by managers.
import { useState, type FormEvent } from 'react';
import { useStatus } from '../../components/Status';
import { ErrorNote, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { fetchCollections, fetchOrganisations, fetchPartners, revokeGrant, setGrant, setPartnerTlp, TLP_LEVELS, type Partner, type Tlp } from './api';
import { tlpLabel, TlpBadge } from './TlpBadge';

function TlpSelect({ name, value, onChange, id }: { name?: string; value?: Tlp; onChange?: (v: Tlp) => void; id?: string }) {
  return (
    <select
      id={id}
      name={name}
      className="input"
      {...(onChange ? { value, onChange: (e) => onChange(e.currentTarget.value as Tlp) } : { defaultValue: value ?? 'green' })}
    >
      {TLP_LEVELS.map((x) => (
        <option key={x} value={x}>
          {tlpLabel(x)}
        </option>
      ))}
    </select>
  );
}

export function PartnersTab() {
  const canManage = useCan('taxii.manage');
  const partners = useResource(fetchPartners, []);
  const collections = useResource(fetchCollections, []);
  const orgs = useResource(() => (canManage ? fetchOrganisations() : Promise.resolve([])), [canManage]);
  const { announce } = useStatus();
  const [error, setError] = useState<unknown>();
  const done = (text: string) => () => {
    setError(undefined);
    announce(text);
    partners.reload();
    collections.reload();
  };

  const grant = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const orgId = String(f.get('orgId'));
    const org = orgs.data?.find((o) => o.id === orgId);
    setGrant(orgId, String(f.get('collectionId')), { read: f.get('read') === 'on', write: f.get('write') === 'on', maxTlp: String(f.get('maxTlp')) }).then(
      done(t('taxii.partners.granted', { org: org?.name ?? orgId })),
      setError,
    );
  };
  const changeTlp = (p: Partner, level: Tlp) =>
    setPartnerTlp(p.orgId, level).then(done(t('taxii.partners.tlp-changed', { org: p.orgName, tlp: tlpLabel(level) })), setError);
  const revoke = (p: Partner, collectionId: string, title: string) => {
    if (!window.confirm(t('taxii.partners.confirm-revoke', { org: p.orgName, collection: title }))) return;
    revokeGrant(p.orgId, collectionId).then(done(t('taxii.partners.revoked', { org: p.orgName, collection: title })), setError);
  };

  if (partners.error) return <ErrorNote error={partners.error} onRetry={partners.reload} />;
  if (!partners.data) return <Loading />;
  return (
    <>
      <section aria-labelledby="taxii-partners">
        <h2 id="taxii-partners">{t('taxii.partners.heading')}</h2>
        <p className="taxii-muted">{t('taxii.partners.intro')}</p>
        {error ? <ErrorNote error={error} /> : null}
        {partners.data.length === 0 ? (
          <p>{t('taxii.partners.empty')}</p>
        ) : (
          <table className="table taxii-table">
            <thead>
              <tr>
                <th scope="col">{t('taxii.partners.org')}</th>
                <th scope="col">{t('taxii.partners.max-tlp')}</th>
                <th scope="col">{t('taxii.partners.rights')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.data.map((p) => (
                <tr key={p.orgId}>
                  <td>{p.orgName}</td>
                  <td>
                    {canManage ? (
                      <span className="taxii-tlp-edit">
                        <TlpBadge level={p.maxTlp} />
                        <label className="visually-hidden" htmlFor={`tlp-${p.orgId}`}>
                          {t('taxii.partners.max-tlp-of', { org: p.orgName })}
                        </label>
                        <TlpSelect id={`tlp-${p.orgId}`} value={p.maxTlp} onChange={(v) => void changeTlp(p, v)} />
                      </span>
                    ) : (
                      <TlpBadge level={p.maxTlp} />
                    )}
                  </td>
                  <td>
                    {p.grants.length === 0 ? (
                      <span className="taxii-muted">{t('taxii.partners.no-rights')}</span>
                    ) : (
                      <ul className="taxii-grants">
                        {p.grants.map((g) => (
                          <li key={g.collectionId}>
                            <span>
                              <strong>{g.collectionTitle}</strong>:{' '}
                              {[g.canRead && t('taxii.partners.read'), g.canWrite && t('taxii.partners.write')].filter(Boolean).join(', ')}
                            </span>
                            {canManage ? (
                              <button type="button" className="button button--small" onClick={() => revoke(p, g.collectionId, g.collectionTitle)}>
                                {t('taxii.partners.revoke')}
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="taxii-grant">
          <h2 id="taxii-grant">{t('taxii.partners.grant-heading')}</h2>
          {orgs.error ? <ErrorNote error={orgs.error} onRetry={orgs.reload} /> : null}
          <form className="taxii-form" onSubmit={grant}>
            <label>
              {t('taxii.partners.org')}
              <select name="orgId" className="input" required>
                {(orgs.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                    {o.kind === 'partner' ? ` (${t('taxii.partners.kind-partner')})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('taxii.col.collection')}
              <select name="collectionId" className="input" required>
                {(collections.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="taxii-checks">
              <legend>{t('taxii.partners.rights')}</legend>
              <label>
                <input type="checkbox" name="read" defaultChecked /> {t('taxii.partners.read')}
              </label>
              <label>
                <input type="checkbox" name="write" /> {t('taxii.partners.write')}
              </label>
            </fieldset>
            <label>
              {t('taxii.partners.max-tlp')}
              <TlpSelect name="maxTlp" value="green" />
            </label>
            <p className="taxii-muted">{t('taxii.partners.grant-hint')}</p>
            <button type="submit" className="button button--primary">
              {t('taxii.partners.grant')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
