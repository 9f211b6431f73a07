// The registry's versions, newest first: counts, changes, and activation or roll-back after confirmation (documents.manage).
import { useState } from 'react';
import { messageOf } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { Digest } from '../../components/Digest';
import { ConfirmDialog } from '../../components/Dialog';
import { useStatus } from '../../components/Status';
import { Badge, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useCan } from '../../session';
import { activateRegistry, type Registry, type RegistryVersion } from './api';
import { statusLabel } from './labels';

export function RegistryVersions({ registry, onChanged }: { registry: Registry; onChanged: () => void }) {
  const canManage = useCan('documents.manage');
  const { announce } = useStatus();
  const [pending, setPending] = useState<RegistryVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const activate = async (v: RegistryVersion) => {
    setBusy(true);
    setError(undefined);
    try {
      await activateRegistry(v.version);
      announce(t('documents.registry.activated', { version: v.version }));
      setPending(null);
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const counts = (v: RegistryVersion) =>
    Object.entries(v.counts)
      .map(([s, n]) => `${statusLabel(s)} ${formatNumber(n)}`)
      .join(' · ');
  const columns: Column<RegistryVersion>[] = [
    {
      key: 'version',
      header: t('documents.registry.col.version'),
      render: (v) => (
        <span className="stack stack--start">
          <strong>v{v.version}</strong>
          {v.active && <Badge tone="good">{t('documents.registry.active')}</Badge>}
        </span>
      ),
      csv: (v) => v.version,
    },
    { key: 'imported', header: t('documents.registry.col.imported'), render: (v) => <Instant value={v.importedAt} />, csv: (v) => v.importedAt },
    {
      key: 'file',
      header: t('documents.registry.col.file'),
      render: (v) => (
        <span className="stack">
          <span className="mono small">{v.file}</span>
          <Digest value={v.sha256} chars={10} label={t('documents.registry.sha-of', { version: v.version })} />
        </span>
      ),
      csv: (v) => v.file,
    },
    { key: 'mode', header: t('documents.registry.col.mode'), render: (v) => t(`documents.registry.mode.${v.mode}`), csv: (v) => v.mode },
    {
      key: 'total',
      header: t('documents.registry.col.total'),
      render: (v) => (
        <span className="stack">
          <strong>{formatNumber(v.total)}</strong>
          <span className="muted small">{counts(v)}</span>
        </span>
      ),
      csv: (v) => v.total,
    },
    {
      key: 'changes',
      header: t('documents.registry.col.changes'),
      render: (v) => t('documents.registry.changes', { added: v.changes.added, changed: v.changes.changed, removed: v.changes.removed }),
      csv: (v) => `+${v.changes.added} ~${v.changes.changed} -${v.changes.removed}`,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (v) =>
        canManage && !v.active ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => setPending(v)}
            aria-label={t('documents.registry.activate-label', { version: v.version })}
          >
            {t('documents.registry.activate')}
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <DataTable
        caption={t('documents.registry.versions')}
        columns={columns}
        rows={registry.versions}
        rowKey={(v) => String(v.version)}
        exportName="lost-registry-versions"
        empty={t('documents.registry.no-versions')}
        rowClassName={(v) => (v.active ? 'row--active' : undefined)}
      />
      <ConfirmDialog
        open={pending !== null}
        title={t('documents.registry.activate-title')}
        message={
          pending
            ? t('documents.registry.activate-confirm', { version: pending.version, current: registry.activeVersion ?? '—', total: formatNumber(pending.total) })
            : ''
        }
        confirmLabel={t('documents.registry.activate')}
        busy={busy}
        error={error}
        onCancel={() => {
          setPending(null);
          setError(undefined);
        }}
        onConfirm={() => pending && activate(pending)}
      />
    </>
  );
}
