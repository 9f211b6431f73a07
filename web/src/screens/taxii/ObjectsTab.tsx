// The STIX object browser: filters (type, text, TLP, collection) and the page kept in the URL, newest objects first.
import { useEffect, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { fetchCollections, fetchObjects, objectPath, TLP_LEVELS, type ObjectSummary } from './api';
import { tlpLabel, TlpBadge } from './TlpBadge';

const LIMIT = 50;

export function ObjectsTab() {
  const [query, setQuery] = useQueryState();
  const type = query.get('type') ?? '';
  const q = query.get('q') ?? '';
  const tlp = query.get('tlp') ?? '';
  const collection = query.get('collection') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [search, setSearch] = useState(q);
  const collections = useResource(fetchCollections, []);
  const list = useResource(() => fetchObjects({ type, q, tlp, collection, limit: LIMIT, offset }), [type, q, tlp, collection, offset]);

  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    if (search === q) return;
    const timer = window.setTimeout(() => setQuery({ q: search.trim(), offset: null }), 300);
    return () => window.clearTimeout(timer);
  }, [search, q, setQuery]);

  const titles = new Map((collections.data?.items ?? []).map((c) => [c.id, c.title]));
  const columns: Column<ObjectSummary>[] = [
    {
      key: 'name',
      header: t('taxii.col.name'),
      render: (o) => <Link to={objectPath(o.id, o.collectionId)}>{o.name ?? o.id}</Link>,
      csv: (o) => o.name ?? '',
    },
    { key: 'type', header: t('taxii.col.type'), render: (o) => <code>{o.type}</code>, csv: (o) => o.type },
    { key: 'tlp', header: t('taxii.col.tlp'), render: (o) => <TlpBadge level={o.tlp} />, csv: (o) => tlpLabel(o.tlp) },
    { key: 'collection', header: t('taxii.col.collection'), render: (o) => titles.get(o.collectionId) ?? o.collectionId, csv: (o) => o.collectionId },
    { key: 'added', header: t('taxii.col.added'), render: (o) => <Instant value={o.dateAdded} />, csv: (o) => o.dateAdded },
    { key: 'id', header: t('taxii.col.id'), render: () => null, csv: (o) => o.id, exportOnly: true },
  ];

  return (
    <>
      <div className="filters" role="search" aria-label={t('taxii.filters')}>
        <div className="field">
          <label htmlFor="taxii-q" className="field__label">
            {t('taxii.search')}
          </label>
          <input
            id="taxii-q"
            type="search"
            className="input"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            placeholder={t('taxii.search-placeholder')}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="taxii-type" className="field__label">
            {t('taxii.col.type')}
          </label>
          <select id="taxii-type" className="input" value={type} onChange={(e) => setQuery({ type: e.currentTarget.value, offset: null })}>
            <option value="">{t('taxii.all-types')}</option>
            {(list.data?.types ?? (type ? [type] : [])).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="taxii-tlp" className="field__label">
            {t('taxii.col.tlp')}
          </label>
          <select id="taxii-tlp" className="input" value={tlp} onChange={(e) => setQuery({ tlp: e.currentTarget.value, offset: null })}>
            <option value="">{t('taxii.all-tlp')}</option>
            {TLP_LEVELS.map((x) => (
              <option key={x} value={x}>
                {tlpLabel(x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="taxii-collection" className="field__label">
            {t('taxii.col.collection')}
          </label>
          <select id="taxii-collection" className="input" value={collection} onChange={(e) => setQuery({ collection: e.currentTarget.value, offset: null })}>
            <option value="">{t('taxii.all-collections')}</option>
            {(collections.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <DataTable
            caption={t('taxii.objects.caption')}
            columns={columns}
            rows={list.data.items}
            rowKey={(o) => `${o.collectionId} ${o.id}`}
            exportName="stix-objects"
            empty={t('taxii.objects.empty')}
            countNote={t('taxii.objects.total', { total: list.data.total })}
            busy={list.loading}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            shown={list.data.items.length}
            total={list.data.total}
            onPage={(o) => setQuery({ offset: o ? String(o) : null }, true)}
            busy={list.loading}
            label={t('taxii.objects.pages')}
          />
        </>
      )}
    </>
  );
}
