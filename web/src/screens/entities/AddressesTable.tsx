// Addresses of an entity: its Address records (street, city, country, remarks) and addresses held as plain text.
import { DataTable, type Column } from '../../components/DataTable';
import { t } from '../../i18n';
import { countryLabel, countryName } from '../../lib/countries';
import type { EntityData } from '../lists/api';
import { auxKind, firstOf, valuesOf, withData } from './props';

interface AddressRow {
  key: string;
  full: string;
  city: string;
  region: string;
  countries: string[];
  remarks: string;
}

function fromRecord(a: EntityData): AddressRow {
  const parts = [firstOf(a, 'street'), firstOf(a, 'street2'), firstOf(a, 'postalCode'), firstOf(a, 'city'), firstOf(a, 'region')].filter(Boolean);
  return {
    key: a.id,
    full: firstOf(a, 'full') ?? (parts.length ? parts.join(', ') : a.caption),
    city: valuesOf(a, 'city').join('; '),
    region: valuesOf(a, 'region').join('; '),
    countries: valuesOf(a, 'country'),
    remarks: [...valuesOf(a, 'remarks'), ...valuesOf(a, 'summary'), ...valuesOf(a, 'notes')].join(' '),
  };
}

/** Address records, then addresses held only as text. */
export function addressRows(entity: EntityData, auxiliaries: readonly EntityData[]): AddressRow[] {
  const records = auxiliaries.filter((a) => auxKind(a.schema) === 'address').map(fromRecord);
  const known = new Set(records.map((r) => r.full));
  const plain: AddressRow[] = valuesOf(entity, 'address')
    .filter((full) => !known.has(full))
    .map((full) => ({ key: `text:${full}`, full, city: '', region: '', countries: [], remarks: '' }));
  return [...records, ...plain];
}

export function AddressesTable({ entity, auxiliaries }: { entity: EntityData; auxiliaries: readonly EntityData[] }) {
  const rows = addressRows(entity, auxiliaries);
  const columns: Column<AddressRow>[] = [
    { key: 'full', header: t('addresses.col.address'), className: 'col-text', render: (r) => <bdi dir="auto">{r.full}</bdi>, csv: (r) => r.full },
    { key: 'city', header: t('addresses.col.city'), render: (r) => <bdi dir="auto">{r.city}</bdi>, csv: (r) => r.city },
    { key: 'region', header: t('addresses.col.region'), render: (r) => <bdi dir="auto">{r.region}</bdi>, csv: (r) => r.region, exportOnly: true },
    {
      key: 'country',
      header: t('addresses.col.country'),
      render: (r) =>
        r.countries.map((c) => (
          <span key={c} title={c.toUpperCase()} className="block">
            {countryName(c)}
          </span>
        )),
      csv: (r) => r.countries.map(countryLabel).join('; '),
    },
    { key: 'remarks', header: t('addresses.col.remarks'), className: 'col-text', render: (r) => <bdi dir="auto">{r.remarks}</bdi>, csv: (r) => r.remarks },
  ];
  return (
    <DataTable
      caption={t('entity.addresses')}
      columns={withData(columns, rows, { city: (r) => r.city, country: (r) => r.countries, remarks: (r) => r.remarks })}
      rows={rows}
      rowKey={(r) => r.key}
      exportName={`${entity.id}-addresses`}
      empty={t('addresses.none')}
    />
  );
}
