// The Alerts tool: the review queue at /alerts and the review of one alert at /alerts/:id.
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { Queue } from './Queue';
import { Review } from './Review';
import '../lists/watchlists.css';
import '../screening/screening.css';
import './alerts.css';

function idFrom(pathname: string): string | null {
  const m = /^\/alerts\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

export function AlertsTool({ pathname }: { pathname: string }) {
  const canRead = useCan('alerts.read');
  if (!canRead) return <NotFound forbidden />;
  if (pathname === '/alerts' || pathname === '/alerts/')
    return (
      <>
        <PageHeader title={t('alerts.title')} description={t('alerts.description')} />
        <Queue />
      </>
    );
  const id = idFrom(pathname);
  return id ? <Review key={id} id={id} /> : <NotFound />;
}
