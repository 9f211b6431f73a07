// Users of all organisations: search kept in the URL, add, edit roles and name, disable or enable, reset password.
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import type { Org, Role, User } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { SecretOnce } from '../../components/Secret';
import { useStatus } from '../../components/Status';
import { Badge, ErrorNote, Instant, Name } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { useCan, useMe } from '../../session';
import { UserDialog } from './UserDialog';

type Pending =
  | { kind: 'add' }
  | { kind: 'edit'; user: User }
  | { kind: 'disable'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'password'; user: Pick<User, 'username'>; password: string; created: boolean };

export function UsersTab() {
  const me = useMe();
  const canManage = useCan('users.manage');
  const canSeeOrgs = useCan('orgs.manage', 'users.read', 'users.manage');
  const { announce } = useStatus();
  const [query, setQuery] = useQueryState();
  const q = query.get('q') ?? '';
  const orgId = query.get('orgId') ?? '';
  const includeDisabled = query.get('includeDisabled') === 'true';
  const [search, setSearch] = useState(q);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  // The search box writes to the URL after a short pause, so the list follows typing without a request per key.
  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    if (search === q) return;
    const timer = window.setTimeout(() => setQuery({ q: search.trim() }), 300);
    return () => window.clearTimeout(timer);
  }, [search, q, setQuery]);

  const users = useResource(
    () =>
      call(
        api.GET('/api/admin/users', {
          params: { query: { q: q || undefined, orgId: orgId || undefined, includeDisabled: includeDisabled ? 'true' : undefined } },
        }),
      ).then((r) => r.items),
    [q, orgId, includeDisabled],
  );
  const orgs = useResource<Org[]>(() => (canSeeOrgs ? call(api.GET('/api/admin/orgs')).then((r) => r.items) : Promise.resolve([])), [canSeeOrgs]);
  const roles = useResource<Role[]>(() => call(api.GET('/api/admin/roles')).then((r) => r.items), []);

  const close = () => {
    setPending(null);
    setActionError(undefined);
  };

  const setDisabled = async (user: User, disabled: boolean) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await call(api.PATCH('/api/admin/users/{id}', { params: { path: { id: user.id } }, body: { disabled } }));
      announce(t(disabled ? 'users.disabled-done' : 'users.enabled-done', { username: user.username }));
      close();
      users.reload();
    } catch (err) {
      if (disabled) setActionError(messageOf(err));
      else announce(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = async (user: User) => {
    setBusy(true);
    setActionError(undefined);
    try {
      const r = await call(api.POST('/api/admin/users/{id}/password', { params: { path: { id: user.id } } }));
      setPending({ kind: 'password', user, password: r.initialPassword, created: false });
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<User>[] = [
    {
      key: 'username',
      header: t('users.col.username'),
      render: (u) => (
        <span className="stack">
          <span className="mono">{u.username}</span>
          {u.kind === 'machine' && <Badge tone="info">{t('kind.machine')}</Badge>}
        </span>
      ),
      csv: (u) => u.username,
    },
    { key: 'displayName', header: t('users.col.display-name'), render: (u) => <Name>{u.displayName}</Name>, csv: (u) => u.displayName },
    { key: 'org', header: t('users.col.org'), render: (u) => <Name>{u.orgName}</Name>, csv: (u) => u.orgName },
    { key: 'kind', header: t('users.col.kind'), render: (u) => u.kind, csv: (u) => u.kind, exportOnly: true },
    {
      key: 'roles',
      header: t('users.col.roles'),
      render: (u) =>
        u.roles.length ? (
          <span className="tag-list">
            {u.roles.map((r) => (
              <Badge key={r}>{r}</Badge>
            ))}
          </span>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
      csv: (u) => u.roles.join(' '),
    },
    {
      key: 'status',
      header: t('users.col.status'),
      render: (u) => (u.disabled ? <Badge tone="bad">{t('status.disabled')}</Badge> : <Badge tone="good">{t('status.active')}</Badge>),
      csv: (u) => (u.disabled ? 'disabled' : 'active'),
    },
    { key: 'lastLogin', header: t('users.col.last-login'), render: (u) => <Instant value={u.lastLoginAt} />, csv: (u) => u.lastLoginAt },
    { key: 'created', header: t('users.col.created'), render: (u) => <Instant value={u.createdAt} />, csv: (u) => u.createdAt, exportOnly: true },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      render: (u) => (
        <div className="row-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setPending({ kind: 'edit', user: u })}
            aria-label={t('users.edit-label', { username: u.username })}
          >
            {t('action.edit')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setPending({ kind: 'reset', user: u })}
            aria-label={t('users.reset-label', { username: u.username })}
          >
            {t('users.reset')}
          </button>
          {u.disabled ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => setDisabled(u, false)}
              aria-label={t('users.enable-label', { username: u.username })}
            >
              {t('action.enable')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--danger-quiet"
              disabled={u.id === me.id}
              title={u.id === me.id ? t('users.self-disable') : undefined}
              onClick={() => setPending({ kind: 'disable', user: u })}
              aria-label={t('users.disable-label', { username: u.username })}
            >
              {t('action.disable')}
            </button>
          )}
        </div>
      ),
    });
  }

  return (
    <>
      <div className="filters" role="search" aria-label={t('users.filters')}>
        <div className="field">
          <label htmlFor="users-q" className="field__label">
            {t('users.search')}
          </label>
          <input
            id="users-q"
            type="search"
            className="input"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            placeholder={t('users.search-placeholder')}
          />
        </div>
        {(orgs.data?.length ?? 0) > 0 && (
          <div className="field">
            <label htmlFor="users-org" className="field__label">
              {t('users.col.org')}
            </label>
            <select id="users-org" className="input" value={orgId} onChange={(e) => setQuery({ orgId: e.currentTarget.value })}>
              <option value="">{t('users.all-orgs')}</option>
              {orgs.data?.map((o) => (
                <option key={o.id} value={o.id} dir="auto">
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="check check--inline">
          <input type="checkbox" checked={includeDisabled} onChange={(e) => setQuery({ includeDisabled: e.currentTarget.checked ? 'true' : null })} />
          <span>{t('users.include-disabled')}</span>
        </label>
        {canManage && (
          <div className="filters__end">
            <button type="button" className="button button--primary" onClick={() => setPending({ kind: 'add' })}>
              {t('users.add')}
            </button>
          </div>
        )}
      </div>

      {users.error !== undefined && <ErrorNote error={users.error} onRetry={users.reload} />}
      <DataTable
        caption={t('users.caption')}
        columns={columns}
        rows={users.data ?? []}
        rowKey={(u) => u.id}
        exportName="users"
        empty={users.loading ? t('common.loading') : q || orgId ? t('users.none-match') : t('users.none')}
        rowClassName={(u) => (u.disabled ? 'row--muted' : undefined)}
        busy={users.loading}
      />

      {(pending?.kind === 'add' || pending?.kind === 'edit') && (
        <UserDialog
          user={pending.kind === 'edit' ? pending.user : undefined}
          orgs={orgs.data ?? []}
          roles={roles.data ?? []}
          defaultOrgId={orgId || me.orgId}
          onClose={close}
          onSaved={(user, initialPassword) => {
            users.reload();
            if (initialPassword) setPending({ kind: 'password', user, password: initialPassword, created: true });
            else {
              announce(t(pending.kind === 'add' ? 'users.created' : 'users.saved', { username: user.username }));
              close();
            }
          }}
        />
      )}

      <ConfirmDialog
        open={pending?.kind === 'disable'}
        title={t('users.disable-title')}
        message={pending?.kind === 'disable' ? t('users.disable-confirm', { username: pending.user.username }) : ''}
        confirmLabel={t('action.disable')}
        danger
        busy={busy}
        error={actionError}
        onCancel={close}
        onConfirm={() => pending?.kind === 'disable' && setDisabled(pending.user, true)}
      />

      <ConfirmDialog
        open={pending?.kind === 'reset'}
        title={t('users.reset-title')}
        message={pending?.kind === 'reset' ? t('users.reset-confirm', { username: pending.user.username }) : ''}
        confirmLabel={t('users.reset')}
        busy={busy}
        error={actionError}
        onCancel={close}
        onConfirm={() => pending?.kind === 'reset' && resetPassword(pending.user)}
      />

      <Dialog
        open={pending?.kind === 'password'}
        title={pending?.kind === 'password' && pending.created ? t('users.created-title') : t('users.reset-done-title')}
        onClose={close}
        dismissable={false}
        actions={
          <button type="button" className="button button--primary" onClick={close}>
            {t('action.done')}
          </button>
        }
      >
        {pending?.kind === 'password' && (
          <>
            <p>{t('users.password-for', { username: pending.user.username })}</p>
            <SecretOnce label={t('users.initial-password')} value={pending.password} warning={t('users.password-once')} />
          </>
        )}
      </Dialog>
    </>
  );
}
