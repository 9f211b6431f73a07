// Trusted certificates for chip verification: the CSCAs and CRLs imported by the operator, and an import form for managers.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Digest } from '../../components/Digest';
import { useStatus } from '../../components/Status';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { formatDate, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { fetchCrls, fetchCscas, uploadCrls, uploadCscas, type Crl, type Csca } from './api';
import { FileImport } from './FileImport';

function CertificateImport({ onImported }: { onImported: () => void }) {
  const { announce } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [warnings, setWarnings] = useState<string[]>([]);

  const submit = async (file: File, kind: 'csca' | 'crl') => {
    setBusy(true);
    setError(undefined);
    setWarnings([]);
    try {
      const r = kind === 'csca' ? await uploadCscas(file) : await uploadCrls(file);
      setWarnings(r.warnings);
      announce(t('documents.certs.imported', { added: r.added, unchanged: r.unchanged }));
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileImport
      title={t('documents.certs.import')}
      hint={t('documents.certs.hint')}
      choiceLabel={t('documents.certs.kind')}
      choices={[
        { value: 'csca', label: t('documents.certs.kind.csca') },
        { value: 'crl', label: t('documents.certs.kind.crl') },
      ]}
      busy={busy}
      onSubmit={(file, kind) => void submit(file, kind)}
    >
      {error !== undefined && <ErrorNote error={error} />}
      {warnings.length > 0 && (
        <ul className="callout callout--warning">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </FileImport>
  );
}

export function CertificatesScreen() {
  const canManage = useCan('documents.manage');
  const cscas = useResource(fetchCscas, []);
  const crls = useResource(fetchCrls, []);
  const reload = () => {
    cscas.reload();
    crls.reload();
  };
  const cscaColumns: Column<Csca>[] = [
    {
      key: 'country',
      header: t('documents.certs.col.country'),
      render: (c) => <span className="mono">{c.country?.toUpperCase() ?? ''}</span>,
      csv: (c) => c.country,
    },
    { key: 'subject', header: t('documents.certs.col.subject'), render: (c) => <span className="small">{c.subject}</span>, csv: (c) => c.subject },
    {
      key: 'validity',
      header: t('documents.certs.col.validity'),
      render: (c) => t('documents.certs.validity', { from: formatDate(c.notBefore), to: formatDate(c.notAfter) }),
      csv: (c) => `${c.notBefore}/${c.notAfter}`,
    },
    { key: 'key', header: t('documents.certs.col.key'), render: (c) => <span className="small">{c.key}</span>, csv: (c) => c.key },
    {
      key: 'source',
      header: t('documents.certs.col.source'),
      render: (c) => <Badge tone="info">{t(`documents.certs.source.${c.source}`)}</Badge>,
      csv: (c) => c.source,
    },
    {
      key: 'fingerprint',
      header: t('documents.certs.col.fingerprint'),
      render: (c) => <Digest value={c.fingerprint} chars={10} label={t('documents.certs.fingerprint-of', { subject: c.subject })} />,
      csv: (c) => c.fingerprint,
    },
  ];
  const crlColumns: Column<Crl>[] = [
    {
      key: 'country',
      header: t('documents.certs.col.country'),
      render: (c) => <span className="mono">{c.country?.toUpperCase() ?? ''}</span>,
      csv: (c) => c.country,
    },
    { key: 'issuer', header: t('documents.certs.col.issuer'), render: (c) => <span className="small">{c.issuer}</span>, csv: (c) => c.issuer },
    { key: 'this', header: t('documents.certs.col.this-update'), render: (c) => <Instant value={c.thisUpdate} />, csv: (c) => c.thisUpdate },
    { key: 'next', header: t('documents.certs.col.next-update'), render: (c) => <Instant value={c.nextUpdate} />, csv: (c) => c.nextUpdate },
    { key: 'revoked', header: t('documents.certs.col.revoked'), render: (c) => c.revoked, csv: (c) => c.revoked },
  ];
  return (
    <div className="registry">
      {canManage && <CertificateImport onImported={reload} />}
      <section className="panel" aria-labelledby="cscas-title">
        <h2 id="cscas-title" className="panel__title">
          {t('documents.certs.cscas')}
        </h2>
        {cscas.error !== undefined && <ErrorNote error={cscas.error} onRetry={cscas.reload} />}
        {cscas.data ? (
          <DataTable
            caption={t('documents.certs.cscas')}
            columns={cscaColumns}
            rows={cscas.data}
            rowKey={(c) => c.fingerprint}
            exportName="cscas"
            empty={t('documents.certs.no-cscas')}
          />
        ) : (
          cscas.error === undefined && <Loading />
        )}
      </section>
      <section className="panel" aria-labelledby="crls-title">
        <h2 id="crls-title" className="panel__title">
          {t('documents.certs.crls')}
        </h2>
        {crls.error !== undefined && <ErrorNote error={crls.error} onRetry={crls.reload} />}
        {crls.data ? (
          <DataTable
            caption={t('documents.certs.crls')}
            columns={crlColumns}
            rows={crls.data}
            rowKey={(c) => c.fingerprint}
            exportName="crls"
            empty={t('documents.certs.no-crls')}
          />
        ) : (
          crls.error === undefined && <Loading />
        )}
      </section>
    </div>
  );
}
