// Reports of a case with their grades and handling codes, and filing a new one under a grading scheme with the links it asserts.
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { createReport, fetchReports, fetchSchemes, type Report, type Scheme } from './api';

export const LINK_SCHEMAS = ['Ownership', 'Directorship', 'Family', 'Associate', 'Employment', 'Membership', 'UnknownLink', 'Payment', 'Call'] as const;

interface LinkRow {
  schema: string;
  source: string;
  target: string;
}

function ReportForm({ caseId, schemes, onFiled }: { caseId: string; schemes: Scheme[]; onFiled: () => void }) {
  const [schemeId, setSchemeId] = useState(schemes[0]?.id ?? '');
  const scheme = schemes.find((s) => s.id === schemeId);
  const [reference, setReference] = useState('');
  const [sourceGrade, setSourceGrade] = useState('');
  const [infoGrade, setInfoGrade] = useState('');
  const [handling, setHandling] = useState('');
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState('');
  const [links, setLinks] = useState<LinkRow[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const grades = (list: Scheme['source'], value: string, set: (v: string) => void, label: string) => (
    <Field label={label} required>
      <select className="input" value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('intel.report.choose')}</option>
        {list.map((g) => (
          <option key={g.code} value={g.code}>
            {g.code} — {g.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await createReport(caseId, {
        reference: reference.trim(),
        scheme: schemeId,
        sourceGrade,
        infoGrade,
        handling,
        text,
        entities: mentions
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((id) => ({ id })),
        links: links.filter((l) => l.source.trim() && l.target.trim()).map((l) => ({ schema: l.schema, source: l.source.trim(), target: l.target.trim() })),
      });
      setReference('');
      setText('');
      setMentions('');
      setLinks([]);
      onFiled();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!scheme) return null;
  return (
    <form className="form form--grid" onSubmit={submit}>
      <Field label={t('intel.report.reference')} required>
        <input className="input" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
      </Field>
      <Field label={t('intel.report.scheme')} required>
        <select
          className="input"
          value={schemeId}
          onChange={(e) => {
            setSchemeId(e.target.value);
            setSourceGrade('');
            setInfoGrade('');
            setHandling('');
          }}
        >
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      {grades(scheme.source, sourceGrade, setSourceGrade, scheme.sourceTitle)}
      {grades(scheme.info, infoGrade, setInfoGrade, scheme.infoTitle)}
      {grades(scheme.handling, handling, setHandling, t('intel.report.handling'))}
      <Field label={t('intel.report.mentions')} hint={t('intel.report.mentions-hint')}>
        <input className="input" value={mentions} onChange={(e) => setMentions(e.target.value)} />
      </Field>
      <Field label={t('intel.report.text')} className="form__full">
        <textarea className="input" rows={4} value={text} maxLength={100000} onChange={(e) => setText(e.target.value)} />
      </Field>
      <fieldset className="fieldset form__full">
        <legend>{t('intel.report.links')}</legend>
        {links.map((l, i) => (
          <div key={i} className="intel-inline">
            <select
              className="input input--short"
              aria-label={t('intel.report.link-type')}
              value={l.schema}
              onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, schema: e.target.value } : x)))}
            >
              {LINK_SCHEMAS.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <input
              className="input"
              aria-label={t('intel.report.link-source')}
              placeholder={t('intel.report.link-source')}
              value={l.source}
              onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, source: e.target.value } : x)))}
            />
            <input
              className="input"
              aria-label={t('intel.report.link-target')}
              placeholder={t('intel.report.link-target')}
              value={l.target}
              onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))}
            />
            <button type="button" className="button button--small" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
              {t('intel.report.link-remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => setLinks([...links, { schema: 'Associate', source: '', target: '' }])}>
          {t('intel.report.link-add')}
        </button>
      </fieldset>
      <div className="form__full">
        <button type="submit" className="button button--primary" disabled={busy || !reference.trim() || !sourceGrade || !infoGrade || !handling}>
          {t('intel.report.file')}
        </button>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
    </form>
  );
}

export function ReportsTab({ caseId, canWrite, onChange }: { caseId: string; canWrite: boolean; onChange: () => void }) {
  const reports = useResource(() => fetchReports(caseId), [caseId]);
  const schemes = useResource(fetchSchemes, []);
  const schemeName = (id: string) => schemes.data?.find((s) => s.id === id)?.name ?? id;
  return (
    <>
      {reports.error !== undefined && <ErrorNote error={reports.error} onRetry={reports.reload} />}
      {!reports.data ? (
        <Loading />
      ) : (
        <DataTable<Report>
          caption={t('intel.reports')}
          exportName="case-reports"
          rows={reports.data}
          rowKey={(r) => r.id}
          empty={t('intel.reports.empty')}
          columns={[
            { key: 'reference', header: t('intel.report.reference'), render: (r) => r.reference, csv: (r) => r.reference },
            { key: 'grade', header: t('intel.report.grade'), render: (r) => <Badge tone="info">{r.grade}</Badge>, csv: (r) => r.grade },
            { key: 'scheme', header: t('intel.report.scheme'), render: (r) => schemeName(r.scheme), csv: (r) => r.scheme },
            { key: 'handling', header: t('intel.report.handling'), render: (r) => r.handling, csv: (r) => r.handling },
            { key: 'entities', header: t('intel.report.entities'), render: (r) => formatNumber(r.entityIds.length), csv: (r) => r.entityIds.length },
            { key: 'text', header: t('intel.report.text'), render: (r) => <span className="intel-clip">{r.text}</span>, csv: (r) => r.text },
            { key: 'created', header: t('intel.case.created'), render: (r) => <Instant value={r.createdAt} />, csv: (r) => r.createdAt },
          ]}
        />
      )}
      {canWrite && schemes.data && (
        <section className="page-section" aria-labelledby="intel-new-report">
          <h2 id="intel-new-report" className="section-title">
            {t('intel.report.new')}
          </h2>
          <ReportForm
            caseId={caseId}
            schemes={schemes.data}
            onFiled={() => {
              reports.reload();
              onChange();
            }}
          />
        </section>
      )}
    </>
  );
}
