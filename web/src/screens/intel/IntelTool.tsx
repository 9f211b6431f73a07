// The intel tool: the cases a person is a member of at /intel, and a case at /intel/cases/:id with its tabs.
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { CasePage, CASE_TABS, type CaseTab } from './CasePage';
import { CasesList } from './CasesList';
import './intel.css';

function parse(pathname: string): { caseId: string; tab: CaseTab; rest: string | undefined } | null | 'list' {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/intel') return 'list';
  const m = /^\/intel\/cases\/([^/]+)(?:\/([a-z]+))?(?:\/([^/]+))?$/.exec(path);
  if (!m) return null;
  const tab = (m[2] ?? 'entities') as CaseTab;
  if (!CASE_TABS.includes(tab)) return null;
  try {
    return { caseId: decodeURIComponent(m[1]!), tab, rest: m[3] ? decodeURIComponent(m[3]) : undefined };
  } catch {
    return null;
  }
}

export function IntelTool({ pathname }: { pathname: string }) {
  const canUse = useCan('intel.use');
  if (!canUse) return <NotFound forbidden />;
  const at = parse(pathname);
  if (at === 'list') return <CasesList />;
  if (!at) return <NotFound />;
  return <CasePage key={at.caseId} caseId={at.caseId} tab={at.tab} rest={at.rest} />;
}
