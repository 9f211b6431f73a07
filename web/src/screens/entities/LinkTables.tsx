// Where an entity stands: the entities related to it, the lists (and versions) that hold it, and its other records.
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, Name } from '../../components/Text';
import { t } from '../../i18n';
import { Link } from '../../router';
import { entityPath, listPath, type EntityData, type EntityDetail, type HeldBy } from '../lists/api';
import { propertyLabel, schemaLabel, versionLabel } from '../lists/format';

type Related = EntityDetail['related'][number];

export function RelatedTable({ entity, related, list }: { entity: EntityData; related: readonly Related[]; list: string | null }) {
  const columns: Column<Related>[] = [
    {
      key: 'entity',
      header: t('related.col.entity'),
      render: (r) => (
        <Link to={entityPath(r.id, list)}>
          <Name>{r.caption}</Name>
        </Link>
      ),
      csv: (r) => r.caption,
    },
    { key: 'relation', header: t('related.col.relation'), render: (r) => propertyLabel(r.property), csv: (r) => r.property },
    {
      key: 'direction',
      header: t('related.col.direction'),
      render: (r) => <span className="muted">{t(r.direction === 'in' ? 'related.in' : 'related.out')}</span>,
      csv: (r) => r.direction,
    },
    { key: 'schema', header: t('related.col.schema'), render: (r) => schemaLabel(r.schema), csv: (r) => r.schema },
    { key: 'id', header: t('changes.col.id'), render: (r) => r.id, csv: (r) => r.id, exportOnly: true },
  ];
  return (
    <DataTable
      caption={t('entity.related')}
      columns={columns}
      rows={related}
      rowKey={(r) => `${r.direction}:${r.property}:${r.id}`}
      exportName={`${entity.id}-related`}
      empty={t('related.none')}
    />
  );
}

/** "v1–v3", "v2 onwards" or "v4" */
const span = (h: HeldBy) =>
  h.lastVersion === null
    ? t('held.from', { version: versionLabel(h.firstVersion) })
    : h.lastVersion === h.firstVersion
      ? versionLabel(h.firstVersion)
      : t('held.range', { from: versionLabel(h.firstVersion), to: versionLabel(h.lastVersion) });

export function HeldByTable({ entity, lists }: { entity: EntityData; lists: readonly HeldBy[] }) {
  const columns: Column<HeldBy>[] = [
    {
      key: 'list',
      header: t('held.col.list'),
      render: (h) => (
        <Link to={listPath(h.name)} className="mono">
          {h.name}
        </Link>
      ),
      csv: (h) => h.name,
    },
    { key: 'title', header: t('held.col.title'), render: (h) => <Name>{h.title}</Name>, csv: (h) => h.title },
    { key: 'versions', header: t('held.col.versions'), render: (h) => span(h), csv: (h) => `${h.firstVersion}-${h.lastVersion ?? ''}` },
    {
      key: 'active',
      header: t('held.col.active'),
      render: (h) => (h.inActiveVersion ? <Badge tone="good">{t('held.in-active')}</Badge> : <Badge tone="warn">{t('held.not-in-active')}</Badge>),
      csv: (h) => h.inActiveVersion,
    },
  ];
  return (
    <DataTable caption={t('entity.held-by')} columns={columns} rows={lists} rowKey={(h) => h.name} exportName={`${entity.id}-lists`} empty={t('held.none')} />
  );
}

const summary = (a: EntityData) =>
  Object.entries(a.properties)
    .filter(([, values]) => values.length)
    .map(([p, values]) => `${propertyLabel(p)}: ${values.join(', ')}`)
    .join(' · ');

/** Auxiliary records of a kind the page has no section for, so nothing the list says is hidden. */
export function OtherRecordsTable({ entity, records }: { entity: EntityData; records: readonly EntityData[] }) {
  const columns: Column<EntityData>[] = [
    { key: 'schema', header: t('related.col.schema'), render: (a) => schemaLabel(a.schema), csv: (a) => a.schema },
    { key: 'caption', header: t('related.col.entity'), render: (a) => <Name>{a.caption}</Name>, csv: (a) => a.caption },
    {
      key: 'properties',
      header: t('details.col.value'),
      className: 'col-text',
      render: (a) => <bdi dir="auto">{summary(a)}</bdi>,
      csv: (a) => JSON.stringify(a.properties),
    },
  ];
  return (
    <DataTable
      caption={t('entity.other')}
      columns={columns}
      rows={records}
      rowKey={(a) => a.id}
      exportName={`${entity.id}-records`}
      empty={t('details.none')}
    />
  );
}
