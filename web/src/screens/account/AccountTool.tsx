// The signed-in user's own account: who they are, changing their password, and a way to their API tokens.
import { PageHeader } from '../../components/PageHeader';
import { Badge, Name } from '../../components/Text';
import { t } from '../../i18n';
import { Link } from '../../router';
import { useCan, useMe } from '../../session';
import { NotFound } from '../NotFound';
import { PasswordForm } from './PasswordForm';

export function AccountTool({ pathname }: { pathname: string }) {
  const me = useMe();
  const canTokens = useCan('tokens.own', 'tokens.manage');
  if (pathname !== '/account' && pathname !== '/account/') return <NotFound />;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <div className="two-col">
        <div className="stack-gap">
          <section className="panel" aria-labelledby="account-who">
            <h2 id="account-who" className="panel__title">
              {t('account.who')}
            </h2>
            <dl className="facts">
              <dt>{t('users.col.display-name')}</dt>
              <dd>
                <Name>{me.displayName}</Name>
              </dd>
              <dt>{t('users.col.username')}</dt>
              <dd className="mono">{me.username}</dd>
              <dt>{t('users.col.org')}</dt>
              <dd>
                <Name>{me.orgName}</Name>
              </dd>
              <dt>{t('users.col.roles')}</dt>
              <dd>
                <span className="tag-list">
                  {me.roles.length ? me.roles.map((r) => <Badge key={r}>{r}</Badge>) : <span className="muted">{t('common.none')}</span>}
                </span>
              </dd>
            </dl>
          </section>
          {canTokens && (
            <section className="panel" aria-labelledby="account-tokens">
              <h2 id="account-tokens" className="panel__title">
                {t('account.tokens')}
              </h2>
              <p>{t('account.tokens-body')}</p>
              <Link to="/tokens">{t('account.tokens-link')}</Link>
            </section>
          )}
        </div>
        <PasswordForm />
      </div>
    </>
  );
}
