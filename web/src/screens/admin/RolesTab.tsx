// Roles and the permissions they grant, and the catalogue of permissions declared by the modules.
import { api, call } from '../../api/client';
import type { Permission, Role } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';

export function RolesTab() {
  const roles = useResource(() => call(api.GET('/api/admin/roles')).then((r) => r.items), []);
  const permissions = useResource(() => call(api.GET('/api/admin/permissions')).then((r) => r.items), []);

  const roleColumns: Column<Role>[] = [
    { key: 'name', header: t('roles.col.name'), render: (r) => <span className="mono">{r.name}</span>, csv: (r) => r.name },
    { key: 'description', header: t('roles.col.description'), render: (r) => r.description, csv: (r) => r.description },
    {
      key: 'permissions',
      header: t('roles.col.permissions'),
      render: (r) => (
        <span className="tag-list">
          {r.permissions.map((p) => (
            <code key={p} className="tag">
              {p}
            </code>
          ))}
        </span>
      ),
      csv: (r) => r.permissions.join(' '),
    },
  ];
  const permissionColumns: Column<Permission>[] = [
    { key: 'name', header: t('roles.col.permission'), render: (p) => <code>{p.name}</code>, csv: (p) => p.name },
    { key: 'module', header: t('roles.col.module'), render: (p) => p.module, csv: (p) => p.module },
    { key: 'description', header: t('roles.col.description'), render: (p) => p.description, csv: (p) => p.description },
    {
      key: 'roles',
      header: t('roles.col.granted-to'),
      render: (p) =>
        (roles.data ?? [])
          .filter((r) => r.permissions.includes(p.name))
          .map((r) => r.name)
          .join(', '),
      csv: (p) =>
        (roles.data ?? [])
          .filter((r) => r.permissions.includes(p.name))
          .map((r) => r.name)
          .join(' '),
    },
  ];

  return (
    <>
      <p className="section-intro">{t('roles.intro')}</p>
      <h2 className="section-title">{t('roles.title')}</h2>
      {roles.error !== undefined && <ErrorNote error={roles.error} onRetry={roles.reload} />}
      <DataTable
        caption={t('roles.title')}
        columns={roleColumns}
        rows={roles.data ?? []}
        rowKey={(r) => r.name}
        exportName="roles"
        empty={roles.loading ? t('common.loading') : t('roles.none')}
        busy={roles.loading}
      />
      <h2 className="section-title">{t('roles.permissions-title')}</h2>
      {permissions.error !== undefined && <ErrorNote error={permissions.error} onRetry={permissions.reload} />}
      <DataTable
        caption={t('roles.permissions-title')}
        columns={permissionColumns}
        rows={[...(permissions.data ?? [])].sort((a, b) => a.module.localeCompare(b.module) || a.name.localeCompare(b.name))}
        rowKey={(p) => p.name}
        exportName="permissions"
        empty={permissions.loading ? t('common.loading') : t('roles.none')}
        busy={permissions.loading}
      />
    </>
  );
}
