// The state of an alert as a badge; one awaiting a second person says who confirmed first.
import { Badge } from '../../components/Text';
import { t } from '../../i18n';
import type { AlertSummary } from './api';

const TONE = { open: 'info', 'pending-confirmation': 'warn', escalated: 'warn', confirmed: 'bad', 'false-positive': 'good' } as const;

export function StatusBadge({ alert, me }: { alert: Pick<AlertSummary, 'status' | 'pendingBy' | 'pendingByName'>; me: string }) {
  const pending = alert.status === 'pending-confirmation';
  return (
    <span className="status-badge">
      <Badge tone={TONE[alert.status]}>{t(`alerts.status.${alert.status}`)}</Badge>
      {pending && (
        <span className="muted small">
          {alert.pendingBy === me ? t('alerts.pending-you') : t('alerts.pending-by', { name: alert.pendingByName ?? t('review.someone') })}
        </span>
      )}
    </span>
  );
}
