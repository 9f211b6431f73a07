// Provenance of an alert (list versions, weights version, threshold) and the earlier decisions on the same subject and candidate.
import { Badge, Instant } from '../../components/Text';
import { en } from '../../i18n/en';
import { formatNumber, t, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { versionLabel } from '../lists/format';
import type { AlertDecision, AlertDetail } from './api';

export function Provenance({ alert }: { alert: AlertDetail }) {
  const p = alert.provenance as { listVersions?: Record<string, number>; weightsVersion?: string; threshold?: number };
  const versions = Object.entries(p.listVersions ?? {});
  // Passenger alerts carry their flight: the decision is due before it departs (outbound) or arrives (inbound).
  const flight = alert.provenance as { flightId?: unknown; departureUtc?: string | null; arrivalUtc?: string | null };
  return (
    <dl className="facts provenance">
      <dt>{t('review.prov.lists')}</dt>
      <dd>
        {versions.length
          ? versions.map(([list, v]) => (
              <span key={list} className="tag">
                {list} · {versionLabel(v)}
              </span>
            ))
          : t('common.none')}
      </dd>
      <dt>{t('review.prov.weights')}</dt>
      <dd className="mono">{p.weightsVersion ?? t('common.none')}</dd>
      <dt>{t('review.prov.threshold')}</dt>
      <dd>{typeof p.threshold === 'number' ? formatNumber(p.threshold) : t('common.none')}</dd>
      {typeof flight.flightId === 'string' && (
        <>
          <dt>{t('review.prov.flight')}</dt>
          <dd>
            <Link to={`/travel/flights/${encodeURIComponent(flight.flightId)}`}>{flight.flightId}</Link>
            {flight.departureUtc && <div className="small muted">{t('review.prov.departs', { utc: flight.departureUtc.replace('T', ' ').slice(0, 16) })}</div>}
            {flight.arrivalUtc && <div className="small muted">{t('review.prov.arrives', { utc: flight.arrivalUtc.replace('T', ' ').slice(0, 16) })}</div>}
          </dd>
        </>
      )}
      <dt>{t('review.prov.subject')}</dt>
      <dd className="mono small break">
        {alert.source === 'travel' && alert.subjectType === 'traveller' ? (
          <Link to={`/travel/travellers/${encodeURIComponent(alert.subjectId)}`}>{alert.subjectId}</Link>
        ) : (
          alert.subjectId
        )}
      </dd>
      <dt>{t('review.prov.source')}</dt>
      <dd>{alert.source}</dd>
      <dt>{t('review.prov.raised')}</dt>
      <dd>
        <Instant value={alert.createdAt} />
      </dd>
    </dl>
  );
}

const TONE = { confirmed: 'bad', 'false-positive': 'good', unsure: 'warn' } as const;
const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(en, key);

/** "Confirmed (second person)", "False positive", "Unsure: escalated"… */
function stepLabel(d: AlertDecision): string {
  const key = `review.step.${d.decision}.${d.step}`;
  return has(key) ? t(key as MessageKey) : `${d.decision} (${d.step})`;
}

export function Decisions({ decisions, me, alertId }: { decisions: readonly AlertDecision[]; me: string; alertId: string }) {
  if (!decisions.length) return <p className="muted small">{t('review.no-decisions')}</p>;
  return (
    <ol className="decisions">
      {decisions.map((d) => (
        <li key={d.id} className="decisions__item">
          <div className="decisions__head">
            <Badge tone={TONE[d.decision as keyof typeof TONE] ?? 'neutral'}>{stepLabel(d)}</Badge>
            <span className="decisions__who">{d.actorId === me ? t('review.you') : (d.actorName ?? t('review.someone'))}</span>
            <Instant value={d.decidedAt} />
          </div>
          <div className="small">
            <span>{has(`reason.${d.reason}`) ? t(`reason.${d.reason}` as MessageKey) : <span className="mono">{d.reason}</span>}</span>
            {d.alertId !== alertId && <span className="muted"> · {d.sameFacts ? t('review.earlier-alert') : t('review.earlier-facts')}</span>}
          </div>
          {d.note && (
            <p className="decisions__note" dir="auto">
              {d.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
