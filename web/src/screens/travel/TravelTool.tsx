// The Passenger data tool: Flights | Alerts | Messages | … as tabs under /travel (each shown with its permission), and the flight, traveller and message pages.
import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { useCan, useMe } from '../../session';
import { NotFound } from '../NotFound';
import { TRAVEL } from './api';
import { AlertsTab } from './AlertsTab';
import { ComplianceTab } from './ComplianceTab';
import { FlightPage } from './FlightPage';
import { FlightsBoard } from './FlightsBoard';
import { MessagePage } from './MessagePage';
import { MessagesTab } from './MessagesTab';
import { QualityTab } from './QualityTab';
import { RulesTab } from './RulesTab';
import { DpoTab } from './DpoTab';
import { StatsTab } from './StatsTab';
import { TravellerPage } from './TravellerPage';
import './travel.css';

const TABS = {
  flights: TRAVEL,
  alerts: `${TRAVEL}/alerts`,
  messages: `${TRAVEL}/messages`,
  quality: `${TRAVEL}/quality`,
  compliance: `${TRAVEL}/compliance`,
  rules: `${TRAVEL}/rules`,
  stats: `${TRAVEL}/stats`,
  dpo: `${TRAVEL}/dpo`,
} as const;
type TabId = keyof typeof TABS;

/** Who sees each tab: any of these permissions. */
const NEEDS: Record<TabId, readonly string[]> = {
  flights: ['travel.read'],
  alerts: ['travel.read'],
  messages: ['travel.read'],
  quality: ['travel.read'],
  compliance: ['travel.read'],
  rules: ['travel.read', 'travel.rules'],
  stats: ['travel.stats', 'travel.dpo'],
  dpo: ['travel.read', 'travel.repersonalise', 'travel.dpo'],
};

/** `/travel/flights/LH1234-2026-12-01` → { kind: 'flights', id }; null for anything else. */
function detail(path: string): { kind: 'flights' | 'travellers' | 'messages'; id: string } | null {
  const m = /^\/travel\/(flights|travellers|messages)\/([^/]+)$/.exec(path);
  if (!m) return null;
  try {
    return { kind: m[1] as 'flights' | 'travellers' | 'messages', id: decodeURIComponent(m[2]!) };
  } catch {
    return null;
  }
}

export function TravelTool({ pathname }: { pathname: string }) {
  const me = useMe();
  const canRead = useCan('travel.read');
  const allowed = (Object.keys(TABS) as TabId[]).filter((k) => NEEDS[k].some((p) => me.permissions.includes(p)));
  const path = pathname.replace(/\/+$/, '') || TRAVEL;
  const first = allowed[0];
  // Someone who may not see flights (a DPO) starts on the first tab they may see.
  const redirect = path === TRAVEL && !canRead && first !== undefined;
  useEffect(() => {
    if (redirect) navigate(TABS[first!], { replace: true });
  }, [redirect, first]);
  if (!first) return <NotFound forbidden />;
  if (redirect) return null;
  const page = detail(path);
  if (page && !canRead) return <NotFound forbidden />;
  if (page?.kind === 'flights') return <FlightPage key={page.id} id={page.id} />;
  if (page?.kind === 'travellers') return <TravellerPage key={page.id} id={page.id} />;
  if (page?.kind === 'messages') return <MessagePage key={page.id} id={page.id} />;
  const tab = (Object.keys(TABS) as TabId[]).find((k) => TABS[k] === path);
  if (!tab) return <NotFound />;
  if (!allowed.includes(tab)) return <NotFound forbidden />;
  const tabs: TabDef[] = allowed.map((k) => ({ path: TABS[k], label: t(`travel.tab.${k}`) }));
  return (
    <>
      <PageHeader title={t('travel.title')} description={t(`travel.${tab}.description`)} />
      <Tabs label={t('travel.tabs')} tabs={tabs} current={TABS[tab]} />
      <div className="tab-panel">
        {tab === 'flights' && <FlightsBoard />}
        {tab === 'alerts' && <AlertsTab />}
        {tab === 'messages' && <MessagesTab />}
        {tab === 'quality' && <QualityTab />}
        {tab === 'compliance' && <ComplianceTab />}
        {tab === 'rules' && <RulesTab />}
        {tab === 'stats' && <StatsTab />}
        {tab === 'dpo' && <DpoTab />}
      </div>
    </>
  );
}
