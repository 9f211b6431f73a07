// One watchlist: its heading, an FtM download, and its Versions, Changes and Entities as tabs.
import { apiUrl } from '../../api/client';
import { ApiError } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { ErrorNote, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { NotFound } from '../NotFound';
import { fetchList, listPath } from './api';
import { ChangesTab } from './ChangesTab';
import { EntitiesTab } from './EntitiesTab';
import { VersionsTab } from './VersionsTab';
import { versionLabel } from './format';

export const TAB_IDS = ['versions', 'changes', 'entities'] as const;
export type TabId = (typeof TAB_IDS)[number];

export function ListPage({ name, tab }: { name: string; tab: TabId }) {
  const list = useResource(() => fetchList(name), [name]);

  if (list.error instanceof ApiError && list.error.status === 404) return <NotFound />;
  if (!list.data) {
    return (
      <>
        <p className="breadcrumb">
          <Link to="/lists">{t('lists.title')}</Link>
        </p>
        {list.error !== undefined ? <ErrorNote error={list.error} onRetry={list.reload} /> : <Loading />}
      </>
    );
  }

  const l = list.data;
  const tabs: TabDef[] = TAB_IDS.map((id) => ({ path: listPath(name, id), label: t(`lists.tab.${id}`) }));
  const description = [
    t('lists.header.name', { name: l.name }),
    t('lists.header.format', { format: l.format }),
    l.activeVersion === null ? t('lists.no-active') : t('lists.header.active', { version: versionLabel(l.activeVersion) }),
  ].join(' · ');

  return (
    <>
      <p className="breadcrumb">
        <Link to="/lists">{t('lists.title')}</Link>
      </p>
      <PageHeader
        title={l.title}
        description={description}
        actions={
          l.activeVersion !== null ? (
            <a className="button button--small" href={apiUrl(`/api/lists/${encodeURIComponent(l.name)}/export`, { format: 'ftm' })} download>
              {t('lists.export-ftm')}
            </a>
          ) : undefined
        }
      />
      {list.error !== undefined && <ErrorNote error={list.error} onRetry={list.reload} />}
      <Tabs label={t('lists.tabs')} tabs={tabs} current={listPath(name, tab)} />
      <div className="tab-panel">
        {tab === 'versions' && <VersionsTab list={l} onChanged={list.reload} />}
        {tab !== 'versions' && l.versions.length === 0 && <p className="callout callout--info">{t('lists.no-versions')}</p>}
        {tab === 'changes' && l.versions.length > 0 && <ChangesTab list={l} />}
        {tab === 'entities' && l.versions.length > 0 && <EntitiesTab list={l} />}
      </div>
    </>
  );
}
