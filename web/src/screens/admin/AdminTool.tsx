// The Administration tool: Users | Organisations | Roles | Tokens as tabs, each shown only with its permission.
import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { useMe } from '../../session';
import { NotFound } from '../NotFound';
import { TokensPanel } from '../tokens/TokensPanel';
import { OrgsTab } from './OrgsTab';
import { RolesTab } from './RolesTab';
import { UsersTab } from './UsersTab';

const TABS = [
  { id: 'users', path: '/admin/users', label: 'admin.tab.users', needs: ['users.read', 'users.manage'] },
  { id: 'orgs', path: '/admin/orgs', label: 'admin.tab.orgs', needs: ['users.read', 'orgs.manage'] },
  { id: 'roles', path: '/admin/roles', label: 'admin.tab.roles', needs: ['users.read', 'users.manage'] },
  { id: 'tokens', path: '/admin/tokens', label: 'admin.tab.tokens', needs: ['tokens.manage'] },
] as const;

export function AdminTool({ pathname }: { pathname: string }) {
  const me = useMe();
  const allowed = TABS.filter((tab) => tab.needs.some((p) => me.permissions.includes(p)));
  const current = allowed.find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));
  const first = allowed[0];

  useEffect(() => {
    if (!current && first && (pathname === '/admin' || pathname === '/admin/')) navigate(first.path + window.location.search, { replace: true });
  }, [current, first, pathname]);

  if (!first) return <NotFound forbidden />;
  if (!current) {
    if (pathname === '/admin' || pathname === '/admin/') return null;
    return <NotFound forbidden={TABS.some((tab) => pathname.startsWith(tab.path))} />;
  }

  const tabs: TabDef[] = allowed.map((tab) => ({ path: tab.path, label: t(tab.label) }));
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <Tabs label={t('admin.tabs')} tabs={tabs} current={current.path} />
      <div className="tab-panel">
        {current.id === 'users' && <UsersTab />}
        {current.id === 'orgs' && <OrgsTab />}
        {current.id === 'roles' && <RolesTab />}
        {current.id === 'tokens' && <TokensPanel scope="any" />}
      </div>
    </>
  );
}
