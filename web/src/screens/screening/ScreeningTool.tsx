// The Screening tool: one name at /screening, a file of queries at /screening/batch.
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { t } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { BatchUpload } from './BatchUpload';
import { ScreenForm } from './ScreenForm';
import '../lists/watchlists.css';
import './screening.css';

const TABS = [
  { path: '/screening', label: 'screening.tab.one' },
  { path: '/screening/batch', label: 'screening.tab.batch' },
] as const;

export function ScreeningTool({ pathname }: { pathname: string }) {
  const canRun = useCan('screening.run');
  const path = pathname.replace(/\/+$/, '') || '/screening';
  if (!canRun) return <NotFound forbidden />;
  if (!TABS.some((tab) => tab.path === path)) return <NotFound />;
  return (
    <>
      <PageHeader title={t('screening.title')} description={t('screening.description')} />
      <Tabs label={t('screening.tabs')} tabs={TABS.map((tab) => ({ path: tab.path, label: t(tab.label) }))} current={path} />
      <div className="tab-panel">{path === '/screening/batch' ? <BatchUpload /> : <ScreenForm />}</div>
    </>
  );
}
