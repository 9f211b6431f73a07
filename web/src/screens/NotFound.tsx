// Shown for a path the workbench has no screen for, or a screen the user lacks the permission to open.
import { PageHeader } from '../components/PageHeader';
import { t } from '../i18n';
import { Link } from '../router';

export function NotFound({ forbidden }: { forbidden?: boolean }) {
  return (
    <>
      <PageHeader title={forbidden ? t('forbidden.title') : t('notfound.title')} />
      <p>{forbidden ? t('forbidden.body') : t('notfound.body')}</p>
      <p>
        <Link to="/">{t('notfound.home')}</Link>
      </p>
    </>
  );
}
