// Cross-referencing a case: propose pairs, a queue with bulk decisions, and one pair side by side decided by keyboard (y / n / u, j to skip); resumes.
import { useEffect, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { Badge, ErrorNote, Loading, Name } from '../../components/Text';
import { t, tn } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, navigate } from '../../router';
import { useMe } from '../../session';
import { schemaLabel } from '../lists/format';
import { casePath, decidePairs, fetchNextPair, fetchPair, fetchPairs, runXref, type Pair, type PairDecision } from './api';
import { PairCompare } from './PairCompare';

const pairPath = (caseId: string, pairId: string) => `${casePath(caseId, 'xref')}/${encodeURIComponent(pairId)}`;
const lastKey = (userId: string, caseId: string) => `vigil.intel.last-pair.${userId}.${caseId}`;
const remember = (userId: string, caseId: string, pairId: string) => {
  try {
    window.localStorage.setItem(lastKey(userId, caseId), pairId);
  } catch {
    // storage unavailable: resuming starts at the top of the queue
  }
};
const lastPair = (userId: string, caseId: string): string | null => {
  try {
    return window.localStorage.getItem(lastKey(userId, caseId));
  } catch {
    return null;
  }
};

const DECISIONS: readonly PairDecision[] = ['yes', 'no', 'unsure'];
const KEYS: Readonly<Record<string, PairDecision | 'next' | 'queue'>> = { y: 'yes', n: 'no', u: 'unsure', j: 'next', q: 'queue' };

function PairReview({ caseId, pairId, canWrite }: { caseId: string; pairId: string; canWrite: boolean }) {
  const me = useMe();
  const pair = useResource(() => fetchPair(caseId, pairId), [caseId, pairId]);
  const next = useResource(() => fetchNextPair(caseId, pairId), [caseId, pairId]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const p = pair.data;
  const open = p?.status === 'open' || p?.status === 'unsure';

  const decide = async (d: PairDecision) => {
    if (!p || !open || !canWrite || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await decidePairs(caseId, [{ pairId, decision: d }]);
      remember(me.id, caseId, pairId);
      const n = await fetchNextPair(caseId, pairId);
      if (n.id && n.id !== pairId) navigate(pairPath(caseId, n.id));
      else navigate(casePath(caseId, 'xref'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target instanceof HTMLElement && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName))) return;
      const action = KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      if (action === 'next') {
        if (next.data?.id && next.data.id !== pairId) navigate(pairPath(caseId, next.data.id));
      } else if (action === 'queue') navigate(casePath(caseId, 'xref'));
      else void decide(action);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  });

  if (!p) return pair.error !== undefined ? <ErrorNote error={pair.error} onRetry={pair.reload} /> : <Loading />;
  return (
    <div className="stack-gap">
      <p className="breadcrumb">
        <Link to={casePath(caseId, 'xref')}>{t('intel.xref.back')}</Link>
      </p>
      <h2 className="section-title">
        {t('intel.xref.pair-title', { score: p.score.toFixed(3) })} <Badge tone={p.status === 'open' ? 'warn' : 'info'}>{t(`intel.pair.${p.status}`)}</Badge>
      </h2>
      <PairCompare pair={p} />
      {error !== undefined && <ErrorNote error={error} />}
      {canWrite && open ? (
        <div className="intel-inline" role="group" aria-label={t('intel.xref.decide')}>
          {DECISIONS.map((d) => (
            <button key={d} type="button" className={`button ${d === 'yes' ? 'button--primary' : ''}`} disabled={busy} onClick={() => decide(d)}>
              {t(`intel.decision.${d}`)} <kbd>{d[0]}</kbd>
            </button>
          ))}
          <button
            type="button"
            className="button"
            disabled={!next.data?.id || next.data.id === pairId}
            onClick={() => next.data?.id && navigate(pairPath(caseId, next.data.id))}
          >
            {t('intel.xref.skip')} <kbd>j</kbd>
          </button>
          <span className="muted small" aria-live="polite">
            {next.data ? tn('intel.xref.remaining', next.data.remaining) : ''}
          </span>
        </div>
      ) : (
        <p className="callout callout--info">{t('intel.xref.decided', { decision: t(`intel.pair.${p.status}`) })}</p>
      )}
    </div>
  );
}

