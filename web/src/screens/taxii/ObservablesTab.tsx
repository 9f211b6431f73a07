// Threat observables imported over TAXII, as entities other tools use (screening of wallets, intel cases): by kind and value.
import { useEffect, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { t, type MessageKey } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { fetchObservables, objectPath, OBSERVABLE_KINDS, type Observable } from './api';
import { tlpLabel, TlpBadge } from './TlpBadge';

const LIMIT = 50;
const kindLabel = (k: string) => t(`taxii.kind.${k}` as MessageKey);

export function ObservablesTab() {
  const [query, setQuery] = useQueryState();
  const kind = query.get('kind') ?? '';
  const q = query.get('q') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [search, setSearch] = useState(q);
  const list = useResource(() => fetchObservables({ kind, q, limit: LIMIT, offset }), [kind, q, offset]);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    if (search === q) return;
    const timer = window.setTimeout(() => setQuery({ q: search.trim(), offset: null }), 300);
    return () => window.clearTimeout(timer);
  }, [search, q, setQuery]);

  const columns: Column<Observable>[] = [
    { key: 'value', header: t('taxii.obs.value'), render: (o) => <code className="taxii-url">{o.value}</code>, csv: (o) => o.value },
    { key: 'kind', header: t('taxii.obs.kind'), render: (o) => kindLabel(o.kind), csv: (o) => o.kind },
    { key: 'schema', header: t('taxii.obs.schema'), render: (o) => o.schema, csv: (o) => o.schema },
    { key: 'tlp', header: t('taxii.col.tlp'), render: (o) => <TlpBadge level={o.tlp} />, csv: (o) => tlpLabel(o.tlp) },
    {
      key: 'source',
      header: t('taxii.obs.source'),
      render: (o) => <Link to={objectPath(o.stixId, o.collectionId)}>{o.stixId.split('--')[0]}</Link>,
      csv: (o) => o.stixId,
    },
    { key: 'first', header: t('taxii.obs.first-seen'), render: (o) => <Instant value={o.firstSeen} />, csv: (o) => o.firstSeen },
    { key: 'last', header: t('taxii.obs.last-seen'), render: (o) => <Instant value={o.lastSeen} />, csv: (o) => o.lastSeen },
  ];

  return (
    <>
      <p className="taxii-muted">{t('taxii.obs.intro')}</p>
      <div className="filters" role="search" aria-label={t('taxii.filters')}>
        <div className="field">
          <label htmlFor="taxii-obs-q" className="field__label">
            {t('taxii.obs.search')}
          </label>
          <input
            id="taxii-obs-q"
            type="search"
            className="input"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="taxii-obs-kind" className="field__label">
            {t('taxii.obs.kind')}
          </label>
          <select id="taxii-obs-kind" className="input" value={kind} onChange={(e) => setQuery({ kind: e.currentTarget.value, offset: null })}>
            <option value="">{t('taxii.obs.all-kinds')}</option>
            {OBSERVABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
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
            caption={t('taxii.obs.caption')}
            columns={columns}
            rows={list.data.items}
            rowKey={(o) => o.id}
            exportName="threat-observables"
            empty={t('taxii.obs.empty')}
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
            label={t('taxii.obs.pages')}
          />
        </>
      )}
    </>
  );
}
