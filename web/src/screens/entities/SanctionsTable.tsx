// The programmes an entity is listed under, from its Sanction records: authority, reference, listing date and reason.
import { DataTable, type Column } from '../../components/DataTable';
import { t } from '../../i18n';
import { countryLabel } from '../../lib/countries';
import type { EntityData } from '../lists/api';
import { FtmDate } from './dates';
import { auxKind, firstOf, valuesOf, withData } from './props';

const join = (values: readonly string[]) => values.join('; ');
const reference = (s: EntityData) => [...new Set([...valuesOf(s, 'unscId'), ...valuesOf(s, 'programId'), ...valuesOf(s, 'authorityId')])];
const reasons = (s: EntityData) => [...valuesOf(s, 'reason'), ...valuesOf(s, 'provisions'), ...valuesOf(s, 'summary')];

export function SanctionsTable({ entity, auxiliaries }: { entity: EntityData; auxiliaries: readonly EntityData[] }) {
  const rows = auxiliaries.filter((a) => auxKind(a.schema) === 'sanction');
  const columns: Column<EntityData>[] = [
    {
      key: 'program',
      header: t('sanctions.col.program'),
      render: (s) => {
        const programs = valuesOf(s, 'program');
        return programs.length ? (
          programs.map((p) => (
            <span key={p} className="block">
              {p}
            </span>
          ))
        ) : (
          <span className="muted">—</span>
        );
      },
      csv: (s) => join(valuesOf(s, 'program')),
    },
    {
      key: 'reference',
      header: t('sanctions.col.reference'),
      render: (s) =>
        reference(s).map((r) => (
          <span key={r} className="mono block">
            {r}
          </span>
        )),
      csv: (s) => join(reference(s)),
    },
    {
      key: 'authority',
      header: t('sanctions.col.authority'),
      render: (s) => (
        <span className="stack">
          {valuesOf(s, 'authority').map((a) => (
            <bdi key={a} dir="auto">
              {a}
            </bdi>
          ))}
          {valuesOf(s, 'country').map((c) => (
            <span key={c} className="muted small">
              {countryLabel(c)}
            </span>
          ))}
        </span>
      ),
      csv: (s) => join([...valuesOf(s, 'authority'), ...valuesOf(s, 'country')]),
    },
    {
      key: 'listed',
      header: t('sanctions.col.listed'),
      render: (s) => {
        const d = firstOf(s, 'listingDate', 'startDate', 'date');
        return d ? <FtmDate value={d} /> : <span className="muted">—</span>;
      },
      csv: (s) => firstOf(s, 'listingDate', 'startDate', 'date'),
    },
    {
      key: 'modified',
      header: t('sanctions.col.amended'),
      render: (s) => {
        const d = firstOf(s, 'modifiedAt');
        return d ? <FtmDate value={d} /> : null;
      },
      csv: (s) => join(valuesOf(s, 'modifiedAt')),
    },
    {
      key: 'ends',
      header: t('sanctions.col.ends'),
      render: (s) => {
        const d = firstOf(s, 'endDate');
        return d ? <FtmDate value={d} /> : null;
      },
      csv: (s) => firstOf(s, 'endDate'),
      exportOnly: true,
    },
    {
      key: 'reason',
      header: t('sanctions.col.reason'),
      className: 'col-text',
      render: (s) =>
        reasons(s).map((r) => (
          <p key={r} className="cell-text" dir="auto">
            {r}
          </p>
        )),
      csv: (s) => join(reasons(s)),
    },
  ];
  return (
    <DataTable
      caption={t('entity.sanctions')}
      columns={withData(columns, rows, { reference, modified: (s) => valuesOf(s, 'modifiedAt'), ends: (s) => valuesOf(s, 'endDate'), reason: reasons })}
      rows={rows}
      rowKey={(s) => s.id}
      exportName={`${entity.id}-programmes`}
      empty={t('sanctions.none')}
    />
  );
}
