// The signed-in frame: skip link, header with user, organisation and logout, the tool menu by area, and the main region.
import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { useNav } from '../nav';
import { isUnder, Link, useLocation } from '../router';
import { useMe, useSession } from '../session';
import { StatusBar, useStatus } from './Status';
import { Name } from './Text';
import { messageOf } from '../api/problem';

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const { announce } = useStatus();
  const nav = useNav();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => setMenuOpen(false), [pathname]);

  // On narrow screens the menu is a drawer: Escape closes it and returns focus to its button.
  useEffect(() => {
    if (!menuOpen) return;
    document.querySelector<HTMLAnchorElement>('#sidebar a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      document.querySelector<HTMLButtonElement>('.topbar__menu')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const onLogout = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch (err) {
      announce(messageOf(err), 'error');
      setLeaving(false);
    }
  };

  const current = currentTool(
    pathname,
    (nav.data ?? []).flatMap((a) => a.tools.map((tool) => tool.path)),
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__start">
          <button
            type="button"
            className="button button--ghost topbar__menu"
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true" className="hamburger" />
            {t('shell.menu')}
          </button>
          <Link to="/" className="brand" aria-label={t('shell.home-label')}>
            <span className="brand__mark" aria-hidden="true">
              V
            </span>
            <span className="brand__name">Vigil</span>
          </Link>
        </div>
        <div className="topbar__user">
          <div className="whoami">
            <span className="whoami__name">
              <Name>{me.displayName}</Name>
            </span>
            <span className="whoami__org">
              <Name>{me.orgName}</Name>
            </span>
          </div>
          <Link to="/account" className="button button--ghost" aria-current={isUnder(pathname, '/account') ? 'page' : undefined}>
            {t('shell.account')}
          </Link>
          <button type="button" className="button" onClick={onLogout} disabled={leaving}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <div className="layout">
        <nav id="sidebar" className={menuOpen ? 'sidebar sidebar--open' : 'sidebar'} aria-label={t('shell.tools')}>
          <ul className="sidebar__list">
            <li>
              <Link to="/" className="sidebar__link" aria-current={pathname === '/' ? 'page' : undefined}>
                {t('home.title')}
              </Link>
            </li>
          </ul>
          {(nav.data ?? []).map((area) => (
            <div key={area.area} className="sidebar__group">
              <h2 className="sidebar__heading" id={`nav-${area.area}`}>
                {area.title}
              </h2>
              <ul className="sidebar__list" aria-labelledby={`nav-${area.area}`}>
                {area.tools.map((tool) => (
                  <li key={tool.id}>
                    <Link to={tool.path} className="sidebar__link" aria-current={tool.path === current ? 'page' : undefined}>
                      {tool.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <StatusBar />
          {children}
        </main>
      </div>
    </div>
  );
}

/** The menu entry to mark: the longest tool path containing the current path, else a tool of the same first segment (its tabs). */
function currentTool(pathname: string, paths: readonly string[]): string | undefined {
  const exact = paths.filter((p) => isUnder(pathname, p)).sort((a, b) => b.length - a.length)[0];
  if (exact && exact !== '/') return exact;
  const root = `/${pathname.split('/')[1] ?? ''}`;
  return root === '/' ? undefined : paths.find((p) => isUnder(p, root));
}
