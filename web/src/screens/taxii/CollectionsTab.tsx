// Collections served over TAXII: objects, partners and subscriptions per collection; created, renamed and deleted by managers.
import { useState, type FormEvent } from 'react';
import { useStatus } from '../../components/Status';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { useCan } from '../../session';
import { createCollection, deleteCollection, fetchCollections, updateCollection, type Collection } from './api';

function EditRow({ c, onDone }: { c: Collection; onDone: () => void }) {
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    updateCollection(c.id, { title: String(f.get('title')), alias: String(f.get('alias')) || null, description: String(f.get('description')) || null }).then(
      onDone,
      setError,
    );
  };
  return (
    <form className="taxii-form taxii-form--inline" onSubmit={submit} aria-label={t('taxii.collections.edit', { title: c.title })}>
      <label>
        {t('taxii.collections.title')}
        <input name="title" className="input" required maxLength={200} defaultValue={c.title} />
      </label>
      <label>
        {t('taxii.collections.alias')}
        <input name="alias" className="input" maxLength={100} defaultValue={c.alias ?? ''} />
      </label>
      <label>
        {t('taxii.collections.description')}
        <input name="description" className="input" maxLength={2000} defaultValue={c.description ?? ''} />
      </label>
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" className="button button--primary button--small">
        {t('action.save')}
      </button>
    </form>
  );
}

export function CollectionsTab() {
  const canManage = useCan('taxii.manage');
  const list = useResource(fetchCollections, []);
  const { announce } = useStatus();
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<unknown>();

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const alias = String(f.get('alias') ?? '').trim();
    const description = String(f.get('description') ?? '').trim();
    createCollection({
      title: String(f.get('title')).trim(),
      apiRoot: String(f.get('apiRoot') || 'default'),
      ...(alias ? { alias } : {}),
      ...(description ? { description } : {}),
    }).then((c) => {
      setError(undefined);
      form.reset();
      announce(t('taxii.collections.added', { title: c.title }));
      list.reload();
    }, setError);
  };
  const remove = (c: Collection) => {
    if (!window.confirm(t('taxii.collections.confirm-delete', { title: c.title }))) return;
    deleteCollection(c.id).then(() => {
      announce(t('taxii.collections.deleted', { title: c.title }));
      list.reload();
    }, setError);
  };

  if (list.error) return <ErrorNote error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <section aria-labelledby="taxii-collections">
        <h2 id="taxii-collections">{t('taxii.collections.heading')}</h2>
        {error ? <ErrorNote error={error} /> : null}
        <table className="table taxii-table taxii-collections">
          <thead>
            <tr>
              <th scope="col">{t('taxii.collections.title')}</th>
              <th scope="col">{t('taxii.collections.alias')}</th>
              <th scope="col">{t('taxii.collections.url')}</th>
              <th scope="col" className="num">
                {t('taxii.collections.objects')}
              </th>
              <th scope="col">{t('taxii.collections.last-added')}</th>
              <th scope="col" className="num">
                {t('taxii.collections.partners')}
              </th>
              <th scope="col" className="num">
                {t('taxii.collections.subscriptions')}
              </th>
              {canManage ? <th scope="col">{t('taxii.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/taxii/objects?collection=${encodeURIComponent(c.id)}`}>{c.title}</Link>
                  {c.description ? <div className="taxii-muted">{c.description}</div> : null}
                  {editing === c.id ? (
                    <EditRow
                      c={c}
                      onDone={() => {
                        setEditing(undefined);
                        list.reload();
                      }}
                    />
                  ) : null}
                </td>
                <td>{c.alias ? <code>{c.alias}</code> : '—'}</td>
                <td>
                  <code className="taxii-url">{`/taxii2/${c.apiRoot}/collections/${c.id}/`}</code>
                </td>
                <td className="num">{formatNumber(c.objects)}</td>
                <td>
                  <Instant value={c.lastAdded} empty="—" />
                </td>
                <td className="num">{formatNumber(c.partners)}</td>
                <td className="num">{formatNumber(c.subscriptions)}</td>
                {canManage ? (
                  <td className="taxii-actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setEditing(editing === c.id ? undefined : c.id)}
                      aria-expanded={editing === c.id}
                    >
                      {t('taxii.collections.edit-button')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => remove(c)}
                      disabled={c.objects > 0 || c.subscriptions > 0}
                      title={c.objects > 0 ? t('taxii.collections.not-empty') : undefined}
                    >
                      {t('taxii.action.delete')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canManage ? (
        <section aria-labelledby="taxii-new-collection">
          <h2 id="taxii-new-collection">{t('taxii.collections.new')}</h2>
          <form className="taxii-form" onSubmit={add}>
            <label>
              {t('taxii.collections.title')}
              <input name="title" className="input" required maxLength={200} />
            </label>
            <label>
              {t('taxii.collections.alias')}
              <input name="alias" className="input" maxLength={100} pattern="[a-z0-9][a-z0-9._\-]*" placeholder="ransomware-wallets" />
            </label>
            <label>
              {t('taxii.collections.description')}
              <input name="description" className="input" maxLength={2000} />
            </label>
            {list.data.apiRoots.length > 1 ? (
              <label>
                {t('taxii.collections.api-root')}
                <select name="apiRoot" className="input" defaultValue="default">
                  {list.data.apiRoots.map((r) => (
                    <option key={r.name} value={r.name}>
                      {r.title} ({r.name})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button type="submit" className="button button--primary">
              {t('taxii.collections.create')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
