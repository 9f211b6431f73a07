// The officer's check screen: the MRZ box, then the verdict, the MRZ with its problems in place, corrections, registry and list hits.
import { useRef, useState, type FormEvent } from 'react';
import { ErrorNote } from '../../components/Text';
import { t } from '../../i18n';
import { checkDocument, type DocumentCheck } from './api';
import { ChipPanel, HolderPanel, LostPanel } from './Hits';
import { MrzInput } from './MrzInput';
import { FieldTable, MrzLines } from './MrzView';
import { Suggestions } from './Suggestions';
import { VerdictBanner } from './VerdictBanner';

export function CheckScreen() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<DocumentCheck | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const latest = useRef(0);

  const run = async (mrz: string) => {
    const id = ++latest.current;
    setBusy(true);
    setError(undefined);
    try {
      const r = await checkDocument(mrz.trim());
      if (id === latest.current) setResult(r);
    } catch (err) {
      if (id === latest.current) {
        setError(err);
        setResult(null);
      }
    } finally {
      if (id === latest.current) {
        setBusy(false);
        setAnswered((n) => n + 1);
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) void run(text);
  };

  const useLines = (lines: string[]) => {
    const next = lines.join('\n');
    setText(next);
    void run(next);
  };

  const clear = () => {
    latest.current++;
    setText('');
    setResult(null);
    setError(undefined);
    setBusy(false);
    setAnswered((n) => n + 1);
  };

  const m = result?.mrz;
  return (
    <div className="document-check">
      <form className="check-form" onSubmit={submit} aria-label={t('documents.check.form')}>
        <MrzInput value={text} onChange={setText} onSubmit={(v) => void run(v)} busy={busy} answered={answered} />
        <div className="check-form__actions">
          <button type="submit" className="button button--primary button--large" disabled={busy || !text.trim()}>
            {busy ? t('documents.check.checking') : t('documents.check.submit')}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t('action.clear')}
          </button>
        </div>
      </form>
      {error !== undefined && <ErrorNote error={error} />}
      {result && m && (
        <div className="check-result" aria-busy={busy || undefined}>
          <VerdictBanner result={result} />
          <Suggestions suggestions={m.suggestions} onUse={useLines} busy={busy} />
          <div className="check-hits">
            <LostPanel lost={result.lost} />
            <HolderPanel holder={result.holder} />
            <ChipPanel chip={result.chip} />
          </div>
          <section className="panel" aria-labelledby="mrz-title">
            <h2 id="mrz-title" className="panel__title">
              {m.format ? t('documents.mrz.title', { format: m.format }) : t('documents.mrz.title-unknown')}
              {m.specimen && <span className="badge badge--warn">{t('documents.mrz.specimen')}</span>}
            </h2>
            <MrzLines m={m} />
            {Object.keys(m.fields).length > 0 ? (
              <FieldTable m={m} />
            ) : (
              <ul className="field-problems">
                {m.errors.map((e, i) => (
                  <li key={i} className="field-problem field-problem--error">
                    {e.detail} ({t('documents.mrz.position', { line: e.line, column: e.column })})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="muted small">{t('documents.check.reference', { id: result.id })}</p>
        </div>
      )}
    </div>
  );
}
