// Data protection: requests to see depersonalised passenger data again and their approvals, retention runs, art. 20 figures.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, ErrorNote, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan, useMe } from '../../session';
import {
  askRepersonalisation,
  decideRequest,
  fetchArt20,
  fetchRequests,
  fetchRuns,
  runRetentionNow,
  viewRequest,
  type Art20Period,
  type RepersonaliseRequest,
  type RepersonalisedTraveller,
  type RetentionRun,
} from './dpoApi';
import { shiftDay, today } from './times';
import './stats.css';

const TONE = { pending: 'warn', approved: 'good', refused: 'bad' } as const;

function AskForm({ onDone }: { onDone: () => void }) {
  const [targetType, setTargetType] = useState<'traveller' | 'flight'>('traveller');
  const [targetId, setTargetId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await askRepersonalisation({ targetType, targetId: targetId.trim(), reason });
      setTargetId('');
      setReason('');
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="dpo-form" onSubmit={submit} aria-label={t('travel.dpo.ask')}>
      <div className="field">
        <label htmlFor="dpo-type" className="field__label">
          {t('travel.dpo.target-type')}
        </label>
        <select id="dpo-type" className="input" value={targetType} onChange={(e) => setTargetType(e.currentTarget.value as 'traveller' | 'flight')}>
          <option value="traveller">{t('travel.dpo.target.traveller')}</option>
          <option value="flight">{t('travel.dpo.target.flight')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="dpo-target" className="field__label">
          {t('travel.dpo.target-id')}
        </label>
        <input id="dpo-target" className="input" required maxLength={64} value={targetId} onChange={(e) => setTargetId(e.currentTarget.value)} />
      </div>
      <div className="field field--wide">
        <label htmlFor="dpo-reason" className="field__label">
          {t('travel.dpo.reason')}
        </label>
        <input id="dpo-reason" className="input" required minLength={10} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('travel.dpo.ask')}
      </button>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </form>
  );
}

function Shown({ travellers }: { travellers: RepersonalisedTraveller[] }) {
  const columns: Column<RepersonalisedTraveller>[] = [
    { key: 'flight', header: t('travel.dpo.target.flight'), render: (x) => <code>{x.flightId}</code>, csv: (x) => x.flightId },
    {
      key: 'name',
      header: t('travel.dpo.name'),
      render: (x) => <bdi dir="auto">{`${x.surname}, ${x.givenNames}`}</bdi>,
      csv: (x) => `${x.surname}, ${x.givenNames}`,
    },
    { key: 'birth', header: t('travel.dpo.birth'), render: (x) => x.birthDate ?? '–', csv: (x) => x.birthDate },
    { key: 'sex', header: t('travel.stats.sex'), render: (x) => x.sex ?? '–', csv: (x) => x.sex },
    { key: 'nat', header: t('travel.dpo.nationality'), render: (x) => x.nationality ?? '–', csv: (x) => x.nationality },
    {
      key: 'doc',
      header: t('travel.dpo.document'),
      render: (x) => [x.documentCountry, x.documentNumber].filter(Boolean).join(' ') || '–',
      csv: (x) => [x.documentCountry, x.documentNumber].filter(Boolean).join(' '),
    },
  ];
  return (
    <section className="panel" aria-label={t('travel.dpo.shown')}>
      <p className="section-intro">{t('travel.dpo.shown-note')}</p>
      <DataTable
        caption={t('travel.dpo.shown')}
        columns={columns}
        rows={travellers}
        rowKey={(x) => x.id}
        exportName="repersonalised"
        empty={t('travel.stats.no-data')}
      />
    </section>
  );
}

