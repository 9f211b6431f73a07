// What changed between two versions of a list: added, removed and changed entities, each linking to its page.
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote, Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { Section } from './Section';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { entityPath, fetchDiff, type EntityRef, type ListDetail, type ListDiff } from './api';
import { propertyLabel, schemaLabel, versionLabel } from './format';

type Changed = ListDiff['changed'][number];

/** The default pair: the active version (else the newest) against the one just before it. */
function defaults(list: ListDetail): { from: number | undefined; to: number | undefined } {
  const versions = list.versions.map((v) => v.version).sort((a, b) => b - a);
  const to = list.activeVersion ?? versions[0];
  const from = versions.find((v) => to !== undefined && v < to);
  return { from, to };
}

const asVersion = (value: string | null, known: readonly number[]): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && known.includes(n) ? n : undefined;
};

export function ChangesTab({ list }: { list: ListDetail }) {
  const [query, setQuery] = useQueryState();
  const known = list.versions.map((v) => v.version);
  const fallback = defaults(list);
  const from = asVersion(query.get('from'), known) ?? fallback.from;
  const to = asVersion(query.get('to'), known) ?? fallback.to;
  const comparable = from !== undefined && to !== undefined && from !== to;

  const diff = useResource<ListDiff | null>(() => (comparable ? fetchDiff(list.name, from, to) : Promise.resolve(null)), [list.name, from, to, comparable]);

  const entityColumns = <T extends EntityRef>(): Column<T>[] => [
    {
      key: 'caption',
      header: t('changes.col.entity'),
      className: 'col-entity',
      render: (e) => (
        <Link to={entityPath(e.id, list.name)}>
          <Name>{e.caption}</Name>
        </Link>
      ),
      csv: (e) => e.caption,
    },
    { key: 'schema', header: t('changes.col.schema'), className: 'col-type', render: (e) => schemaLabel(e.schema), csv: (e) => e.schema },
    { key: 'id', header: t('changes.col.id'), render: (e) => <span className="mono small">{e.id}</span>, csv: (e) => e.id },
  ];
  const changedColumns: Column<Changed>[] = [
    ...entityColumns<Changed>(),
    {
      key: 'properties',
      header: t('changes.col.properties'),
      render: (e) => (
        <span className="tag-list">
          {e.properties.map((p) => (
            <span key={p} className="tag" title={p}>
              {propertyLabel(p)}
            </span>
          ))}
        </span>
      ),
      csv: (e) => e.properties.join(' '),
    },
  ];

  const picker = (label: string, id: string, value: number | undefined, key: 'from' | 'to') => (
    <div className="field field--version">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => setQuery({ [key]: e.currentTarget.value })}>
        {list.versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.active ? t('changes.option-active', { version: versionLabel(v.version) }) : versionLabel(v.version)}
          </option>
        ))}
      </select>
    </div>
  );

  if (list.versions.length < 2) return <p className="callout callout--info">{t('changes.one-version')}</p>;

  const d = diff.data;
  const section = <T extends EntityRef>(id: string, title: string, rows: readonly T[] | undefined, columns: Column<T>[], empty: string) => (
    <Section id={`diff-${id}`} title={title} count={rows?.length} empty={empty} data={{ 'data-diff': id }}>
      <DataTable
        caption={title}
        columns={columns}
        rows={rows ?? []}
        rowKey={(e) => e.id}
        exportName={`${list.name}-${id}-${from}-${to}`}
        empty={diff.loading ? t('common.loading') : empty}
        busy={diff.loading}
      />
    </Section>
  );

  return (
    <>
      <div className="filters" role="group" aria-label={t('changes.pick')}>
        {picker(t('changes.from'), 'changes-from', from, 'from')}
        {picker(t('changes.to'), 'changes-to', to, 'to')}
        {d && (
          <p className="filters__text diff-summary" aria-live="polite">
            {t('changes.summary', {
              from: versionLabel(d.from),
              to: versionLabel(d.to),
              added: formatNumber(d.added.length),
              removed: formatNumber(d.removed.length),
              changed: formatNumber(d.changed.length),
            })}
          </p>
        )}
      </div>
      {!comparable && <p className="callout callout--info">{t('changes.same')}</p>}
      {diff.error !== undefined && <ErrorNote error={diff.error} onRetry={diff.reload} />}
      {comparable && (
        <>
          {section('added', t('changes.added'), d?.added, entityColumns<EntityRef>(), t('changes.none-added'))}
          {section('removed', t('changes.removed'), d?.removed, entityColumns<EntityRef>(), t('changes.none-removed'))}
          {section('changed', t('changes.changed'), d?.changed, changedColumns, t('changes.none-changed'))}
        </>
      )}
    </>
  );
}
