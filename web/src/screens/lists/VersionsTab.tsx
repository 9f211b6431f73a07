// The versions of a list, newest first, with its source; activating or rolling back after confirmation (watchlists.manage).
import { useState } from 'react';
import { messageOf } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { Digest } from '../../components/Digest';
import { ConfirmDialog } from '../../components/Dialog';
import { useStatus } from '../../components/Status';
import { Badge, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { Link } from '../../router';
import { useCan } from '../../session';
import { activateVersion, listPath, type ListDetail, type Version } from './api';
import { Counts, countsCsv, versionLabel } from './format';
import { SourcePanel } from './SourcePanel';

export function VersionsTab({ list, onChanged }: { list: ListDetail; onChanged: () => void }) {
  const canManage = useCan('watchlists.manage');
  const { announce } = useStatus();
  const [pending, setPending] = useState<Version | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const active = list.activeVersion;
  // Going back to an older version is a roll-back; anything else (first activation, a newer import) is an activation.
  const isRollback = (v: Version) => active !== null && v.version < active;

  const close = () => {
    setPending(null);
    setError(undefined);
  };

  const activate = async (v: Version) => {
    setBusy(true);
    setError(undefined);
    try {
      await activateVersion(list.name, v.version);
      announce(t(isRollback(v) ? 'versions.rolled-back' : 'versions.activated', { version: versionLabel(v.version), list: list.title }));
      close();
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<Version>[] = [
    {
      key: 'version',
      header: t('versions.col.version'),
      render: (v) => (
        <span className="stack stack--start">
          <strong>{versionLabel(v.version)}</strong>
          {v.active && <Badge tone="good">{t('versions.active')}</Badge>}
        </span>
      ),
      csv: (v) => v.version,
    },
    { key: 'active', header: t('versions.col.active'), render: (v) => (v.active ? 'yes' : 'no'), csv: (v) => v.active, exportOnly: true },
    {
      key: 'imported',
      header: t('versions.col.imported'),
      render: (v) => (
        <span className="stack">
          <Instant value={v.importedAt} />
          {v.files.map((f) => (
            <span key={f} className="mono small muted file-name" title={f}>
              {f}
            </span>
          ))}
        </span>
      ),
      csv: (v) => v.importedAt,
    },
    { key: 'files', header: t('versions.col.files'), render: (v) => v.files.join(' '), csv: (v) => v.files.join(' '), exportOnly: true },
    {
      key: 'sha256',
      header: t('versions.col.sha256'),
      render: (v) => <Digest value={v.sha256} chars={10} label={t('versions.sha-of', { version: versionLabel(v.version) })} />,
      csv: (v) => v.sha256,
    },
    {
      key: 'counts',
      header: t('versions.col.counts'),
      render: (v) => (
        <span className="stack counts-cell">
          <Counts counts={v.counts} />
          <span className="muted small">{t('versions.total', { total: formatNumber(v.total) })}</span>
        </span>
      ),
      csv: (v) => countsCsv(v.counts),
    },
    { key: 'total', header: t('versions.col.total'), render: (v) => v.total, csv: (v) => v.total, exportOnly: true },
    { key: 'aux', header: t('versions.col.auxiliaries'), render: (v) => v.auxiliaries, csv: (v) => v.auxiliaries, exportOnly: true },
    { key: 'by', header: t('versions.col.imported-by'), render: (v) => v.importedBy ?? '', csv: (v) => v.importedBy, exportOnly: true },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'col-version-actions',
      render: (v) => (
        <div className="row-actions row-actions--stack">
          <Link
            to={`${listPath(list.name, 'entities')}${v.active ? '' : `?version=${v.version}`}`}
            className="button button--small"
            aria-label={t('versions.entities-label', { version: versionLabel(v.version) })}
          >
            {t('versions.entities')}
          </Link>
          {canManage && !v.active && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setPending(v)}
              aria-label={t(isRollback(v) ? 'versions.rollback-label' : 'versions.activate-label', { version: versionLabel(v.version) })}
            >
              {t(isRollback(v) ? 'versions.rollback' : 'versions.activate')}
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <>
      <SourcePanel list={list} onChanged={onChanged} />
      <DataTable
        caption={t('versions.caption', { list: list.title })}
        columns={columns}
        rows={list.versions}
        rowKey={(v) => String(v.version)}
        exportName={`${list.name}-versions`}
        empty={t('versions.none')}
        rowClassName={(v) => (v.active ? 'row--active' : undefined)}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending && isRollback(pending) ? t('versions.rollback-title') : t('versions.activate-title')}
        message={
          pending
            ? t(isRollback(pending) ? 'versions.rollback-confirm' : 'versions.activate-confirm', {
                version: versionLabel(pending.version),
                list: list.title,
                current: active === null ? t('lists.no-active') : versionLabel(active),
                total: formatNumber(pending.total),
              })
            : ''
        }
        confirmLabel={pending && isRollback(pending) ? t('versions.rollback') : t('versions.activate')}
        danger={pending !== null && isRollback(pending)}
        busy={busy}
        error={error}
        onCancel={close}
        onConfirm={() => pending && activate(pending)}
      />
    </>
  );
}
