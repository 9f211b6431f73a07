// Every name form of an entity in its own row and its own script: names, aliases, weak aliases, previous names, name parts.
import { DataTable, type Column } from '../../components/DataTable';
import { ScriptName, scriptKey, scriptOf } from '../../components/ScriptName';
import { t } from '../../i18n';
import type { EntityData } from '../lists/api';
import { propertyLabel } from '../lists/format';
import { NAME_PROPS, valuesOf } from './props';

interface NameRow {
  property: string;
  value: string;
  script: string | null;
}

export function NamesTable({ entity }: { entity: EntityData }) {
  const rows: NameRow[] = NAME_PROPS.flatMap((property) => valuesOf(entity, property).map((value) => ({ property, value, script: scriptOf(value).code })));
  const columns: Column<NameRow>[] = [
    {
      key: 'name',
      header: t('names.col.name'),
      className: 'name-cell',
      render: (r) => <ScriptName className={r.property === 'name' ? 'name-primary' : undefined}>{r.value}</ScriptName>,
      csv: (r) => r.value,
    },
    {
      key: 'kind',
      header: t('names.col.kind'),
      render: (r) => propertyLabel(r.property),
      csv: (r) => r.property,
    },
    {
      key: 'script',
      header: t('names.col.script'),
      render: (r) => (r.script ? t(scriptKey(r.script)) : <span className="muted">—</span>),
      csv: (r) => r.script,
    },
  ];
  return (
    <DataTable
      caption={t('entity.names')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.property}\u0000${r.value}`}
      exportName={`${entity.id}-names`}
      empty={t('names.none')}
      rowClassName={(r) => (r.property === 'name' ? 'names-row row--primary' : 'names-row')}
      countNote={rows.some((r) => r.property === 'weakAlias') ? t('names.weak-hint') : undefined}
    />
  );
}