function Queue({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const me = useMe();
  const pairs = useResource(() => fetchPairs(caseId, 'open'), [caseId]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lists, setLists] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await f();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const xref = () =>
    act(async () => {
      const r = await runXref(caseId, lists);
      setNotice(t('intel.xref.result', { entities: r.entities, proposed: r.proposed, lists: r.againstLists }));
      pairs.reload();
    });
  const bulk = (d: PairDecision) =>
    act(async () => {
      const r = await decidePairs(
        caseId,
        [...selected].map((pairId) => ({ pairId, decision: d })),
      );
      setNotice(tn('intel.xref.bulk-done', r.length));
      setSelected(new Set());
      pairs.reload();
    });
  const resume = () =>
    act(async () => {
      const n = await fetchNextPair(caseId, lastPair(me.id, caseId));
      if (n.id) navigate(pairPath(caseId, n.id));
    });
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <div className="stack-gap">
      {canWrite && (
        <div className="intel-inline">
          <label className="check check--inline">
            <input type="checkbox" checked={lists} onChange={(e) => setLists(e.target.checked)} /> {t('intel.xref.lists')}
          </label>
          <button type="button" className="button button--primary" onClick={xref} disabled={busy}>
            {t('intel.xref.run')}
          </button>
          <button type="button" className="button" onClick={resume} disabled={busy || !pairs.data?.total}>
            {t('intel.xref.resume')}
          </button>
        </div>
      )}
      {notice && (
        <p className="callout callout--success" role="status">
          {notice}
        </p>
      )}
      {error !== undefined && <ErrorNote error={error} />}
      {!pairs.data ? (
        pairs.error !== undefined ? (
          <ErrorNote error={pairs.error} onRetry={pairs.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <DataTable<Pair>
          caption={t('intel.xref.queue')}
          exportName="case-pairs"
          rows={pairs.data.items}
          rowKey={(p) => p.id}
          empty={t('intel.xref.empty')}
          countNote={tn('intel.xref.open', pairs.data.total)}
          toolbar={
            canWrite && selected.size > 0 ? (
              <div className="intel-inline" role="group" aria-label={t('intel.xref.bulk', { count: selected.size })}>
                <span>{t('intel.xref.bulk', { count: selected.size })}</span>
                {DECISIONS.map((d) => (
                  <button key={d} type="button" className="button button--small" disabled={busy} onClick={() => bulk(d)}>
                    {t(`intel.decision.${d}`)}
                  </button>
                ))}
              </div>
            ) : undefined
          }
          columns={[
            ...(canWrite
              ? [
                  {
                    key: 'select',
                    header: t('intel.xref.select'),
                    render: (p: Pair) => (
                      <input
                        type="checkbox"
                        aria-label={t('intel.xref.select-pair', { left: p.left.caption, right: p.right.caption })}
                        checked={selected.has(p.id)}
                        onChange={() => toggle(p.id)}
                      />
                    ),
                  },
                ]
              : []),
            { key: 'score', header: t('intel.xref.score'), render: (p) => p.score.toFixed(3), csv: (p) => p.score },
            {
              key: 'left',
              header: t('intel.xref.left'),
              render: (p) => (
                <Link to={pairPath(caseId, p.id)}>
                  <Name>{p.left.caption}</Name>
                </Link>
              ),
              csv: (p) => p.left.caption,
            },
            { key: 'right', header: t('intel.xref.right'), render: (p) => <Name>{p.right.caption}</Name>, csv: (p) => p.right.caption },
            { key: 'schema', header: t('intel.entity.schema'), render: (p) => schemaLabel(p.left.schema), csv: (p) => p.left.schema },
            {
              key: 'source',
              header: t('intel.xref.source'),
              render: (p) => (p.source === 'case' ? t('intel.xref.in-case') : p.source.replace(/^list:/, '')),
              csv: (p) => p.source,
            },
          ]}
        />
      )}
    </div>
  );
}

export function XrefTab({ caseId, pairId, canWrite }: { caseId: string; pairId: string | undefined; canWrite: boolean }) {
  return pairId ? <PairReview key={pairId} caseId={caseId} pairId={pairId} canWrite={canWrite} /> : <Queue caseId={caseId} canWrite={canWrite} />;
}
