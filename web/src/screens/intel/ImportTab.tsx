// Importing into a case: FtM JSON lines at once; CSV/XLSX previewed, mapped with a saved or built mapping, then a row-by-row report.
import { useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorNote } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { fetchMappings, fileBase64, importFile, previewFile, saveMapping, type ImportReport, type Preview } from './api';
import { datasetOf, toYaml, type EntitySpec } from './mapping';
import { MappingBuilder } from './MappingBuilder';

type Format = 'ftm' | 'csv' | 'xlsx';
const formatOf = (name: string): Format | null =>
  /\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : /\.(jsonl|ndjson|json)$/i.test(name) ? 'ftm' : null;

function Report({ r }: { r: ImportReport }) {
  return (
    <div className={`callout ${r.errorCount ? 'callout--warning' : 'callout--success'}`} role="status">
      <p>
        {t('intel.import.report', {
          file: r.file,
          rows: formatNumber(r.rows),
          entities: formatNumber(r.entities),
          added: formatNumber(r.added),
          updated: formatNumber(r.updated),
          empty: formatNumber(r.emptyRows),
        })}
        {!r.written && ` ${t('intel.import.nothing-written')}`}
      </p>
      {r.errorCount > 0 && (
        <>
          <p>{t('intel.import.errors', { count: formatNumber(r.errorCount) })}</p>
          <ul className="intel-list">
            {r.errors.map((e, i) => (
              <li key={i}>
                {t('intel.import.line', { line: e.line })}: {e.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ImportTab({ caseId, onImported }: { caseId: string; onImported: () => void }) {
  const mappings = useResource(fetchMappings, []);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<'utf8' | 'latin1'>('utf8');
  const [sheet, setSheet] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mappingId, setMappingId] = useState('');
  const [entities, setEntities] = useState<EntitySpec[]>([]);
  const [dataset, setDataset] = useState('');
  const [yaml, setYaml] = useState<string | null>(null);
  const [saveName, setSaveName] = useState('');
  const [strict, setStrict] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const format = file ? formatOf(file.name) : null;
  const built = yaml ?? toYaml(dataset, entities);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await f();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const pick = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setReport(null);
    setYaml(null);
    if (f) setDataset(datasetOf(f.name));
  };
  const doPreview = () =>
    run(async () => {
      if (!file || (format !== 'csv' && format !== 'xlsx')) return;
      setPreview(await previewFile(caseId, { file: file.name, format, content: await fileBase64(file), encoding, ...(sheet ? { sheet } : {}) }));
    });
  const doImport = () =>
    run(async () => {
      if (!file || !format) return;
      const mapping = format === 'ftm' ? {} : mappingId ? { mappingId } : { mapping: built };
      const r = await importFile(caseId, {
        file: file.name,
        format,
        content: await fileBase64(file),
        encoding,
        ...(sheet ? { sheet } : {}),
        strict,
        ...mapping,
      });
      setReport(r);
      if (r.written) onImported();
    });
  const doSave = () =>
    run(async () => {
      const m = await saveMapping(saveName.trim(), built);
      mappings.reload();
      setMappingId(m.id);
    });

  return (
    <div className="stack-gap">
      <p className="section-intro">{t('intel.import.intro')}</p>
      <div className="form form--grid">
        <Field label={t('intel.import.file')} hint={t('intel.import.file-hint')} required>
          <input className="input" type="file" accept=".csv,.xlsx,.json,.jsonl,.ndjson" onChange={(e) => pick(e.target.files?.[0] ?? null)} />
        </Field>
        {format === 'csv' && (
          <Field label={t('intel.import.encoding')}>
            <select className="input" value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf8' | 'latin1')}>
              <option value="utf8">UTF-8</option>
              <option value="latin1">Latin-1 (Windows-1252)</option>
            </select>
          </Field>
        )}
        {format === 'xlsx' && (
          <Field label={t('intel.import.sheet')} hint={preview?.sheets.length ? preview.sheets.join(', ') : undefined}>
            <input className="input" value={sheet} onChange={(e) => setSheet(e.target.value)} />
          </Field>
        )}
        {file && !format && <p className="form-error">{t('intel.import.unknown-format')}</p>}
      </div>
      {(format === 'csv' || format === 'xlsx') && (
        <button type="button" className="button" onClick={doPreview} disabled={busy}>
          {t('intel.import.preview')}
        </button>
      )}
      {preview && (
        <>
          <div className="table-scroll">
            <table className="table intel-preview">
              <caption>{t('intel.import.preview-caption', { count: preview.rows.length })}</caption>
              <thead>
                <tr>
                  {preview.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j}>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Field label={t('intel.import.saved-mapping')}>
            <select className="input" value={mappingId} onChange={(e) => setMappingId(e.target.value)}>
              <option value="">{t('intel.import.build-mapping')}</option>
              {(mappings.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          {!mappingId && (
            <section className="panel" aria-labelledby="intel-mapping-title">
              <h3 id="intel-mapping-title" className="panel__title">
                {t('intel.mapping.title')}
              </h3>
              <Field label={t('intel.mapping.dataset')} hint={t('intel.mapping.dataset-hint')}>
                <input className="input input--short" value={dataset} onChange={(e) => setDataset(e.target.value.replace(/[^A-Za-z0-9_-]/g, ''))} />
              </Field>
              <MappingBuilder
                columns={preview.columns}
                entities={entities}
                onChange={(e) => {
                  setEntities(e);
                  setYaml(null);
                }}
              />
              <Field label={t('intel.mapping.yaml')} hint={t('intel.mapping.yaml-hint')}>
                <textarea className="input mono" rows={10} value={built} onChange={(e) => setYaml(e.target.value)} />
              </Field>
              <div className="intel-inline">
                <input
                  className="input input--short"
                  aria-label={t('intel.mapping.save-name')}
                  placeholder={t('intel.mapping.save-name')}
                  value={saveName}
                  onChange={(e) => setSaveName(e.target.value)}
                />
                <button type="button" className="button" onClick={doSave} disabled={busy || !saveName.trim()}>
                  {t('intel.mapping.save')}
                </button>
              </div>
            </section>
          )}
        </>
      )}
      {format && (format === 'ftm' || preview) && (
        <div className="intel-inline">
          <label className="check check--inline">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} /> {t('intel.import.strict')}
          </label>
          <button type="button" className="button button--primary" onClick={doImport} disabled={busy}>
            {t('intel.import.run')}
          </button>
        </div>
      )}
      {error !== undefined && <ErrorNote error={error} />}
      {report && <Report r={report} />}
    </div>
  );
}
