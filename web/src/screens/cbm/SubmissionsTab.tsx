// National submissions for CBMs 1, 6, 7, 9 and 16: the matrix of who reported what when, and filing a new version.
import { useState, type FormEvent } from 'react';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { fetchMatrix, submitReport, type CbmMe } from './api';

export function SubmissionsTab({ me }: { me: CbmMe }) {
  const m = useResource(fetchMatrix, []);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    submitReport({
      cbm: Number(f.get('cbm')),
      title: String(f.get('title')),
      body: String(f.get('body')),
      language: 'en',
      visibility: String(f.get('visibility')),
    }).then(() => {
      form.reset();
      m.reload();
    }, setError);
  };
  if (m.error) return <ErrorNote error={m.error} onRetry={m.reload} />;
  if (!m.data) return <Loading />;
  return (
    <>
      <section aria-labelledby="cbm-matrix">
        <h2 id="cbm-matrix">{t('cbm.submissions.heading')}</h2>
        <table className="cbm-table cbm-matrix">
          <thead>
            <tr>
              <th scope="col">{t('cbm.col.state')}</th>
              {m.data.cbms.map((c) => (
                <th key={c} scope="col">
                  {t('cbm.submissions.cbm', { n: c })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.data.rows.map((r) => (
              <tr key={r.state}>
                <th scope="row">{r.state.toUpperCase()}</th>
                {r.cells.map((cell, i) => (
                  <td key={i} className={cell ? 'cbm-cell--filed' : 'cbm-cell--missing'}>
                    {cell ? (
                      <>
                        v{cell.latestVersion} · <Instant value={cell.latestAt} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {me.state ? (
        <section aria-labelledby="cbm-file">
          <h2 id="cbm-file">{t('cbm.submissions.file')}</h2>
          <form className="cbm-form" onSubmit={submit}>
            <label>
              CBM
              <select name="cbm">
                {m.data.cbms.map((c) => (
                  <option key={c} value={c}>
                    {t('cbm.submissions.cbm', { n: c })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cbm.submissions.title')}
              <input name="title" required maxLength={300} />
            </label>
            <label>
              {t('cbm.submissions.text')}
              <textarea name="body" required rows={6} />
            </label>
            <label>
              {t('cbm.submissions.visibility')}
              <select name="visibility" defaultValue="network">
                <option value="network">{t('cbm.submissions.visibility.network')}</option>
                <option value="secretariat">{t('cbm.submissions.visibility.secretariat')}</option>
              </select>
            </label>
            {error ? <ErrorNote error={error} /> : null}
            <button type="submit">{t('cbm.submissions.submit')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
