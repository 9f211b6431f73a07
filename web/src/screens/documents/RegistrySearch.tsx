// Searching the active registry version: by document number (exact and OCR-tolerant), country and status; the query stays in the URL.
import { useState, type FormEvent } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Badge, ErrorNote } from '../../components/Text';
import { formatDate, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { fetchReports, type Report } from './api';
import { statusLabel } from './labels';

const PAGE = 50;
const STATUSES = ['lost', 'stolen', 'stolen-blank', 'revoked', 'invalidated'] as const;

export function RegistrySearch({ reloadKey }: { reloadKey: number }) {
  const [query, setQuery] = useQueryState();
  const number = query.get('number') ?? '';
  const country = query.get('country') ?? '';
  const status = query.get('status') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState({ number, country, status });
  const page = useResource(() => fetchReports({ number, country, status, limit: PAGE, offset }), [number, country, status, offset, reloadKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ number: draft.number.trim(), country: draft.country.trim(), status: draft.status, offset: null });
  };

  const columns: Column<Report>[] = [
    {
      key: 'country',
      header: t('documents.reports.col.country'),
      render: (r) => <span className="mono">{r.issuingCountry.icao}</span>,
      csv: (r) => r.issuingCountry.icao,
    },
    { key: 'type', header: t('documents.reports.col.type'), render: (r) => <span className="mono">{r.documentType ?? ''}</span>, csv: (r) => r.documentType },
    {
      key: 'number',
      header: t('documents.reports.col.number'),
      render: (r) => (
        <span className="stack report-number">
          <span className="mono">{r.documentNumber}</span>
          {r.match && <Badge tone={r.match === 'exact' ? 'bad' : 'warn'}>{t(`documents.lost.match.${r.match}`)}</Badge>}
          {r.detail && <span className="small muted">{r.detail}</span>}
        </span>
      ),
      csv: (r) => r.documentNumber,
    },
    { key: 'status', header: t('documents.reports.col.status'), render: (r) => statusLabel(r.status), csv: (r) => r.status },
    { key: 'reported', header: t('documents.reports.col.reported'), render: (r) => formatDate(r.reportedOn), csv: (r) => r.reportedOn },
  ];

  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title" className="panel__title">
        {t('documents.reports.title')}
      </h2>
      <form className="form form--inline" onSubmit={submit} role="search" aria-label={t('documents.reports.title')}>
        <Field label={t('documents.reports.number')} hint={t('documents.reports.number-hint')} className="field--wide">
          <input className="input mono" value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />
        </Field>
        <Field label={t('documents.reports.country')}>
          <input className="input input--short" value={draft.country} onChange={(e) => setDraft({ ...draft, country: e.target.value })} />
        </Field>
        <Field label={t('documents.reports.status')}>
          <select className="input" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('documents.reports.any-status')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--primary">
          {t('documents.reports.search')}
        </button>
      </form>
      {page.error !== undefined && <ErrorNote error={page.error} onRetry={page.reload} />}
      {page.data && (
        <>
          <DataTable
            caption={t('documents.reports.title')}
            columns={columns}
            rows={page.data.items}
            rowKey={(r) => r.id}
            exportName="lost-reports"
            empty={page.data.version === null ? t('documents.registry.no-versions') : t('documents.reports.none')}
            countNote={t('documents.reports.of', { total: page.data.total, version: page.data.version ?? '—' })}
            busy={page.loading}
          />
          <Pager
            total={page.data.total}
            offset={offset}
            limit={PAGE}
            shown={page.data.items.length}
            busy={page.loading}
            label={t('documents.reports.pages')}
            onPage={(o) => setQuery({ offset: o ? String(o) : null })}
          />
        </>
      )}
    </section>
  );
}
