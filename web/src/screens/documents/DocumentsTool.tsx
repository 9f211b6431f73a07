// The Documents tool: Check (officers), the lost and stolen registry and the trusted certificates (readers) as tabs under /documents.
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type TabDef } from '../../components/Tabs';
import { t } from '../../i18n';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { DOCUMENTS_PATHS } from './api';
import { CertificatesScreen } from './CertificatesScreen';
import { CheckScreen } from './CheckScreen';
import { RegistryScreen } from './RegistryScreen';
import './documents.css';

type TabId = keyof typeof DOCUMENTS_PATHS;

export function DocumentsTool({ pathname }: { pathname: string }) {
  const canCheck = useCan('documents.check');
  const canRead = useCan('documents.read');
  const path = pathname.replace(/\/+$/, '') || '/documents';
  const tab = (Object.keys(DOCUMENTS_PATHS) as TabId[]).find((k) => DOCUMENTS_PATHS[k] === path);
  if (!tab) return <NotFound />;
  if ((tab === 'check' && !canCheck) || (tab !== 'check' && !canRead)) return <NotFound forbidden />;
  const tabs: TabDef[] = [
    ...(canCheck ? [{ path: DOCUMENTS_PATHS.check, label: t('documents.tab.check') }] : []),
    ...(canRead
      ? [
          { path: DOCUMENTS_PATHS.registry, label: t('documents.tab.registry') },
          { path: DOCUMENTS_PATHS.certificates, label: t('documents.tab.certificates') },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('documents.title')} description={t(`documents.${tab}.description`)} />
      {tabs.length > 1 && <Tabs label={t('documents.tabs')} tabs={tabs} current={DOCUMENTS_PATHS[tab]} />}
      {tab === 'check' ? <CheckScreen /> : tab === 'registry' ? <RegistryScreen /> : <CertificatesScreen />}
    </>
  );
}
