// Links that download the audit trail as CSV or NDJSON from the server, for the chosen time range.
import { apiUrl } from '../../api/client';
import { t } from '../../i18n';

export function ExportLinks({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const range = from || to ? t('audit.export.range') : t('audit.export.all');
  return (
    <div className="export-links" role="group" aria-label={t('audit.export.label')}>
      <span className="export-links__label">
        {t('audit.export.label')} <span className="muted">({range})</span>
      </span>
      <a className="button button--small" href={apiUrl('/api/audit/export', { format: 'csv', from, to })} download>
        {t('audit.export.csv')}
      </a>
      <a className="button button--small" href={apiUrl('/api/audit/export', { format: 'ndjson', from, to })} download>
        {t('audit.export.ndjson')}
      </a>
    </div>
  );
}
