// The tools the signed-in user may use, from /api/nav, grouped by area; loaded once per session for menu and home.
import { createContext, useContext, type ReactNode } from 'react';
import { api, call } from './api/client';
import type { NavArea } from './api/types';
import { useResource, type Resource } from './lib/useResource';

const NavContext = createContext<Resource<NavArea[]> | null>(null);

export function NavProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const nav = useResource(async () => (await call(api.GET('/api/nav'))).areas.filter((a) => a.tools.length > 0), [userId]);
  return <NavContext.Provider value={nav}>{children}</NavContext.Provider>;
}

export function useNav(): Resource<NavArea[]> {
  const ctx = useContext(NavContext);
  if (!ctx) throw new Error('useNav outside NavProvider');
  return ctx;
}
