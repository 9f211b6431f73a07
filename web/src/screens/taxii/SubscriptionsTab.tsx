// Subscriptions to partners' collections: where objects land, the last sync (status, counts, error), "sync now", and new ones.
import { useState, type FormEvent } from 'react';
import { useStatus } from '../../components/Status';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { createSubscription, fetchCollections, fetchSubscriptions, removeSubscription, syncNow, type Subscription } from './api';

const STATUS_TONE = { ok: 'good', failing: 'bad', never: 'neutral' } as const;

export function SubscriptionsTab() {
  const canManage = useCan('taxii.manage');
  const subs = useResource(fetchSubscriptions, []);
  const collections = useResource(fetchCollections, []);
  const { announce } = useStatus();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const titles = new Map((collections.data?.items ?? []).map((c) => [c.id, c.title]));

  const sync = (s: Subscription) => {
    setBusy(s.id);
    syncNow(s.id)
      .then((r) => {
        setError(undefined);
        announce(
          r.result.error
            ? t('taxii.subs.sync-failed', { error: r.result.error })
            : t('taxii.subs.synced', { added: r.result.added ?? 0, rejected: r.result.rejected ?? 0 }),
          r.result.error ? 'error' : 'success',
        );
        subs.reload();
      }, setError)
      .finally(() => setBusy(undefined));
  };
  const remove = (s: Subscription) => {
    if (!window.confirm(t('taxii.subs.confirm-remove', { url: s.url }))) return;
    removeSubscription(s.id).then(() => {
      announce(t('taxii.subs.removed'));
      subs.reload();
    }, setError);
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const authKind = String(f.get('authKind'));
    const authEnv = String(f.get('authEnv') ?? '').trim();
    createSubscription({
      url: String(f.get('url')).trim(),
      collectionId: String(f.get('collectionId')),
      authKind,
      ...(authKind !== 'none' ? { authEnv } : {}),
      everySeconds: Number(f.get('every')) * 60,
    }).then(() => {
      setError(undefined);
      form.reset();
      announce(t('taxii.subs.added'));
      subs.reload();
    }, setError);
  };

  if (subs.error) return <ErrorNote error={subs.error} onRetry={subs.reload} />;
  if (!subs.data) return <Loading />;
  return (
    <>
      <section aria-labelledby="taxii-subs">
        <h2 id="taxii-subs">{t('taxii.subs.heading')}</h2>
        {error ? <ErrorNote error={error} /> : null}
        {subs.data.length === 0 ? (
          <p>{t('taxii.subs.empty')}</p>
        ) : (
          <table className="table taxii-table">
            <thead>
              <tr>
                <th scope="col">{t('taxii.subs.url')}</th>
                <th scope="col">{t('taxii.subs.into')}</th>
                <th scope="col">{t('taxii.subs.status')}</th>
                <th scope="col">{t('taxii.subs.last-sync')}</th>
                <th scope="col" className="num">
                  {t('taxii.subs.added-col')}
                </th>
                <th scope="col" className="num">
                  {t('taxii.subs.rejected-col')}
                </th>
                <th scope="col">{t('taxii.subs.next')}</th>
                {canManage ? <th scope="col">{t('taxii.col.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {subs.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <code className="taxii-url">{s.url}</code>
                    <div className="taxii-muted">
                      {s.authKind === 'none' ? t('taxii.subs.no-auth') : t('taxii.subs.auth', { kind: s.authKind, env: s.authEnv ?? '' })} ·{' '}
                      {t('taxii.subs.every', { minutes: Math.round(s.everySeconds / 60) })}
                    </div>
                  </td>
                  <td>{titles.get(s.collectionId) ?? s.collectionId}</td>
                  <td>
                    <Badge tone={STATUS_TONE[s.status]}>{t(`taxii.subs.status.${s.status}`)}</Badge>
                    {s.lastError ? (
                      <div className="taxii-error">
                        {t('taxii.subs.failures', { count: s.failures })}: {s.lastError}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <Instant value={s.lastSyncAt} />
                  </td>
                  <td className="num">{formatNumber(s.lastAdded)}</td>
                  <td className="num">{formatNumber(s.lastRejected)}</td>
                  <td>
                    <Instant value={s.nextAttemptAt} />
                  </td>
                  {canManage ? (
                    <td className="taxii-actions">
                      <button type="button" className="button button--small button--primary" onClick={() => sync(s)} disabled={busy === s.id}>
                        {busy === s.id ? t('taxii.subs.syncing') : t('taxii.subs.sync-now')}
                      </button>
                      <button type="button" className="button button--small" onClick={() => remove(s)}>
                        {t('taxii.subs.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="taxii-new-sub">
          <h2 id="taxii-new-sub">{t('taxii.subs.new')}</h2>
          <form className="taxii-form" onSubmit={add}>
            <label>
              {t('taxii.subs.url')}
              <input name="url" className="input" type="url" required maxLength={2000} placeholder="https://cert.example.test/taxii2/default/collections/…/" />
            </label>
            <label>
              {t('taxii.subs.into')}
              <select name="collectionId" className="input" required>
                {(collections.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('taxii.subs.auth-kind')}
              <select name="authKind" className="input" defaultValue="bearer">
                <option value="bearer">{t('taxii.subs.auth.bearer')}</option>
                <option value="basic">{t('taxii.subs.auth.basic')}</option>
                <option value="none">{t('taxii.subs.auth.none')}</option>
              </select>
            </label>
            <label>
              {t('taxii.subs.auth-env')}
              <input name="authEnv" className="input" maxLength={100} pattern="[A-Z_][A-Z0-9_]*" placeholder="PARTNER_CERT_TOKEN" />
            </label>
            <p className="taxii-muted">{t('taxii.subs.auth-env-hint')}</p>
            <label>
              {t('taxii.subs.every-label')}
              <input name="every" className="input" type="number" min={1} max={10080} defaultValue={60} required />
            </label>
            <button type="submit" className="button button--primary">
              {t('taxii.subs.create')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
