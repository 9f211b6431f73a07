// Where a list's versions come from: the publisher's addresses and schedule, the last check, and fetching now (watchlists.manage).
import { useState } from 'react';
import { messageOf } from '../../api/problem';
import { useStatus } from '../../components/Status';
import { Badge, Instant } from '../../components/Text';
import { formatNumber, t, tn } from '../../i18n';
import { useCan } from '../../session';
import { fetchNow, type ListDetail } from './api';
import { versionLabel } from './format';

const STATUSES = ['not-modified', 'unchanged', 'imported', 'failed'] as const;
const statusTone = (status: string) => (status === 'failed' ? 'bad' : status === 'imported' ? 'good' : 'neutral');
const statusLabel = (status: string) => {
  const known = STATUSES.find((s) => s === status);
  return known ? t(`source.status.${known}`) : status;
};

export function SourcePanel({ list, onChanged }: { list: ListDetail; onChanged: () => void }) {
  const canManage = useCan('watchlists.manage');
  const { announce } = useStatus();
  const [busy, setBusy] = useState(false);
  const s = list.source;

  const fetchSource = async () => {
    setBusy(true);
    try {
      const r = await fetchNow(list.name);
      if (r.status === 'failed') announce(t('source.fetch-failed', { error: r.error ?? '' }), 'error');
      else if (r.status === 'imported' && r.version !== null)
        announce(t('source.fetch-imported', { version: versionLabel(r.version), bytes: formatNumber(r.bytes) }));
      else announce(t('source.fetch-unchanged'), 'info');
      onChanged();
    } catch (err) {
      announce(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel source-panel" aria-labelledby="source-title">
      <div className="source-panel__head">
        <h2 id="source-title" className="panel__title">
          {t('source.title')}
        </h2>
        {s && canManage && (
          <button type="button" className="button button--small" onClick={fetchSource} disabled={busy}>
            {busy ? t('source.fetching') : t('source.fetch')}
          </button>
        )}
      </div>
      {s ? (
        <dl className="fact-grid">
          <div className="fact-grid__wide">
            <dt>{t('source.url')}</dt>
            {s.urls.map((u) => (
              <dd key={u} className="mono small break">
                {u}
              </dd>
            ))}
          </div>
          <div>
            <dt>{t('source.format')}</dt>
            <dd>
              <code>{s.format}</code>
            </dd>
          </div>
          <div>
            <dt>{t('source.schedule')}</dt>
            <dd>{s.everyHours ? tn('source.every', s.everyHours) : t('source.manual')}</dd>
          </div>
          <div>
            <dt>{t('source.last-checked')}</dt>
            <dd>
              <Instant value={s.lastCheckedAt} />
              {s.lastStatus && (
                <>
                  {' '}
                  <Badge tone={statusTone(s.lastStatus)}>{statusLabel(s.lastStatus)}</Badge>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('source.last-changed')}</dt>
            <dd>
              <Instant value={s.lastChangedAt} />
            </dd>
          </div>
          {s.lastStatus === 'failed' && s.lastError && (
            <div className="fact-grid__all">
              <dt>{t('source.last-error')}</dt>
              <dd className="field__error">{s.lastError}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="muted source-panel__none">{t('source.none', { name: list.name })}</p>
      )}
    </section>
  );
}
