// The Passenger data tool: Flights | Messages | Data quality | Compliance as tabs under /travel, and the flight, traveller and message pages.
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { t } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { TRAVEL } from './api';
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
  messages: `${TRAVEL}/messages`,
  quality: `${TRAVEL}/quality`,
  compliance: `${TRAVEL}/compliance`,
  rules: `${TRAVEL}/rules`,
  stats: `${TRAVEL}/stats`,
  dpo: `${TRAVEL}/dpo`,
} as const;
type TabId = keyof typeof TABS;

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
  const canRead = useCan('travel.read');
  if (!canRead) return <NotFound forbidden />;
  const path = pathname.replace(/\/+$/, '') || TRAVEL;
  const page = detail(path);
  if (page?.kind === 'flights') return <FlightPage key={page.id} id={page.id} />;
  if (page?.kind === 'travellers') return <TravellerPage key={page.id} id={page.id} />;
  if (page?.kind === 'messages') return <MessagePage key={page.id} id={page.id} />;
  const tab = (Object.keys(TABS) as TabId[]).find((k) => TABS[k] === path);
  if (!tab) return <NotFound />;
  const tabs: TabDef[] = (Object.keys(TABS) as TabId[]).map((k) => ({ path: TABS[k], label: t(`travel.tab.${k}`) }));
  return (
    <>
      <PageHeader title={t('travel.title')} description={t(`travel.${tab}.description`)} />
      <Tabs label={t('travel.tabs')} tabs={tabs} current={TABS[tab]} />
      <div className="tab-panel">
        {tab === 'flights' && <FlightsBoard />}
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
