// The API tokens tool: one's own tokens, or with tokens.manage those of every user and machine account.
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { TokensPanel } from './TokensPanel';

export function TokensTool({ pathname }: { pathname: string }) {
  const canManage = useCan('tokens.manage');
  const canOwn = useCan('tokens.own', 'tokens.manage');
  if (pathname !== '/tokens' && pathname !== '/tokens/') return <NotFound />;
  if (!canOwn) return <NotFound forbidden />;
  return (
    <>
      <PageHeader title={t('tokens.title')} description={canManage ? t('tokens.intro-any') : t('tokens.intro-own')} />
      <TokensPanel scope={canManage ? 'any' : 'own'} />
    </>
  );
}
