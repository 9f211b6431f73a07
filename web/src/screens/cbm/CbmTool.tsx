// The confidence-building tool: directory, communication checks, consultations and submissions as tabs; a consultation's thread.
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { ErrorNote, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { CBM, fetchMe } from './api';
import { ChecksTab } from './ChecksTab';
import { ConsultationsTab } from './ConsultationsTab';
import { ConsultationThread } from './ConsultationThread';
import { DirectoryTab } from './DirectoryTab';
import { SubmissionsTab } from './SubmissionsTab';
import './cbm.css';

const TABS = { directory: `${CBM}/directory`, checks: `${CBM}/checks`, consultations: `${CBM}/consultations`, submissions: `${CBM}/submissions` } as const;
type TabId = keyof typeof TABS;

export function CbmTool({ pathname }: { pathname: string }) {
  const canRead = useCan('cbm.read');
  const me = useResource(fetchMe, []);
  const path = pathname.replace(/\/+$/, '');
  const thread = /^\/cbm\/consultations\/([^/]+)$/.exec(path);
  const tab: TabId | undefined =
    path === CBM ? 'directory' : (Object.keys(TABS) as TabId[]).find((k) => TABS[k] === path || (k === 'consultations' && !!thread));
  if (!canRead) return <NotFound forbidden />;
  if (!tab) return <NotFound />;
  const tabs: TabDef[] = (Object.keys(TABS) as TabId[]).map((k) => ({ path: TABS[k], label: t(`cbm.tab.${k}`) }));
  const who = me.data
    ? me.data.secretariat
      ? t('cbm.you.secretariat')
      : me.data.state
        ? t('cbm.you.state', { state: me.data.state.toUpperCase() })
        : t('cbm.you.none')
    : '';
  return (
    <>
      <PageHeader title={t('cbm.title')} description={t('cbm.description')} />
      <p className="cbm-who">{who}</p>
      <Tabs label={t('cbm.tabs')} tabs={tabs} current={TABS[tab]} />
      <div className="tab-panel">
        {me.error ? (
          <ErrorNote error={me.error} onRetry={me.reload} />
        ) : !me.data ? (
          <Loading />
        ) : thread ? (
          <ConsultationThread id={decodeURIComponent(thread[1]!)} me={me.data} />
        ) : tab === 'checks' ? (
          <ChecksTab me={me.data} />
        ) : tab === 'consultations' ? (
          <ConsultationsTab me={me.data} />
        ) : tab === 'submissions' ? (
          <SubmissionsTab me={me.data} />
        ) : (
          <DirectoryTab me={me.data} />
        )}
      </div>
    </>
  );
}