export function DpoTab() {
  const me = useMe();
  const canApprove = useCan('travel.repersonalise');
  const isDpo = useCan('travel.dpo');
  const canAsk = useCan('travel.read');
  const requests = useResource(fetchRequests, []);
  const runs = useResource(() => (isDpo ? fetchRuns() : Promise.resolve([])), [isDpo]);
  const to = today();
  const from = shiftDay(to, -364);
  const art20 = useResource(() => (isDpo ? fetchArt20({ from, to }) : Promise.resolve([])), [isDpo, from, to]);
  const [shown, setShown] = useState<RepersonalisedTraveller[] | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await fn();
      requests.reload();
      runs.reload();
    } catch (err) {
      setActionError(messageOf(err));
    }
  };

  const requestColumns: Column<RepersonaliseRequest>[] = [
    {
      key: 'status',
      header: t('travel.dpo.status'),
      render: (r) => <Badge tone={TONE[r.status]}>{t(`travel.dpo.status.${r.status}`)}</Badge>,
      csv: (r) => r.status,
    },
    {
      key: 'target',
      header: t('travel.dpo.target'),
      render: (r) => <code>{`${r.targetType} ${r.targetId}`}</code>,
      csv: (r) => `${r.targetType} ${r.targetId}`,
    },
    { key: 'reason', header: t('travel.dpo.reason'), render: (r) => r.reason, csv: (r) => r.reason },
    { key: 'by', header: t('travel.dpo.requested-by'), render: (r) => <code>{r.requestedBy}</code>, csv: (r) => r.requestedBy },
    { key: 'at', header: t('travel.dpo.requested-at'), render: (r) => <Instant value={r.requestedAt} />, csv: (r) => r.requestedAt },
    { key: 'decided', header: t('travel.dpo.decided-by'), render: (r) => (r.decidedBy ? <code>{r.decidedBy}</code> : '–'), csv: (r) => r.decidedBy },
    { key: 'expires', header: t('travel.dpo.expires'), render: (r) => <Instant value={r.expiresAt} empty="–" />, csv: (r) => r.expiresAt },
    { key: 'views', header: t('travel.dpo.views'), render: (r) => formatNumber(r.views), csv: (r) => r.views, className: 'num' },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <span className="button-row">
          {canApprove && r.status === 'pending' && r.requestedBy !== me.id && (
            <>
              <button type="button" className="button button--small" onClick={() => void act(() => decideRequest(r.id, 'approve'))}>
                {t('travel.dpo.approve')}
              </button>
              <button type="button" className="button button--small" onClick={() => void act(() => decideRequest(r.id, 'refuse'))}>
                {t('travel.dpo.refuse')}
              </button>
            </>
          )}
          {r.status === 'approved' && r.requestedBy === me.id && (
            <button type="button" className="button button--small" onClick={() => void act(async () => setShown((await viewRequest(r.id)).travellers))}>
              {t('travel.dpo.show')}
            </button>
          )}
        </span>
      ),
    },
  ];
  type Run = RetentionRun;
  const runColumns: Column<Run>[] = [
    { key: 'at', header: t('travel.dpo.run-at'), render: (r) => <Instant value={r.startedAt} />, csv: (r) => r.startedAt },
    { key: 'by', header: t('travel.dpo.run-by'), render: (r) => <code>{r.actor}</code>, csv: (r) => r.actor },
    {
      key: 'dt',
      header: t('travel.dpo.dep-travellers'),
      render: (r) => formatNumber(r.counts.depersonalised.travellers),
      csv: (r) => r.counts.depersonalised.travellers,
      className: 'num',
    },
    {
      key: 'dm',
      header: t('travel.dpo.dep-messages'),
      render: (r) => formatNumber(r.counts.depersonalised.messages),
      csv: (r) => r.counts.depersonalised.messages,
      className: 'num',
    },
    {
      key: 'dp',
      header: t('travel.dpo.dep-pnrs'),
      render: (r) => formatNumber(r.counts.depersonalised.pnrVersions),
      csv: (r) => r.counts.depersonalised.pnrVersions,
      className: 'num',
    },
    {
      key: 'xt',
      header: t('travel.dpo.del-travellers'),
      render: (r) => formatNumber(r.counts.deleted.travellers),
      csv: (r) => r.counts.deleted.travellers,
      className: 'num',
    },
    {
      key: 'xm',
      header: t('travel.dpo.del-messages'),
      render: (r) => formatNumber(r.counts.deleted.messages),
      csv: (r) => r.counts.deleted.messages,
      className: 'num',
    },
    {
      key: 'kept',
      header: t('travel.dpo.kept'),
      render: (r) => formatNumber(r.counts.keptForConfirmedAlerts),
      csv: (r) => r.counts.keptForConfirmedAlerts,
      className: 'num',
    },
    {
      key: 'stream',
      header: t('travel.dpo.stream'),
      render: (r) =>
        `${t(`travel.dpo.stream.${r.counts.stream.status}`)}${r.counts.stream.status === 'purged' ? ` (${formatNumber(r.counts.stream.purged)})` : ''}`,
      csv: (r) => `${r.counts.stream.status} ${r.counts.stream.purged}`,
    },
  ];
  const art20Columns: Column<Art20Period>[] = [
    { key: 'period', header: t('travel.dpo.period'), render: (p) => p.period, csv: (p) => p.period },
    {
      key: 'collected',
      header: t('travel.dpo.collected'),
      render: (p) => formatNumber(p.travellersCollected),
      csv: (p) => p.travellersCollected,
      className: 'num',
    },
    {
      key: 'identified',
      header: t('travel.dpo.identified'),
      render: (p) => formatNumber(p.travellersIdentified),
      csv: (p) => p.travellersIdentified,
      className: 'num',
    },
    { key: 'raised', header: t('travel.dpo.alerts-raised'), render: (p) => formatNumber(p.alertsRaised), csv: (p) => p.alertsRaised, className: 'num' },
    {
      key: 'tconf',
      header: t('travel.dpo.travellers-confirmed'),
      render: (p) => formatNumber(p.travellersConfirmed),
      csv: (p) => p.travellersConfirmed,
      className: 'num',
    },
    { key: 'aconf', header: t('travel.dpo.alerts-confirmed'), render: (p) => formatNumber(p.alertsConfirmed), csv: (p) => p.alertsConfirmed, className: 'num' },
  ];

  return (
    <>
      <p className="section-intro">{t('travel.dpo.intro')}</p>
      {actionError && (
        <p role="alert" className="field__error">
          {actionError}
        </p>
      )}
      {canAsk && <AskForm onDone={requests.reload} />}
      {shown && <Shown travellers={shown} />}
      <h2 className="section-title">{t('travel.dpo.requests')}</h2>
      {requests.error !== undefined && <ErrorNote error={requests.error} onRetry={requests.reload} />}
      <DataTable
        caption={t('travel.dpo.requests')}
        columns={requestColumns}
        rows={requests.data ?? []}
        rowKey={(r) => r.id}
        exportName="repersonalisation-requests"
        empty={requests.loading ? t('common.loading') : t('travel.dpo.no-requests')}
        busy={requests.loading}
      />
      {isDpo && (
        <>
          <h2 className="section-title">{t('travel.dpo.runs')}</h2>
          {runs.error !== undefined && <ErrorNote error={runs.error} onRetry={runs.reload} />}
          <DataTable
            caption={t('travel.dpo.runs')}
            columns={runColumns}
            rows={runs.data ?? []}
            rowKey={(r) => r.id}
            exportName="retention-runs"
            empty={runs.loading ? t('common.loading') : t('travel.dpo.no-runs')}
            busy={runs.loading}
            toolbar={
              <button type="button" className="button button--small" onClick={() => void act(runRetentionNow)}>
                {t('travel.dpo.run-now')}
              </button>
            }
          />
          <h2 className="section-title">{t('travel.dpo.art20')}</h2>
          {art20.error !== undefined && <ErrorNote error={art20.error} onRetry={art20.reload} />}
          <DataTable
            caption={t('travel.dpo.art20')}
            columns={art20Columns}
            rows={art20.data ?? []}
            rowKey={(p) => p.period}
            exportName={`art20-${from}-${to}`}
            empty={art20.loading ? t('common.loading') : t('travel.stats.no-data')}
            busy={art20.loading}
          />
        </>
      )}
    </>
  );
}
