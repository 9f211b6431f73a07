// The cases the signed-in person is a member of, newest first, and opening a new one (its opener becomes the owner).
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, navigate } from '../../router';
import { casePath, createCase, fetchCases, type CaseSummary } from './api';

export function CasesList() {
  const cases = useResource(fetchCases, []);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const c = await createCase(name.trim(), description.trim());
      navigate(casePath(c.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('intel.title')} description={t('intel.description')} />
      <p className="callout callout--info">{t('intel.need-to-know')}</p>
      {cases.error !== undefined && <ErrorNote error={cases.error} onRetry={cases.reload} />}
      {!cases.data && cases.error === undefined ? (
        <Loading />
      ) : (
        <DataTable<CaseSummary>
          caption={t('intel.cases')}
          exportName="cases"
          rows={cases.data ?? []}
          rowKey={(c) => c.id}
          empty={t('intel.cases.empty')}
          columns={[
            { key: 'name', header: t('intel.case.name'), render: (c) => <Link to={casePath(c.id)}>{c.name}</Link>, csv: (c) => c.name },
            { key: 'role', header: t('intel.case.role'), render: (c) => <Badge tone="info">{t(`intel.role.${c.role}`)}</Badge>, csv: (c) => c.role },
            { key: 'entities', header: t('intel.case.entities'), render: (c) => formatNumber(c.entities), csv: (c) => c.entities },
            { key: 'reports', header: t('intel.case.reports'), render: (c) => formatNumber(c.reports), csv: (c) => c.reports },
            { key: 'members', header: t('intel.case.members'), render: (c) => formatNumber(c.members), csv: (c) => c.members },
            { key: 'created', header: t('intel.case.created'), render: (c) => <Instant value={c.createdAt} />, csv: (c) => c.createdAt },
          ]}
        />
      )}
      <section className="page-section" aria-labelledby="intel-new-case">
        <h2 id="intel-new-case" className="section-title">
          {t('intel.case.new')}
        </h2>
        <form className="form form--grid" onSubmit={submit}>
          <Field label={t('intel.case.name')} required>
            <input className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label={t('intel.case.description')}>
            <input className="input" value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <div className="form__full">
            <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
              {t('intel.case.open')}
            </button>
          </div>
          {error !== undefined && <ErrorNote error={error} />}
        </form>
      </section>
    </>
  );
}
