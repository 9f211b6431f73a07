// Chooses what to show: a loading note, the login screen, or the signed-in shell with the screen for the current path.
import { AuditTool } from './screens/audit/AuditTool';
import { AccountTool } from './screens/account/AccountTool';
import { AdminTool } from './screens/admin/AdminTool';
import { Home } from './screens/Home';
import { TokensTool } from './screens/tokens/TokensTool';
import { EntityTool } from './screens/entities/EntityTool';
import { DocumentsTool } from './screens/documents/DocumentsTool';
import { ListsTool } from './screens/lists/ListsTool';
import { ScreeningTool } from './screens/screening/ScreeningTool';
import { AlertsTool } from './screens/alerts/AlertsTool';
import { TravelTool } from './screens/travel/TravelTool';
import { CbmTool } from './screens/cbm/CbmTool';
import { TaxiiTool } from './screens/taxii/TaxiiTool';
import { IntelTool } from './screens/intel/IntelTool';
import { Login } from './screens/Login';
import { NotFound } from './screens/NotFound';
import { Shell } from './components/Shell';
import { StatusProvider } from './components/Status';
import { ErrorNote, Loading } from './components/Text';
import { t } from './i18n';
import { NavProvider } from './nav';
import { isUnder, useLocation } from './router';
import { useSession } from './session';

function Screen({ pathname }: { pathname: string }) {
  if (pathname === '/' || pathname === '') return <Home />;
  if (isUnder(pathname, '/admin')) return <AdminTool pathname={pathname} />;
  if (isUnder(pathname, '/audit')) return <AuditTool />;
  if (isUnder(pathname, '/tokens')) return <TokensTool pathname={pathname} />;
  if (isUnder(pathname, '/account')) return <AccountTool pathname={pathname} />;
  if (isUnder(pathname, '/lists')) return <ListsTool pathname={pathname} />;
  if (isUnder(pathname, '/entities')) return <EntityTool pathname={pathname} />;
  if (isUnder(pathname, '/documents')) return <DocumentsTool pathname={pathname} />;
  if (isUnder(pathname, '/screening')) return <ScreeningTool pathname={pathname} />;
  if (isUnder(pathname, '/alerts')) return <AlertsTool pathname={pathname} />;
  if (isUnder(pathname, '/travel')) return <TravelTool pathname={pathname} />;
  if (isUnder(pathname, '/cbm')) return <CbmTool pathname={pathname} />;
  if (isUnder(pathname, '/taxii')) return <TaxiiTool pathname={pathname} />;
  if (isUnder(pathname, '/intel')) return <IntelTool pathname={pathname} />;
  return <NotFound />;
}

export function App() {
  const { state, retry } = useSession();
  const { pathname } = useLocation();

  if (state.status === 'loading') {
    return (
      <div className="boot">
        <Loading label={t('boot.loading')} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="boot" id="main">
        <h1>{t('boot.error')}</h1>
        <ErrorNote error={state.error} onRetry={retry} />
      </main>
    );
  }
  if (state.status === 'anonymous') {
    return <Login notice={state.notice} />;
  }
  return (
    <StatusProvider key={state.me.id}>
      <NavProvider userId={state.me.id}>
        <Shell>
          <Screen pathname={pathname} />
        </Shell>
      </NavProvider>
    </StatusProvider>
  );
}
