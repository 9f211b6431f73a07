// The other facts of an entity, one value per row: birth dates with their precision, places, nationalities, gender…
import { DataTable, type Column } from '../../components/DataTable';
import { t } from '../../i18n';
import { countryName } from '../../lib/countries';
import type { EntityData } from '../lists/api';
import { propertyLabel } from '../lists/format';
import { FtmDate, precisionLabel, readDate } from './dates';
import { COUNTRY_PROPS, DATE_PROPS, detailProps, valuesOf } from './props';

interface DetailRow {
  property: string;
  value: string;
}

const kindOf = (property: string) => (DATE_PROPS.has(property) ? 'date' : COUNTRY_PROPS.has(property) ? 'country' : 'text');

function note(r: DetailRow): string {
  const kind = kindOf(r.property);
  if (kind === 'date') return t('details.precision', { precision: precisionLabel(readDate(r.value).precision) });
  if (kind === 'country') return r.value.toUpperCase();
  return '';
}

function Value({ row }: { row: DetailRow }) {
  const kind = kindOf(row.property);
  if (kind === 'date') return <FtmDate value={row.value} />;
  if (kind === 'country') return <span title={row.value.toUpperCase()}>{countryName(row.value)}</span>;
  if (row.property === 'gender') return <>{row.value === 'male' ? t('gender.male') : row.value === 'female' ? t('gender.female') : row.value}</>;
  if (row.property === 'topics') return <code className="tag">{row.value}</code>;
  return <bdi dir="auto">{row.value}</bdi>;
}

/**
 * Lists give uncertain dates as a range ("between 1960 and 1965"), which FtM holds as one candidate per year:
 * runs of three or more consecutive years show again as one range (`1960/1965`).
 */
function withYearRanges(values: readonly string[]): string[] {
  const years = values.filter((v) => /^\d{4}$/.test(v)).map(Number);
  const others = values.filter((v) => !/^\d{4}$/.test(v));
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) out.push(`${sorted[i]}/${sorted[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(sorted[k]));
    i = j + 1;
  }
  return [...others, ...out];
}

/** One row per value shown in the details table. */
export const detailRows = (entity: EntityData): DetailRow[] =>
  detailProps(entity).flatMap((property) => {
    const values = valuesOf(entity, property);
    return (DATE_PROPS.has(property) ? withYearRanges(values) : values).map((value) => ({ property, value }));
  });

export function DetailsTable({ entity }: { entity: EntityData }) {
  const rows = detailRows(entity);
  const columns: Column<DetailRow>[] = [
    { key: 'property', header: t('details.col.property'), className: 'nowrap', render: (r) => propertyLabel(r.property), csv: (r) => r.property },
    { key: 'value', header: t('details.col.value'), render: (r) => <Value row={r} />, csv: (r) => r.value },
    {
      key: 'note',
      header: t('details.col.note'),
      render: (r) => {
        const n = note(r);
        return n ? <span className="muted small">{n}</span> : null;
      },
      csv: (r) => note(r),
    },
  ];
  return (
    <DataTable
      caption={t('entity.details')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.property}\u0000${r.value}`}
      exportName={`${entity.id}-details`}
      empty={t('details.none')}
    />
  );
}
