// Organisations (agencies and partners): list, add, rename or change country, disable and enable.
import { useState } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import type { Org } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/Dialog';
import { useStatus } from '../../components/Status';
import { Badge, ErrorNote, Instant, Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan, useMe } from '../../session';
import { OrgDialog } from './OrgDialog';

type Pending = { kind: 'add' } | { kind: 'edit'; org: Org } | { kind: 'disable'; org: Org };

export function OrgsTab() {
  const me = useMe();
  const canManage = useCan('orgs.manage');
  const { announce } = useStatus();
  const orgs = useResource(() => call(api.GET('/api/admin/orgs')).then((r) => r.items), []);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  const close = () => {
    setPending(null);
    setActionError(undefined);
  };

  const setDisabled = async (org: Org, disabled: boolean) => {
    setBusy(true);
    try {
      await call(api.PATCH('/api/admin/orgs/{id}', { params: { path: { id: org.id } }, body: { disabled } }));
      announce(t(disabled ? 'orgs.disabled-done' : 'orgs.enabled-done', { name: org.name }));
      close();
      orgs.reload();
    } catch (err) {
      if (disabled) setActionError(messageOf(err));
      else announce(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<Org>[] = [
    { key: 'name', header: t('orgs.col.name'), render: (o) => <Name>{o.name}</Name>, csv: (o) => o.name },
    { key: 'kind', header: t('orgs.col.kind'), render: (o) => t(o.kind === 'partner' ? 'orgs.kind.partner' : 'orgs.kind.agency'), csv: (o) => o.kind },
    {
      key: 'country',
      header: t('orgs.col.country'),
      render: (o) => (o.country ? <span className="mono">{o.country.toUpperCase()}</span> : <span className="muted">—</span>),
      csv: (o) => o.country,
    },
    { key: 'users', header: t('orgs.col.users'), className: 'num', render: (o) => formatNumber(o.userCount), csv: (o) => o.userCount },
    {
      key: 'status',
      header: t('users.col.status'),
      render: (o) => (o.disabled ? <Badge tone="bad">{t('status.disabled')}</Badge> : <Badge tone="good">{t('status.active')}</Badge>),
      csv: (o) => (o.disabled ? 'disabled' : 'active'),
    },
    { key: 'created', header: t('users.col.created'), render: (o) => <Instant value={o.createdAt} />, csv: (o) => o.createdAt },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      render: (o) => (
        <div className="row-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setPending({ kind: 'edit', org: o })}
            aria-label={t('orgs.edit-label', { name: o.name })}
          >
            {t('orgs.rename')}
          </button>
          {o.disabled ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => setDisabled(o, false)}
              aria-label={t('orgs.enable-label', { name: o.name })}
            >
              {t('action.enable')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--danger-quiet"
              disabled={o.id === me.orgId}
              title={o.id === me.orgId ? t('orgs.self-disable') : undefined}
              onClick={() => setPending({ kind: 'disable', org: o })}
              aria-label={t('orgs.disable-label', { name: o.name })}
            >
              {t('action.disable')}
            </button>
          )}
        </div>
      ),
    });

  return (
    <>
      <div className="filters">
        <p className="filters__text">{t('orgs.intro')}</p>
        {canManage && (
          <div className="filters__end">
            <button type="button" className="button button--primary" onClick={() => setPending({ kind: 'add' })}>
              {t('orgs.add')}
            </button>
          </div>
        )}
      </div>
      {orgs.error !== undefined && <ErrorNote error={orgs.error} onRetry={orgs.reload} />}
      <DataTable
        caption={t('orgs.caption')}
        columns={columns}
        rows={orgs.data ?? []}
        rowKey={(o) => o.id}
        exportName="organisations"
        empty={orgs.loading ? t('common.loading') : t('orgs.none')}
        rowClassName={(o) => (o.disabled ? 'row--muted' : undefined)}
        busy={orgs.loading}
      />
      {(pending?.kind === 'add' || pending?.kind === 'edit') && (
        <OrgDialog
          org={pending.kind === 'edit' ? pending.org : undefined}
          onClose={close}
          onSaved={(org) => {
            announce(t(pending.kind === 'add' ? 'orgs.created' : 'orgs.saved', { name: org.name }));
            close();
            orgs.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={pending?.kind === 'disable'}
        title={t('orgs.disable-title')}
        message={pending?.kind === 'disable' ? t('orgs.disable-confirm', { name: pending.org.name, count: pending.org.userCount }) : ''}
        confirmLabel={t('action.disable')}
        danger
        busy={busy}
        error={actionError}
        onCancel={close}
        onConfirm={() => pending?.kind === 'disable' && setDisabled(pending.org, true)}
      />
    </>
  );
}
