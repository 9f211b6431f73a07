// The lists overview: every watchlist with its active version, last update and counts of listed entities by schema.
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Instant, Name } from '../../components/Text';
import { formatNumber, t, tn } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { fetchLists, listPath, type ListSummary } from './api';
import { schemaLabel, schemataOf, versionLabel } from './format';

const activeOf = (list: ListSummary) => list.versions.find((v) => v.active) ?? list.versions.find((v) => v.version === list.activeVersion);

export function ListsOverview() {
  const lists = useResource(fetchLists, []);
  const rows = lists.data ?? [];
  // One column per schema present in any active version, the most numerous first.
  const schemata = schemataOf(rows.map((l) => activeOf(l)?.counts ?? {}));

  const columns: Column<ListSummary>[] = [
    {
      key: 'list',
      header: t('lists.col.list'),
      render: (l) => (
        <span className="stack">
          <Link to={listPath(l.name)} className="list-link" data-list={l.name}>
            <Name>{l.title}</Name>
          </Link>
          <span className="mono small muted">{l.name}</span>
        </span>
      ),
      csv: (l) => l.name,
    },
    { key: 'title', header: t('lists.col.title'), render: (l) => l.title, csv: (l) => l.title, exportOnly: true },
    { key: 'format', header: t('lists.col.format'), render: (l) => <code>{l.format}</code>, csv: (l) => l.format },
    {
      key: 'active',
      header: t('lists.col.active-version'),
      render: (l) => (
        <span className="stack">
          {l.activeVersion === null ? <Badge tone="warn">{t('lists.no-active')}</Badge> : <span>{versionLabel(l.activeVersion)}</span>}
          <span className="muted small">{tn('lists.versions-count', l.versions.length)}</span>
        </span>
      ),
      csv: (l) => l.activeVersion,
    },
    { key: 'versions', header: t('lists.col.versions'), render: (l) => l.versions.length, csv: (l) => l.versions.length, exportOnly: true },
    { key: 'updated', header: t('lists.col.updated'), render: (l) => <Instant value={l.updatedAt} />, csv: (l) => l.updatedAt },
    ...schemata.map((schema): Column<ListSummary> => ({
      key: `count-${schema}`,
      header: schemaLabel(schema),
      className: 'num',
      render: (l) => {
        const n = activeOf(l)?.counts[schema];
        return n ? formatNumber(n) : <span className="muted">—</span>;
      },
      csv: (l) => activeOf(l)?.counts[schema] ?? 0,
    })),
    {
      key: 'total',
      header: t('lists.col.total'),
      className: 'num strong',
      render: (l) => {
        const v = activeOf(l);
        return v ? formatNumber(v.total) : <span className="muted">—</span>;
      },
      csv: (l) => activeOf(l)?.total ?? null,
    },
  ];

  return (
    <>
      <PageHeader title={t('lists.title')} description={t('lists.description')} />
      {lists.error !== undefined && <ErrorNote error={lists.error} onRetry={lists.reload} />}
      <DataTable
        caption={t('lists.caption')}
        columns={columns}
        rows={rows}
        rowKey={(l) => l.name}
        exportName="watchlists"
        empty={lists.loading ? t('common.loading') : t('lists.none')}
        countNote={schemata.length ? t('lists.counts-note') : undefined}
        busy={lists.loading}
      />
    </>
  );
}
