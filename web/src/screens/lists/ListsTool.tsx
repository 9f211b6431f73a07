// The Watchlists tool: the overview at /lists and each list at /lists/:name with Versions | Changes | Entities tabs.
import { useEffect } from 'react';
import { navigate } from '../../router';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { ListPage, TAB_IDS, type TabId } from './ListPage';
import { ListsOverview } from './ListsOverview';
import { listPath } from './api';
import './watchlists.css';

/** `/lists/un/changes` → { name: 'un', tab: 'changes' }; null when the path is not a list page. */
function parse(pathname: string): { name: string; tab: TabId | null } | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'lists' || parts.length < 2 || parts.length > 3) return null;
  let name: string;
  try {
    name = decodeURIComponent(parts[1] ?? '');
  } catch {
    return null;
  }
  if (!name) return null;
  const tab = parts[2];
  if (tab === undefined) return { name, tab: null };
  return (TAB_IDS as readonly string[]).includes(tab) ? { name, tab: tab as TabId } : null;
}

export function ListsTool({ pathname }: { pathname: string }) {
  const canRead = useCan('watchlists.read');
  const route = pathname === '/lists' || pathname === '/lists/' ? 'overview' : parse(pathname);

  // A list's own address opens its first tab.
  const redirect = route !== 'overview' && route !== null && route.tab === null ? listPath(route.name, 'versions') : null;
  useEffect(() => {
    if (redirect) navigate(redirect + window.location.search, { replace: true });
  }, [redirect]);

  if (!canRead) return <NotFound forbidden />;
  if (route === 'overview') return <ListsOverview />;
  if (route === null) return <NotFound />;
  if (route.tab === null) return null;
  return <ListPage key={route.name} name={route.name} tab={route.tab} />;
}
