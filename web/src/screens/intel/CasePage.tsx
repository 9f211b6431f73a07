// One case: its header, members (owners add them), and tabs for entities, reports, import, cross-referencing and paths.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { Badge, ErrorNote, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { NotFound } from '../NotFound';
import { casePath, fetchCase, setMember, type CaseDetail, type CaseRole } from './api';
import { EntitiesTab } from './EntitiesTab';
import { ImportTab } from './ImportTab';
import { PathsTab } from './PathsTab';
import { ReportsTab } from './ReportsTab';
import { XrefTab } from './XrefTab';

// The chart brings WebGL (sigma.js, graphology): loaded when the tab is first opened.
const ChartTab = lazy(() => import('./chart/ChartTab').then((m) => ({ default: m.ChartTab })));

export const CASE_TABS = ['entities', 'reports', 'import', 'xref', 'paths', 'chart'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

function Members({ c, onChange }: { c: CaseDetail; onChange: () => void }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<CaseRole>('analyst');
  const [error, setError] = useState<unknown>(undefined);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await setMember(c.id, username.trim(), role);
      setUsername('');
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="panel intel-members">
      <summary className="panel__title">{t('intel.members', { count: c.memberList.length })}</summary>
      <ul className="intel-list">
        {c.memberList.map((m) => (
          <li key={m.userId}>
            {m.displayName ?? m.userId} <span className="muted">{m.username}</span> <Badge tone="info">{t(`intel.role.${m.role}`)}</Badge>
          </li>
        ))}
      </ul>
      {c.role === 'owner' && (
        <form className="form intel-inline" onSubmit={add}>
          <Field label={t('intel.member.username')}>
            <input className="input" value={username} onChange={(e) => setUsername(e.target.value)} />
          </Field>
          <Field label={t('intel.case.role')}>
            <select className="input" value={role} onChange={(e) => setRole(e.target.value as CaseRole)}>
              {(['owner', 'analyst', 'viewer'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`intel.role.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button" disabled={!username.trim()}>
            {t('intel.member.add')}
          </button>
          {error !== undefined && <ErrorNote error={error} />}
        </form>
      )}
    </details>
  );
}

export function CasePage({ caseId, tab, rest }: { caseId: string; tab: CaseTab; rest: string | undefined }) {
  const c = useResource(() => fetchCase(caseId), [caseId]);
  if (c.error instanceof ApiError && c.error.status === 404) return <NotFound />;
  const back = (
    <p className="breadcrumb">
      <Link to="/intel">{t('intel.back')}</Link>
    </p>
  );
  if (!c.data)
    return (
      <>
        {back}
        {c.error !== undefined ? <ErrorNote error={c.error} onRetry={c.reload} /> : <Loading />}
      </>
    );
  const data = c.data;
  const canWrite = data.role !== 'viewer';
  return (
    <>
      {back}
      <PageHeader
        title={data.name}
        description={data.description || t('intel.case.no-description')}
        actions={<Badge tone="info">{t(`intel.role.${data.role}`)}</Badge>}
      />
      <Members c={data} onChange={c.reload} />
      <Tabs label={t('intel.tabs')} current={casePath(caseId, tab)} tabs={CASE_TABS.map((k) => ({ path: casePath(caseId, k), label: t(`intel.tab.${k}`) }))} />
      <div className="tab-panel">
        {tab === 'entities' ? (
          <EntitiesTab caseId={caseId} entityId={rest} canWrite={canWrite} />
        ) : tab === 'reports' ? (
          <ReportsTab caseId={caseId} canWrite={canWrite} onChange={c.reload} />
        ) : tab === 'import' ? (
          canWrite ? (
            <ImportTab caseId={caseId} onImported={c.reload} />
          ) : (
            <p className="callout callout--info">{t('intel.read-only')}</p>
          )
        ) : tab === 'xref' ? (
          <XrefTab caseId={caseId} pairId={rest} canWrite={canWrite} />
        ) : tab === 'chart' ? (
          <Suspense fallback={<Loading />}>
            <ChartTab caseId={caseId} canWrite={canWrite} />
          </Suspense>
        ) : (
          <PathsTab caseId={caseId} />
        )}
      </div>
    </>
  );
}
