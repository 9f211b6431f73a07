// Identifiers and identity documents of an entity: passport and ID numbers with their issuing country, validity and notes.
import { DataTable, type Column } from '../../components/DataTable';
import { t } from '../../i18n';
import { countryLabel, countryName } from '../../lib/countries';
import type { EntityData } from '../lists/api';
import { propertyLabel, schemaLabel } from '../lists/format';
import { FtmDate } from './dates';
import { auxKind, firstOf, ID_PROPS, valuesOf, withData } from './props';

interface DocRow {
  key: string;
  type: string;
  number: string;
  countries: string[];
  from?: string | undefined;
  until?: string | undefined;
  authority?: string | undefined;
  note?: string | undefined;
}

/** One row per identifier or document, a number held both ways counted once. */
export function docRows(entity: EntityData, auxiliaries: readonly EntityData[]): DocRow[] {
  const own: DocRow[] = ID_PROPS.flatMap((p) =>
    valuesOf(entity, p).map((number) => ({ key: `${p}:${number}`, type: propertyLabel(p), number, countries: [] as string[] })),
  );
  const docs: DocRow[] = auxiliaries
    .filter((a) => auxKind(a.schema) === 'document')
    .map((a) => ({
      key: a.id,
      type: firstOf(a, 'type') ?? schemaLabel(a.schema),
      number: firstOf(a, 'number', 'passportNumber', 'personalNumber') ?? a.caption,
      countries: valuesOf(a, 'country'),
      from: firstOf(a, 'startDate', 'issueDate', 'date'),
      until: firstOf(a, 'endDate', 'expiryDate'),
      authority: firstOf(a, 'authority'),
      note: [...valuesOf(a, 'description'), ...valuesOf(a, 'summary'), ...valuesOf(a, 'notes')].join(' '),
    }));
  // A number held both as a property and as a document shows once, as the document (which knows its country).
  const documented = new Set(docs.map((d) => d.number));
  return [...docs, ...own.filter((r) => !documented.has(r.number))];
}

export function DocumentsTable({ entity, auxiliaries }: { entity: EntityData; auxiliaries: readonly EntityData[] }) {
  const rows = docRows(entity, auxiliaries);
  const columns: Column<DocRow>[] = [
    { key: 'type', header: t('docs.col.type'), render: (r) => <bdi dir="auto">{r.type}</bdi>, csv: (r) => r.type },
    { key: 'number', header: t('docs.col.number'), render: (r) => <span className="mono">{r.number}</span>, csv: (r) => r.number },
    {
      key: 'country',
      header: t('docs.col.country'),
      render: (r) =>
        r.countries.length ? (
          r.countries.map((c) => (
            <span key={c} title={c.toUpperCase()} className="block">
              {countryName(c)}
            </span>
          ))
        ) : (
          <span className="muted">—</span>
        ),
      csv: (r) => r.countries.map(countryLabel).join('; '),
    },
    { key: 'from', header: t('docs.col.from'), render: (r) => (r.from ? <FtmDate value={r.from} /> : null), csv: (r) => r.from },
    { key: 'until', header: t('docs.col.until'), render: (r) => (r.until ? <FtmDate value={r.until} /> : null), csv: (r) => r.until },
    { key: 'authority', header: t('docs.col.authority'), render: (r) => (r.authority ? <bdi dir="auto">{r.authority}</bdi> : null), csv: (r) => r.authority },
    { key: 'note', header: t('docs.col.note'), className: 'col-text', render: (r) => (r.note ? <bdi dir="auto">{r.note}</bdi> : null), csv: (r) => r.note },
  ];
  return (
    <DataTable
      caption={t('entity.documents')}
      columns={withData(columns, rows, {
        country: (r) => r.countries,
        from: (r) => r.from,
        until: (r) => r.until,
        authority: (r) => r.authority,
        note: (r) => r.note,
      })}
      rows={rows}
      rowKey={(r) => r.key}
      exportName={`${entity.id}-identifiers`}
      empty={t('docs.none')}
    />
  );
}
