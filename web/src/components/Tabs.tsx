// Secondary screens of a tool shown as tabs: links in a labelled navigation, the current one marked.
import { Link } from '../router';

export interface TabDef {
  path: string;
  label: string;
}

export function Tabs({ label, tabs, current }: { label: string; tabs: readonly TabDef[]; current: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.path}>
            <Link to={tab.path} className="tabs__link" aria-current={tab.path === current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
