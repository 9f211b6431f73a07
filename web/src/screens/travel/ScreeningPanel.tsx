// A traveller's latest screening: list matches with their explanation, reported documents, document problems, rule hits, and the alerts raised.
import { ApiError } from '../../api/problem';
import { Badge, ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { Explanation, ScoreBar } from '../screening/Explanation';
import '../screening/screening.css';
import { fetchScreening, fetchTravelAlerts, reviewPath, type Screening } from './alertsApi';
import { MiniTable, Panel } from './Parts';

const OUTCOME_TONE = { hit: 'bad', attention: 'warn', clear: 'good' } as const;

function Sections({ s }: { s: Screening }) {
  const rules = s.rules ?? [];
  return (
    <>
      {s.watchlistSkipped && <p className="callout callout--warn">{t('travel.screening.skipped', { reason: s.watchlistSkipped })}</p>}
      {s.watchlist.length > 0 && (
        <section className="screening-part" aria-label={t('travel.screening.watchlist')}>
          <h3 className="panel__subtitle">{t('travel.screening.watchlist')}</h3>
          {s.watchlist.map((m) => (
            <details key={m.entityId} className="screening-match" open={s.watchlist.length === 1}>
              <summary>
                <Name>{m.caption}</Name> <span className="muted small">{m.lists.join(', ')}</span> <ScoreBar score={m.score} />
              </summary>
              <Explanation items={m.explanation} caption={t('screening.explanation-of', { name: m.caption })} />
            </details>
          ))}
        </section>
      )}
      {s.lostDocuments.length > 0 && (
        <>
          <h3 className="panel__subtitle">{t('travel.screening.lost')}</h3>
          <MiniTable
            caption={t('travel.screening.lost')}
            rows={s.lostDocuments}
            columns={[
              { header: t('travel.doc.number'), render: (h) => <span className="mono">{h.documentNumber}</span> },
              { header: t('travel.doc.country'), render: (h) => h.issuingCountry.icao },
              { header: t('travel.screening.reported'), render: (h) => [h.status, h.reportedOn].filter(Boolean).join(' · ') },
              {
                header: t('travel.screening.match'),
                render: (h) => (h.match === 'exact' ? t('travel.screening.exact') : h.detail || t('travel.screening.near')),
              },
            ]}
          />
        </>
      )}
      {s.documents.length > 0 && (
        <>
          <h3 className="panel__subtitle">{t('travel.screening.documents')}</h3>
          <MiniTable
            caption={t('travel.screening.documents')}
            rows={s.documents}
            columns={[
              { header: t('travel.doc.number'), render: (d) => <span className="mono">{d.number ?? '—'}</span> },
              { header: t('travel.screening.problem'), render: (d) => d.detail },
            ]}
          />
        </>
      )}
      {rules.length > 0 && (
        <>
          <h3 className="panel__subtitle">{t('travel.screening.rules')}</h3>
          <MiniTable
            caption={t('travel.screening.rules')}
            rows={rules}
            columns={[
              { header: t('travel.screening.rule'), render: (r) => t('travel.screening.rule-version', { name: r.name, version: String(r.version) }) },
              { header: t('travel.screening.read'), render: (r) => <code>{r.detail}</code> },
            ]}
          />
        </>
      )}
    </>
  );
}

export function ScreeningPanel({ travellerId, flightId }: { travellerId: string; flightId: string }) {
  const res = useResource(() => fetchScreening(travellerId), [travellerId]);
  const alerts = useResource(
    () => fetchTravelAlerts({ flight: flightId }).then((all) => all.filter((a) => a.traveller.id === travellerId)),
    [travellerId, flightId],
  );
  const notYet = res.error instanceof ApiError && res.error.status === 404;
  const s = res.data;
  return (
    <Panel title={t('travel.screening.title')} className="screening-panel">
      {notYet ? (
        <p className="muted">{t('travel.screening.none')}</p>
      ) : res.error !== undefined ? (
        <ErrorNote error={res.error} onRetry={res.reload} />
      ) : !s ? (
        <Loading />
      ) : (
        <>
          <p className="screening-head">
            <Badge tone={OUTCOME_TONE[s.outcome]}>{t(`travel.screening.outcome.${s.outcome}`)}</Badge>{' '}
            <span className="muted small">
              {t('travel.screening.at')} <Instant value={s.screenedAt} />
            </span>
          </p>
          <Sections s={s} />
          {(alerts.data ?? []).length > 0 && (
            <ul className="screening-alerts">
              {alerts.data!.map((a) => (
                <li key={a.id}>
                  <Link to={reviewPath(a.id, a.flightId)}>{t('travel.screening.alert', { caption: a.entityCaption })}</Link>{' '}
                  <Badge tone="neutral">{t(`alerts.status.${a.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
          {s.outcome === 'clear' && <p className="muted">{t('travel.screening.clear-note')}</p>}
        </>
      )}
    </Panel>
  );
}
