// National submissions for CBMs 1, 6, 7, 9 and 16: the matrix of who reported what when, and filing a new version.
import { useState, type FormEvent } from 'react';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { locale, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Dialog } from '../../components/Dialog';
import { fetchMatrix, fetchSubmission, fetchSubmissions, submitReport, type CbmMe } from './api';

/** The OSCE's six official languages, named in the workbench's language. */
const OSCE_LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;
const names = new Intl.DisplayNames([locale], { type: 'language' });

/** Every version a State filed under one CBM, newest first, and the text of the one chosen. */
function Versions({ state, cbm, onClose }: { state: string; cbm: number; onClose: () => void }) {
  const list = useResource(() => fetchSubmissions(state, cbm), [state, cbm]);
  const [chosen, setChosen] = useState<string>();
  const current = chosen ?? list.data?.[0]?.id;
  const text = useResource(() => (current ? fetchSubmission(current) : Promise.resolve(undefined)), [current]);
  return (
    <Dialog open wide title={t('cbm.submissions.versions', { state: state.toUpperCase(), n: cbm })} onClose={onClose}>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      <ul className="cbm-rounds">
        {list.data?.map((s) => (
          <li key={s.id}>
            <button className="button" type="button" aria-pressed={s.id === current} onClick={() => setChosen(s.id)}>
              v{s.version} · <Instant value={s.submittedAt} />
            </button>
          </li>
        ))}
      </ul>
      {text.error ? <ErrorNote error={text.error} /> : null}
      {text.data ? (
        <article lang={text.data.language}>
          <h3>{text.data.title}</h3>
          <p className="cbm-muted">
            {names.of(text.data.language) ?? text.data.language} · {t(`cbm.submissions.visibility.${text.data.visibility}`)}
          </p>
          <p className="cbm-body">{text.data.body}</p>
        </article>
      ) : (
        <Loading />
      )}
    </Dialog>
  );
}

export function SubmissionsTab({ me }: { me: CbmMe }) {
  const m = useResource(fetchMatrix, []);
  const [open, setOpen] = useState<{ state: string; cbm: number }>();
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    submitReport({
      cbm: Number(f.get('cbm')),
      title: String(f.get('title')),
      body: String(f.get('body')),
      language: String(f.get('language')),
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
                      <button type="button" className="cbm-link" onClick={() => setOpen({ state: r.state, cbm: m.data!.cbms[i]! })}>
                        v{cell.latestVersion} · <Instant value={cell.latestAt} />
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {open ? <Versions state={open.state} cbm={open.cbm} onClose={() => setOpen(undefined)} /> : null}
      </section>
      {me.state ? (
        <section aria-labelledby="cbm-file">
          <h2 id="cbm-file">{t('cbm.submissions.file')}</h2>
          <form className="cbm-form" onSubmit={submit}>
            <label>
              CBM
              <select className="input" name="cbm">
                {m.data.cbms.map((c) => (
                  <option key={c} value={c}>
                    {t('cbm.submissions.cbm', { n: c })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cbm.submissions.title')}
              <input className="input" name="title" required maxLength={300} />
            </label>
            <label>
              {t('cbm.submissions.text')}
              <textarea className="input" name="body" required rows={6} />
            </label>
            <label>
              {t('cbm.submissions.language')}
              <select className="input" name="language" defaultValue={(OSCE_LANGUAGES as readonly string[]).includes(locale) ? locale : 'en'}>
                {OSCE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {names.of(l) ?? l}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cbm.submissions.visibility')}
              <select className="input" name="visibility" defaultValue="network">
                <option value="network">{t('cbm.submissions.visibility.network')}</option>
                <option value="secretariat">{t('cbm.submissions.visibility.secretariat')}</option>
              </select>
            </label>
            {error ? <ErrorNote error={error} /> : null}
            <button className="button" type="submit">
              {t('cbm.submissions.submit')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
