// The review queue at /alerts: undecided alerts oldest first (or by state, or of one entity), start or resume reviewing, bulk per entity.
import { useState } from 'react';
import { Pager } from '../../components/Pager';
import { ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t, tn } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, navigate, useQueryState } from '../../router';
import { useCan, useMe } from '../../session';
import { ScoreBar } from '../screening/Explanation';
import { alertPath, fetchAlerts, fetchNext, type StatusFilter } from './api';
import { BulkDialog } from './BulkDialog';
import { lastDecided } from './resume';
import { StatusBadge } from './StatusBadge';

const LIMIT = 50;
const STATUSES: readonly StatusFilter[] = ['undecided', 'open', 'pending-confirmation', 'escalated', 'confirmed', 'false-positive', 'all'];

export function Queue() {
  const me = useMe();
  const canDecide = useCan('alerts.decide');
  const [query, setQuery] = useQueryState();
  const status = (STATUSES as readonly string[]).includes(query.get('status') ?? '') ? (query.get('status') as StatusFilter) : 'undecided';
  const entity = query.get('entity') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const page = useResource(() => fetchAlerts({ status, entityId: entity, limit: LIMIT, offset }), [status, entity, offset]);
  const [bulk, setBulk] = useState(false);
  const [startError, setStartError] = useState<unknown>();
  const [empty, setEmpty] = useState(false);
  const last = lastDecided(me.id);

  const start = async (after: string | null) => {
    setStartError(undefined);
    try {
      const n = await fetchNext(after, entity || undefined);
      if (n.id) navigate(alertPath(n.id));
      else setEmpty(true);
    } catch (err) {
      setStartError(err);
    }
  };

  const items = page.data?.items ?? [];
  const caption = entity ? items[0]?.entityCaption : undefined;
  return (
    <>
      {startError !== undefined && <ErrorNote error={startError} />}
      <div className="filters">
        <div className="field">
          <label htmlFor="alerts-status" className="field__label">
            {t('alerts.filter.status')}
          </label>
          <select id="alerts-status" className="input" value={status} onChange={(e) => setQuery({ status: e.currentTarget.value, offset: null })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`alerts.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {entity && (
          <div className="filters__buttons entity-filter">
            <span className="tag">
              {t('alerts.filter.entity')} {caption ? <Name>{caption}</Name> : <span className="mono">{entity}</span>}
            </span>
            <button type="button" className="button button--small" onClick={() => setQuery({ entity: null, offset: null })}>
              {t('action.clear')}
            </button>
            {canDecide && status === 'undecided' && items.length > 0 && (
              <button type="button" className="button button--small" onClick={() => setBulk(true)}>
                {t('review.bulk')}
              </button>
            )}
          </div>
        )}
        <div className="filters__end queue-actions">
          <button type="button" className="button button--primary" onClick={() => start(null)}>
            {t('alerts.start')}
          </button>
          {last && (
            <button type="button" className="button" onClick={() => start(last)}>
              {t('alerts.resume')}
            </button>
          )}
          {empty && (
            <span className="muted" role="status">
              {t('alerts.nothing-to-review')}
            </span>
          )}
        </div>
      </div>
      {page.error !== undefined && <ErrorNote error={page.error} onRetry={page.reload} />}
      {!page.data && page.loading && <Loading />}
      {page.data && (
        <section className="table-block" aria-labelledby="queue-title">
          <div className="table-toolbar">
            <h2 id="queue-title" className="table-count">
              {tn('alerts.count', page.data.total)}
            </h2>
          </div>
          <div className="table-scroll" role="region" aria-labelledby="queue-title" tabIndex={0}>
            <table className="table queue" aria-busy={page.loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('alerts.col.candidate')}</th>
                  <th scope="col">{t('alerts.col.subject')}</th>
                  <th scope="col">{t('alerts.col.score')}</th>
                  <th scope="col">{t('alerts.col.status')}</th>
                  <th scope="col">{t('alerts.col.lists')}</th>
                  <th scope="col">{t('alerts.col.raised')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id} data-alert={a.id}>
                    <td>
                      <Link to={alertPath(a.id)} className="queue__link">
                        <Name>{a.entityCaption}</Name>
                      </Link>
                    </td>
                    <td title={a.subjectId}>{a.subjectName ? <Name>{a.subjectName}</Name> : <span className="mono small">{a.subjectId}</span>}</td>
                    <td>
                      <ScoreBar score={a.score} />
                    </td>
                    <td>
                      <StatusBadge alert={a} me={me.id} />
                    </td>
                    <td>{a.lists.join(', ')}</td>
                    <td className="nowrap">
                      <Instant value={a.createdAt} />
                    </td>
                  </tr>
                ))}
                {!items.length && (
                  <tr>
                    <td colSpan={6} className="table-empty">
                      {status === 'undecided' ? t('alerts.empty-undecided') : t('alerts.empty')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pager
            offset={offset}
            limit={LIMIT}
            shown={items.length}
            total={page.data.total}
            onPage={(o) => setQuery({ offset: o ? String(o) : null })}
            busy={page.loading}
            label={t('alerts.pages')}
          />
        </section>
      )}
      {bulk && entity && <BulkDialog entityId={entity} caption={caption ?? entity} onClose={() => setBulk(false)} onDone={page.reload} />}
    </>
  );
}
