// The threat-intelligence tool: STIX objects, collections, partners, subscriptions and observables as tabs; one object's page.
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { t, type MessageKey } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { TAXII } from './api';
import { CollectionsTab } from './CollectionsTab';
import { ObjectPage } from './ObjectPage';
import { ObjectsTab } from './ObjectsTab';
import { ObservablesTab } from './ObservablesTab';
import { PartnersTab } from './PartnersTab';
import { SubscriptionsTab } from './SubscriptionsTab';
import './taxii.css';

const TABS = {
  objects: `${TAXII}/objects`,
  collections: `${TAXII}/collections`,
  partners: `${TAXII}/partners`,
  subscriptions: `${TAXII}/subscriptions`,
  observables: `${TAXII}/observables`,
} as const;
type TabId = keyof typeof TABS;

export function TaxiiTool({ pathname }: { pathname: string }) {
  const canRead = useCan('taxii.read');
  const path = pathname.replace(/\/+$/, '');
  const object = /^\/taxii\/objects\/([^/]+)$/.exec(path);
  const tab: TabId | undefined = path === TAXII || object ? 'objects' : (Object.keys(TABS) as TabId[]).find((k) => TABS[k] === path);
  if (!canRead) return <NotFound forbidden />;
  if (!tab) return <NotFound />;
  const tabs: TabDef[] = (Object.keys(TABS) as TabId[]).map((k) => ({ path: TABS[k], label: t(`taxii.tab.${k}` as MessageKey) }));
  return (
    <>
      <PageHeader title={t('taxii.title')} description={t('taxii.description')} />
      <Tabs label={t('taxii.tabs')} tabs={tabs} current={TABS[tab]} />
      <div className="tab-panel">
        {object ? (
          <ObjectPage id={decodeURIComponent(object[1]!)} />
        ) : tab === 'collections' ? (
          <CollectionsTab />
        ) : tab === 'partners' ? (
          <PartnersTab />
        ) : tab === 'subscriptions' ? (
          <SubscriptionsTab />
        ) : tab === 'observables' ? (
          <ObservablesTab />
        ) : (
          <ObjectsTab />
        )}
      </div>
    </>
  );
}
