// What a rule would have hit in stored traffic: counts of travellers and flights, and a sample linking to the travellers.
import { DataTable, type Column } from '../../components/DataTable';
import { formatNumber, t } from '../../i18n';
import { Link } from '../../router';
import { flightPath, travellerPath } from './api';
import type { RuleTest } from './rulesApi';

type Sample = RuleTest['sample'][number];

export function RuleTestResult({ result }: { result: RuleTest }) {
  const columns: Column<Sample>[] = [
    { key: 'flight', header: t('travel.col.flight'), render: (s) => <Link to={flightPath(s.flightId)}>{s.flightId}</Link>, csv: (s) => s.flightId },
    {
      key: 'traveller',
      header: t('travel.rules.traveller'),
      render: (s) => <Link to={travellerPath(s.travellerId)}>{t('travel.rules.open-traveller')}</Link>,
      csv: (s) => s.travellerId,
    },
    { key: 'detail', header: t('travel.rules.why'), render: (s) => <code className="rule-detail">{s.detail}</code>, csv: (s) => s.detail },
  ];
  return (
    <section className="rule-test" aria-label={t('travel.rules.test-result')} data-hits={result.hits.travellers}>
      <p className="rule-test__summary">
        {t('travel.rules.would-hit', {
          hits: formatNumber(result.hits.travellers),
          travellers: formatNumber(result.scanned.travellers),
          hitFlights: formatNumber(result.hits.flights),
          flights: formatNumber(result.scanned.flights),
          from: result.period.from,
          to: result.period.to,
        })}
      </p>
      {result.sample.length > 0 && (
        <DataTable
          caption={t('travel.rules.sample')}
          columns={columns}
          rows={result.sample}
          rowKey={(s) => `${s.flightId}/${s.travellerId}`}
          exportName="rule-test-sample"
          empty=""
        />
      )}
    </section>
  );
}
