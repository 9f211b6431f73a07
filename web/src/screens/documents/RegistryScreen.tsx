// The lost and stolen registry screen: its versions (activation), an import form for managers, and a search of the active version.
import { useState } from 'react';
import { ErrorNote, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { fetchRegistry } from './api';
import { RegistryImport } from './RegistryImport';
import { RegistrySearch } from './RegistrySearch';
import { RegistryVersions } from './RegistryVersions';

export function RegistryScreen() {
  const canManage = useCan('documents.manage');
  const registry = useResource(fetchRegistry, []);
  const [reloadKey, setReloadKey] = useState(0);
  const changed = () => {
    registry.reload();
    setReloadKey((n) => n + 1);
  };
  return (
    <div className="registry">
      {canManage && <RegistryImport onImported={changed} />}
      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title" className="panel__title">
          {t('documents.registry.versions')}
        </h2>
        {registry.error !== undefined && <ErrorNote error={registry.error} onRetry={registry.reload} />}
        {registry.data ? <RegistryVersions registry={registry.data} onChanged={changed} /> : registry.error === undefined && <Loading />}
      </section>
      <RegistrySearch reloadKey={reloadKey} />
    </div>
  );
}
