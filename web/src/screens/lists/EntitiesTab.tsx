// The entities a version of a list holds: search and schema filter kept in the URL, a page of 50 at a time.
import { DataTable, type Column } from '../../components/DataTable';
import { Pager, rangeText } from '../../components/Pager';
import { ErrorNote, Name } from '../../components/Text';
import { t } from '../../i18n';
import { countryLabel, countryName } from '../../lib/countries';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { FtmDate } from '../entities/dates';
import { entityPath, fetchEntities, type ListDetail, type ListedEntity } from './api';
import { EntityFilters } from './EntityFilters';
import { schemaLabel, schemataOf, versionLabel } from './format';

const LIMIT = 50;

const joinCell = (values: readonly string[]) => values.join('; ');

export function EntitiesTab({ list }: { list: ListDetail }) {
  const [query, setQuery] = useQueryState();
  const q = query.get('q') ?? '';
  const schema = query.get('schema') ?? '';
  const wanted = Number(query.get('version'));
  const chosen = list.versions.find((v) => v.version === wanted);
  const version = chosen ?? list.versions.find((v) => v.active) ?? list.versions[0];
  const offset = Math.max(0, Math.floor(Number(query.get('offset')) || 0));

  const page = useResource(
    () => fetchEntities(list.name, { q: q || undefined, schema: schema || undefined, version: chosen?.version, limit: LIMIT, offset }),
    [list.name, q, schema, chosen?.version, offset],
  );

  const columns: Column<ListedEntity>[] = [
    {
      key: 'caption',
      header: t('entities.col.caption'),
      render: (e) => (
        <Link to={entityPath(e.id, list.name)}>
          <Name>{e.caption}</Name>
        </Link>
      ),
      csv: (e) => e.caption,
    },
    { key: 'id', header: t('changes.col.id'), render: (e) => e.id, csv: (e) => e.id, exportOnly: true },
    { key: 'schema', header: t('entities.col.schema'), render: (e) => schemaLabel(e.schema), csv: (e) => e.schema },
    {
      key: 'countries',
      header: t('entities.col.countries'),
      render: (e) =>
        e.countries.length ? (
          <span className="stack">
            {e.countries.map((c) => (
              <span key={c} title={c.toUpperCase()}>
                {countryName(c)}
              </span>
            ))}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      csv: (e) => joinCell(e.countries.map(countryLabel)),
    },
    {
      key: 'birth',
      header: t('entities.col.birth-dates'),
      render: (e) =>
        e.birthDates.length ? (
          <span className="stack">
            {e.birthDates.map((d) => (
              <FtmDate key={d} value={d} />
            ))}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      csv: (e) => joinCell(e.birthDates),
    },
    {
      key: 'programs',
      header: t('entities.col.programs'),
      render: (e) =>
        e.programs.length ? (
          <span className="tag-list">
            {e.programs.map((p) => (
              <span key={p} className="tag tag--wrap">
                {p}
              </span>
            ))}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      csv: (e) => joinCell(e.programs),
    },
  ];

  const data = page.data;
  const filtered = Boolean(q || schema);

  return (
    <>
      <EntityFilters list={list} schemata={schemataOf([version?.counts ?? {}])} chosen={chosen?.version} />
      {page.error !== undefined && <ErrorNote error={page.error} onRetry={page.reload} />}
      <DataTable
        caption={t('entities.caption', { list: list.title, version: version ? versionLabel(version.version) : '' })}
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(e) => e.id}
        exportName={`${list.name}-entities`}
        empty={page.loading ? t('common.loading') : filtered ? t('entities.none-match') : t('entities.none')}
        countNote={data && (offset > 0 || data.total > data.items.length) ? rangeText(offset, data.items.length, data.total) : undefined}
        busy={page.loading}
      />
      {data && (
        <Pager
          offset={offset}
          limit={LIMIT}
          shown={data.items.length}
          total={data.total}
          busy={page.loading}
          label={t('entities.pages')}
          onPage={(next) => setQuery({ offset: next ? String(next) : null }, true)}
        />
      )}
    </>
  );
}
