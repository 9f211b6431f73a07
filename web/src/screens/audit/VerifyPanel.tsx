// Verifies the hash chain and signed checkpoints of the audit trail and says plainly whether it is intact.
import { useState } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import type { Verify } from '../../api/types';
import { formatNumber, t, tn } from '../../i18n';
import { Link } from '../../router';

export function VerifyPanel() {
  const [result, setResult] = useState<Verify | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call(api.GET('/api/audit/verify')));
      setCheckedAt(new Date());
    } catch (err) {
      setResult(null);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="verify" aria-labelledby="verify-title">
      <div className="verify__head">
        <div>
          <h2 id="verify-title" className="verify__title">
            {t('audit.verify.title')}
          </h2>
          <p className="verify__intro">{t('audit.verify.intro')}</p>
        </div>
        <button type="button" className="button" onClick={verify} disabled={busy}>
          {busy ? t('audit.verify.running') : t('audit.verify.run')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error && <p className="callout callout--error">{error}</p>}
        {result?.ok && (
          <p className="callout callout--success" data-verify="ok">
            <strong>{t('audit.verify.ok')}</strong>{' '}
            {t('audit.verify.ok-detail', {
              rows: formatNumber(result.rows),
              lastSeq: result.lastSeq,
              checkpoints: tn('audit.verify.checkpoints', result.checkpoints),
            })}{' '}
            {result.lastCheckpointSeq !== null ? t('audit.verify.last-checkpoint', { seq: result.lastCheckpointSeq }) : t('audit.verify.no-checkpoint')}
            {checkedAt && <> {t('audit.verify.checked-at', { time: checkedAt.toLocaleTimeString() })}</>}
          </p>
        )}
        {result && !result.ok && (
          <div className="callout callout--error" data-verify="failed">
            <p>
              <strong>{t('audit.verify.failed')}</strong>{' '}
              {result.firstProblem
                ? t('audit.verify.first-problem', { seq: result.firstProblem.seq, code: result.firstProblem.code })
                : t('audit.verify.no-detail')}
            </p>
            {result.firstProblem && (
              <>
                <p className="mono small">{result.firstProblem.detail}</p>
                <p>
                  <Link to={`/audit?beforeSeq=${result.firstProblem.seq + 1}&highlight=${result.firstProblem.seq}`}>
                    {t('audit.verify.show-row', { seq: result.firstProblem.seq })}
                  </Link>
                </p>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
