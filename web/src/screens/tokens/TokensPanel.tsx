// API tokens: list, create (scopes from permissions, optional expiry, secret shown once), revoke with confirmation.
import { useState } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import type { NewToken, Permission, Role, Token, User } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { SecretOnce } from '../../components/Secret';
import { useStatus } from '../../components/Status';
import { Badge, ErrorNote, Instant } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { useCan, useMe } from '../../session';
import { TokenDialog } from './TokenDialog';

type Pending = { kind: 'create' } | { kind: 'revoke'; token: Token } | { kind: 'created'; token: NewToken };

export const tokenState = (tk: Token, now = Date.now()): 'revoked' | 'expired' | 'active' =>
  tk.revokedAt ? 'revoked' : tk.expiresAt && Date.parse(tk.expiresAt) <= now ? 'expired' : 'active';

/** `scope="any"`: an administrator's view of every user's tokens; `"own"`: the signed-in user's. */
export function TokensPanel({ scope }: { scope: 'any' | 'own' }) {
  const me = useMe();
  const { announce } = useStatus();
  const canReadUsers = useCan('users.read', 'users.manage');
  const [query, setQuery] = useQueryState();
  // With tokens.manage, userId "*" lists every user's tokens; the filter is kept in the URL.
  const userId = scope === 'any' ? (query.get('userId') ?? '*') : me.id;
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  const tokens = useResource(() => call(api.GET('/api/tokens', { params: { query: { userId } } })).then((r) => r.items), [userId]);
  const users = useResource<User[] | null>(
    () =>
      scope === 'any' && canReadUsers
        ? call(api.GET('/api/admin/users', { params: { query: { includeDisabled: 'true' } } })).then((r) => r.items)
        : Promise.resolve(null),
    [scope, canReadUsers],
  );
  // The catalogue (with descriptions) may need a permission the user lacks; scopes then fall back to bare names.
  const permissions = useResource<Permission[] | null>(
    () =>
      call(api.GET('/api/admin/permissions')).then(
        (r) => r.items,
        () => null,
      ),
    [],
  );
  const roles = useResource<Role[] | null>(
    () =>
      canReadUsers
        ? call(api.GET('/api/admin/roles')).then(
            (r) => r.items,
            () => null,
          )
        : Promise.resolve(null),
    [canReadUsers],
  );

  const close = () => {
    setPending(null);
    setActionError(undefined);
  };

  const revoke = async (token: Token) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await call(api.DELETE('/api/tokens/{id}', { params: { path: { id: token.id } } }));
      announce(t('tokens.revoked', { name: token.name }));
      close();
      tokens.reload();
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<Token>[] = [{ key: 'name', header: t('tokens.col.name'), render: (tk) => <bdi dir="auto">{tk.name}</bdi>, csv: (tk) => tk.name }];
  if (scope === 'any')
    columns.push({ key: 'user', header: t('tokens.col.user'), render: (tk) => <span className="mono">{tk.username}</span>, csv: (tk) => tk.username });
  columns.push(
    {
      key: 'scopes',
      header: t('tokens.col.scopes'),
      render: (tk) =>
        tk.scopes.length ? (
          <span className="tag-list">
            {tk.scopes.map((s) => (
              <code key={s} className="tag">
                {s}
              </code>
            ))}
          </span>
        ) : (
          <span className="muted">{t('tokens.all-permissions')}</span>
        ),
      csv: (tk) => tk.scopes.join(' '),
    },
    { key: 'created', header: t('users.col.created'), render: (tk) => <Instant value={tk.createdAt} />, csv: (tk) => tk.createdAt },
    {
      key: 'expires',
      header: t('tokens.col.expires'),
      render: (tk) => <Instant value={tk.expiresAt} empty={t('tokens.no-expiry')} />,
      csv: (tk) => tk.expiresAt,
    },
    { key: 'lastUsed', header: t('tokens.col.last-used'), render: (tk) => <Instant value={tk.lastUsedAt} />, csv: (tk) => tk.lastUsedAt },
    {
      key: 'status',
      header: t('users.col.status'),
      render: (tk) => {
        const state = tokenState(tk);
        return <Badge tone={state === 'active' ? 'good' : state === 'revoked' ? 'bad' : 'warn'}>{t(`tokens.state.${state}`)}</Badge>;
      },
      csv: (tk) => tokenState(tk),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      render: (tk) =>
        tokenState(tk) === 'active' ? (
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => setPending({ kind: 'revoke', token: tk })}
            aria-label={t('tokens.revoke-label', { name: tk.name })}
          >
            {t('tokens.revoke')}
          </button>
        ) : null,
    },
  );

  return (
    <>
      <div className="filters">
        {scope === 'any' && users.data ? (
          <div className="field">
            <label htmlFor="tokens-user" className="field__label">
              {t('tokens.col.user')}
            </label>
            <select
              id="tokens-user"
              className="input"
              value={userId}
              onChange={(e) => setQuery({ userId: e.currentTarget.value === '*' ? null : e.currentTarget.value })}
            >
              <option value="*">{t('tokens.all-users')}</option>
              {users.data.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.username}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filters__end">
          <button type="button" className="button button--primary" onClick={() => setPending({ kind: 'create' })}>
            {t('tokens.create')}
          </button>
        </div>
      </div>
      {tokens.error !== undefined && <ErrorNote error={tokens.error} onRetry={tokens.reload} />}
      <DataTable
        caption={t('tokens.caption')}
        columns={columns}
        rows={tokens.data ?? []}
        rowKey={(tk) => tk.id}
        exportName="tokens"
        empty={tokens.loading ? t('common.loading') : t('tokens.none')}
        rowClassName={(tk) => (tokenState(tk) === 'active' ? undefined : 'row--muted')}
        busy={tokens.loading}
      />

      {pending?.kind === 'create' && (
        <TokenDialog
          me={me}
          users={scope === 'any' ? (users.data ?? null) : null}
          defaultUserId={userId === '*' ? me.id : userId}
          permissions={permissions.data ?? null}
          roles={roles.data ?? null}
          onClose={close}
          onCreated={(token) => {
            tokens.reload();
            setPending({ kind: 'created', token });
          }}
        />
      )}

      <Dialog
        open={pending?.kind === 'created'}
        title={t('tokens.created-title')}
        onClose={close}
        dismissable={false}
        actions={
          <button type="button" className="button button--primary" onClick={close}>
            {t('action.done')}
          </button>
        }
      >
        {pending?.kind === 'created' && (
          <>
            <p>{t('tokens.created-body', { name: pending.token.name, username: pending.token.username })}</p>
            <SecretOnce label={t('tokens.secret')} value={pending.token.token} warning={t('tokens.once')} />
            <p className="field__hint">{t('tokens.usage')}</p>
          </>
        )}
      </Dialog>

      <ConfirmDialog
        open={pending?.kind === 'revoke'}
        title={t('tokens.revoke-title')}
        message={pending?.kind === 'revoke' ? t('tokens.revoke-confirm', { name: pending.token.name, username: pending.token.username }) : ''}
        confirmLabel={t('tokens.revoke')}
        danger
        busy={busy}
        error={actionError}
        onCancel={close}
        onConfirm={() => pending?.kind === 'revoke' && revoke(pending.token)}
      />
    </>
  );
}
