// Batch screening: an NDJSON or CSV file (as `vigil screen --input` takes), progress, a results table, NDJSON and CSV downloads.
import { useRef, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Name } from '../../components/Text';
import { formatNumber, t, tn } from '../../i18n';
import { download } from '../../lib/csv';
import { Link } from '../../router';
import { useCan } from '../../session';
import { entityPath } from '../lists/api';
import { formatOf, isError, screenBatch, type BatchLine } from './api';
import { MAX_BATCH_BYTES, queryLines, resultsCsv, resultsNdjson } from './batchFile';
import { ScoreBar } from './Explanation';

const SHOWN = 500;
type Show = 'all' | 'matches' | 'errors';

interface Run {
  file: string;
  lineNumbers: number[];
  lines: BatchLine[];
  done: boolean;
}

const stem = (file: string) => file.replace(/\.[^.]+$/, '') || 'batch';

export function BatchUpload() {
  const canOpen = useCan('watchlists.read');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [minScore, setMinScore] = useState('');
  const [error, setError] = useState<unknown>();
  const [fileError, setFileError] = useState<string>();
  const [run, setRun] = useState<Run | null>(null);
  const [show, setShow] = useState<Show>('all');
  const abort = useRef<AbortController | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!file) return setFileError(t('batch.file-required'));
    if (file.size > MAX_BATCH_BYTES) return setFileError(t('batch.file-too-large', { max: formatNumber(MAX_BATCH_BYTES / 1024 / 1024) }));
    const score = minScore.trim() ? Number(minScore.trim().replace(',', '.')) : undefined;
    if (score !== undefined && !(score >= 0 && score <= 1)) return setError(new Error(t('batch.min-score-invalid')));
    setFileError(undefined);
    const text = await file.text();
    const format = formatOf(file.name);
    const current: Run = { file: file.name, lineNumbers: queryLines(text, format), lines: [], done: false };
    setRun({ ...current });
    abort.current = new AbortController();
    let pending = 0;
    try {
      await screenBatch(
        text,
        format,
        score,
        (l) => {
          current.lines.push(l);
          // Re-render every 25 lines (and at the end) rather than on each line of a large batch.
          if (++pending >= 25) {
            pending = 0;
            setRun({ ...current, lines: [...current.lines] });
          }
        },
        abort.current.signal,
      );
    } catch (err) {
      setError(err);
    } finally {
      setRun({ ...current, lines: [...current.lines], done: true });
      abort.current = null;
    }
  };

  const lines = run?.lines ?? [];
  const errors = lines.filter(isError).length;
  const withMatches = lines.filter((l) => !isError(l) && l.matches.length > 0).length;
  const expected = Math.max(run?.lineNumbers.length ?? 0, lines.length);
  const indexed = lines.map((l, k) => ({ l, k }));
  const visible = indexed.filter(({ l }) => (show === 'errors' ? isError(l) : show === 'matches' ? !isError(l) && l.matches.length > 0 : true));

  return (
    <div className="batch">
      <form className="panel batch-form" onSubmit={submit} noValidate aria-label={t('batch.form')}>
        <p className="muted small batch-form__intro">{t('batch.intro')}</p>
        <div className="batch-form__row">
          <Field label={t('batch.file')} hint={t('batch.file-hint')} error={fileError} required>
            <input
              ref={input}
              type="file"
              className="input"
              accept=".ndjson,.jsonl,.json,.csv,application/x-ndjson,text/csv"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(undefined);
              }}
            />
          </Field>
          <Field label={t('screening.min-score')} hint={t('screening.min-score-hint')}>
            <input
              className="input input--short"
              inputMode="decimal"
              value={minScore}
              onChange={(e) => setMinScore(e.currentTarget.value)}
              placeholder="0.70"
            />
          </Field>
          <div className="batch-form__actions">
            <button type="submit" className="button button--primary" disabled={!!run && !run.done}>
              {t('batch.screen')}
            </button>
            {run && !run.done && (
              <button type="button" className="button" onClick={() => abort.current?.abort()}>
                {t('batch.stop')}
              </button>
            )}
          </div>
        </div>
      </form>
      {error !== undefined && <ErrorNote error={error} />}
      {run && (
        <section className="page-section" aria-labelledby="batch-results-title">
          <h2 id="batch-results-title" className="section-title">
            {t('batch.results')} <span className="muted small">{run.file}</span>
          </h2>
          <div className="batch-progress">
            <progress max={expected || 1} value={run.done ? expected || 1 : lines.length} aria-label={t('batch.progress-label')} />
            <span role="status">
              {run.done
                ? t('batch.done', { n: formatNumber(lines.length) })
                : t('batch.progress', { n: formatNumber(lines.length), total: formatNumber(expected) })}
            </span>
          </div>
          <div className="batch-summary">
            <Badge tone="bad">{tn('batch.with-matches', withMatches)}</Badge>
            <Badge tone="good">{tn('batch.clear', lines.length - withMatches - errors)}</Badge>
            <Badge tone={errors ? 'warn' : 'neutral'}>{tn('batch.errors', errors)}</Badge>
          </div>
          <div className="table-block">
            <div className="table-toolbar">
              <div className="field field--inline">
                <label htmlFor="batch-show" className="field__label">
                  {t('batch.show')}
                </label>
                <select id="batch-show" className="input" value={show} onChange={(e) => setShow(e.currentTarget.value as Show)}>
                  <option value="all">{t('batch.show.all')}</option>
                  <option value="matches">{t('batch.show.matches')}</option>
                  <option value="errors">{t('batch.show.errors')}</option>
                </select>
              </div>
              <div className="table-toolbar__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={!run.done || !lines.length}
                  onClick={() => download(`${stem(run.file)}-results.ndjson`, resultsNdjson(lines), 'application/x-ndjson;charset=utf-8')}
                >
                  {t('batch.download-ndjson')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={!run.done || !lines.length}
                  onClick={() => download(`${stem(run.file)}-results.csv`, resultsCsv(lines, run.lineNumbers))}
                >
                  {t('batch.download-csv')}
                </button>
              </div>
            </div>
            <div className="table-scroll" role="region" aria-labelledby="batch-results-title" tabIndex={0}>
              <table className="table batch-table">
                <thead>
                  <tr>
                    <th scope="col">{t('batch.col.line')}</th>
                    <th scope="col">{t('batch.col.id')}</th>
                    <th scope="col">{t('batch.col.result')}</th>
                    <th scope="col">{t('batch.col.best')}</th>
                    <th scope="col">{t('batch.col.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.slice(0, SHOWN).map(({ l, k }) => {
                    const line = isError(l) ? l.line : run.lineNumbers[k];
                    if (isError(l))
                      return (
                        <tr key={k} className="row--warn" data-line={line}>
                          <td className="mono">{line}</td>
                          <td className="mono">{l.id ?? ''}</td>
                          <td colSpan={3} className="batch-error">
                            {l.error.detail}
                          </td>
                        </tr>
                      );
                    const best = l.matches[0];
                    return (
                      <tr key={k} className={best ? 'row--bad' : undefined} data-line={line}>
                        <td className="mono">{line ?? ''}</td>
                        <td className="mono">{l.id ?? ''}</td>
                        <td>{best ? tn('screening.matches', l.matches.length) : <span className="muted">{t('batch.no-match')}</span>}</td>
                        <td>
                          {best &&
                            (canOpen ? (
                              <Link to={entityPath(best.entityId, best.lists[0])}>
                                <Name>{best.caption}</Name>
                              </Link>
                            ) : (
                              <Name>{best.caption}</Name>
                            ))}
                        </td>
                        <td>{best && <ScoreBar score={best.score} />}</td>
                      </tr>
                    );
                  })}
                  {!visible.length && (
                    <tr>
                      <td colSpan={5} className="table-empty">
                        {run.done ? t('batch.none-shown') : t('common.loading')}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
          {visible.length > SHOWN && <p className="muted small">{t('batch.truncated', { shown: formatNumber(SHOWN), total: formatNumber(visible.length) })}</p>}
        </section>
      )}
    </div>
  );
}
