// The audit rows, newest first: who did what to which record with what outcome, and the chain hashes.
import type { AuditRow } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, Instant } from '../../components/Text';
import { t } from '../../i18n';
import { Link, useLocation } from '../../router';

interface Props {
  rows: readonly AuditRow[];
  usernames: ReadonlyMap<string, string>;
  loading: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
  filtered: boolean;
}

const tone = (outcome: string) => (outcome === 'success' ? 'good' : outcome === 'denied' ? 'warn' : outcome === 'failure' ? 'bad' : 'neutral');
const detailsText = (d: AuditRow['details']) => (d && Object.keys(d).length ? JSON.stringify(d) : '');
const detailValue = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null ? '—' : String(v));

/** The current audit URL with some filters changed (paging restarts). */
function withFilter(pathname: string, search: string, changes: Record<string, string>): string {
  const q = new URLSearchParams(search);
  q.delete('beforeSeq');
  q.delete('highlight');
  for (const [k, v] of Object.entries(changes)) q.set(k, v);
  return `${pathname}?${q.toString()}`;
}

export function AuditTable({ rows, usernames, loading, hasMore, onLoadMore, filtered }: Props) {
  const { pathname, search, query } = useLocation();
  // The entry verification named as the first problem, when reached from its link.
  const highlight = Number(query.get('highlight')) || undefined;
  const idLink = (id: string, changes: Record<string, string>, label: string) => (
    <Link to={withFilter(pathname, search, changes)} className="id-link" title={`${label}: ${id}`}>
      {id}
    </Link>
  );
  const columns: Column<AuditRow>[] = [
    { key: 'seq', header: t('audit.col.seq'), className: 'num', render: (r) => r.seq, csv: (r) => r.seq },
    { key: 'at', header: t('audit.col.at'), className: 'nowrap', render: (r) => <Instant value={r.at} />, csv: (r) => r.at },
    {
      key: 'actor',
      header: t('audit.col.actor'),
      render: (r) => {
        const name = r.actorId ? usernames.get(r.actorId) : undefined;
        return (
          <span className="stack">
            <span>{name ? <span className="mono">{name}</span> : <span className="muted">{t(`audit.actor.${r.actorType}` as 'audit.actor.user')}</span>}</span>
            {r.actorId && idLink(r.actorId, { actorId: r.actorId }, t('audit.filter-actor'))}
          </span>
        );
      },
      csv: (r) => r.actorId ?? r.actorType,
    },
    { key: 'action', header: t('audit.col.action'), render: (r) => <code>{r.action}</code>, csv: (r) => r.action },
    {
      key: 'target',
      header: t('audit.col.target'),
      render: (r) =>
        r.targetType ? (
          <span className="stack">
            <span>{r.targetType}</span>
            {r.targetId && idLink(r.targetId, { targetType: r.targetType, targetId: r.targetId }, t('audit.filter-target'))}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      csv: (r) => (r.targetType ? `${r.targetType}:${r.targetId ?? ''}` : ''),
    },
    { key: 'outcome', header: t('audit.col.outcome'), render: (r) => <Badge tone={tone(r.outcome)}>{r.outcome}</Badge>, csv: (r) => r.outcome },
    {
      key: 'details',
      header: t('audit.col.details'),
      className: 'col-details',
      render: (r) => {
        const entries = Object.entries(r.details ?? {});
        return entries.length ? (
          <dl className="details-list">
            {entries.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{detailValue(v)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="muted">—</span>
        );
      },
      csv: (r) => detailsText(r.details),
    },
    { key: 'hash', header: t('audit.col.hash'), render: (r) => <code title={r.hash}>{r.hash.slice(0, 10)}…</code>, csv: (r) => r.hash },
  ];
  const last = rows[rows.length - 1];
  return (
    <>
      <DataTable
        caption={t('audit.caption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.seq)}
        exportName="audit-view"
        empty={loading ? t('common.loading') : filtered ? t('audit.none-match') : t('audit.none')}
        countNote={hasMore && last ? t('audit.more-available', { seq: last.seq }) : undefined}
        rowClassName={(r) => (r.seq === highlight ? 'row--highlight' : r.outcome === 'success' ? undefined : `row--${tone(r.outcome)}`)}
        busy={loading}
      />
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={onLoadMore} disabled={loading}>
            {loading ? t('common.loading') : t('audit.load-more')}
          </button>
        </div>
      )}
    </>
  );
}
