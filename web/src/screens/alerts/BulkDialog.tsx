// One decision for every undecided alert of one candidate entity; each alert's outcome is reported.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ErrorNote, Loading, Name } from '../../components/Text';
import { t, tn, type MessageKey } from '../../i18n';
import { tr } from '../../i18n/rich';
import { useResource } from '../../lib/useResource';
import { decideAll, fetchAlerts, REASONS, type BulkResult, type Decision } from './api';

/** Bulk confirmation would let one person confirm many matches at once: bulk is for false positives and escalation. */
const BULK: readonly Decision[] = ['false-positive', 'unsure'];

export function BulkDialog({ entityId, caption, onClose, onDone }: { entityId: string; caption: string; onClose: () => void; onDone: () => void }) {
  const open = useResource(() => fetchAlerts({ status: 'undecided', entityId, limit: 500, offset: 0 }), [entityId]);
  const [decision, setDecision] = useState<Decision>('false-positive');
  const [reason, setReason] = useState(REASONS['false-positive'][0]!);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const ids = (open.data?.items ?? []).map((a) => a.id);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResults(await decideAll(entityId, ids, { decision, reason, ...(note.trim() ? { note: note.trim() } : {}) }));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const failed = (results ?? []).filter((r): r is Extract<BulkResult, { error: unknown }> => 'error' in r);

  return (
    <Dialog
      open
      title={t('bulk.title')}
      onClose={onClose}
      actions={
        results ? (
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('action.done')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('action.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={run} disabled={busy || !ids.length}>
              {tn('bulk.apply', ids.length)}
            </button>
          </>
        )
      }
    >
      <p>{tr('bulk.intro', { name: <Name>{caption}</Name> })}</p>
      {open.loading && !open.data && <Loading />}
      {open.error !== undefined && <ErrorNote error={open.error} onRetry={open.reload} />}
      {results ? (
        <div role="status">
          <p className="callout callout--success">{tn('bulk.done', results.length - failed.length)}</p>
          {failed.length > 0 && (
            <ul className="bulk-failures">
              {failed.map((f) => (
                <li key={f.id}>
                  <span className="mono">{f.id.slice(0, 8)}</span> {f.error.detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div className="form">
          <Field label={t('review.decision')}>
            <select
              className="input"
              value={decision}
              onChange={(e) => {
                const d = e.currentTarget.value as Decision;
                setDecision(d);
                setReason(REASONS[d][0]!);
              }}
            >
              {BULK.map((d) => (
                <option key={d} value={d}>
                  {t(`review.decision.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('review.reason')}>
            <select className="input" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
              {REASONS[decision].map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('review.note')} hint={t('review.note-hint')}>
            <textarea className="input" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </Field>
          <p className="muted small">{t('bulk.no-confirm')}</p>
          {error !== undefined && <ErrorNote error={error} />}
        </div>
      )}
    </Dialog>
  );
}
