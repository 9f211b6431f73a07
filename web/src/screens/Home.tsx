// The home screen: the tools the user may use, under the heading of their area, exactly as /api/nav lists them.
import { PageHeader } from '../components/PageHeader';
import { ErrorNote, Loading, Name } from '../components/Text';
import { t } from '../i18n';
import { tr } from '../i18n/rich';
import { useNav } from '../nav';
import { Link } from '../router';
import { useMe } from '../session';

export function Home() {
  const me = useMe();
  const nav = useNav();
  return (
    <>
      <PageHeader title={t('home.title')} />
      <p className="lead">{tr('home.welcome', { name: <Name>{me.displayName}</Name>, org: <Name>{me.orgName}</Name> })}</p>
      {nav.error !== undefined && <ErrorNote error={nav.error} onRetry={nav.reload} />}
      {!nav.data && nav.loading && <Loading />}
      {nav.data && nav.data.length === 0 && <p className="callout callout--info">{t('home.no-tools')}</p>}
      {nav.data?.map((area) => (
        <section key={area.area} className="area" aria-labelledby={`area-${area.area}`} data-area={area.area}>
          <h2 id={`area-${area.area}`} className="area__title">
            {area.title}
          </h2>
          <ul className="tool-grid">
            {area.tools.map((tool) => (
              <li key={tool.id}>
                <Link to={tool.path} className="tool-card" data-tool={tool.id}>
                  <span className="tool-card__title">{tool.title}</span>
                  <span className="tool-card__description">{tool.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
