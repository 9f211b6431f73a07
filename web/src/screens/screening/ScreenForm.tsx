// Screening one name: the query form (name, birth date, nationality, gender, schema, documents, lists, min score) and its matches.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { CheckboxGroup, Field } from '../../components/Field';
import { ErrorNote, Loading } from '../../components/Text';
import { t, tn } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useCan } from '../../session';
import { fetchLists } from '../lists/api';
import { schemaLabel } from '../lists/format';
import { screenOne, type Query, type ScreenResult } from './api';
import { MatchList } from './MatchList';

export const SCHEMATA = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane', 'CryptoWallet'] as const;
const GENDERS = ['male', 'female', 'other'] as const;

interface FormState {
  name: string;
  birthDate: string;
  nationality: string;
  gender: string;
  schema: string;
  documents: string;
  lists: string[];
  minScore: string;
}

const EMPTY: FormState = { name: '', birthDate: '', nationality: '', gender: '', schema: 'Person', documents: '', lists: [], minScore: '' };

function toQuery(f: FormState): Query {
  const documents = f.documents
    .split(/[,;\n]/)
    .map((d) => d.trim())
    .filter(Boolean);
  const q: Query = { name: f.name.trim(), schema: f.schema };
  if (f.birthDate.trim()) q.birthDate = f.birthDate.trim();
  if (f.nationality.trim()) q.nationality = f.nationality.trim();
  if (f.gender) q.gender = f.gender;
  if (documents.length) q.documents = documents;
  if (f.lists.length) q.lists = f.lists;
  if (f.minScore.trim()) q.minScore = Number(f.minScore.trim().replace(',', '.'));
  return q;
}

export function ScreenForm() {
  const canLists = useCan('watchlists.read');
  const lists = useResource(() => (canLists ? fetchLists() : Promise.resolve([])), [canLists]);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<{ query: string; result: ScreenResult } | null>(null);
  const set = (k: keyof FormState) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const reason = (field: string) => (error instanceof ApiError ? error.reasonFor(field) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.name.trim()) {
      setError(new ApiError(400, { detail: t('screening.name-required'), field: 'name' }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setResult({ query: form.name.trim(), result: await screenOne(toQuery(form)) });
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = error instanceof ApiError && error.invalidParams.length > 0;
  return (
    <div className="screen-one">
      <form className="panel screen-form" onSubmit={submit} noValidate aria-label={t('screening.form')}>
        <div className="form--grid">
          <Field label={t('screening.name')} required error={reason('name')} className="form__full" hint={t('screening.name-hint')}>
            <input className="input input--name" dir="auto" value={form.name} onChange={set('name')} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={t('screening.birth-date')} hint={t('screening.birth-date-hint')} error={reason('birthDate')}>
            <input className="input" value={form.birthDate} onChange={set('birthDate')} autoComplete="off" placeholder="1970-01-31" />
          </Field>
          <Field label={t('screening.nationality')} hint={t('screening.nationality-hint')} error={reason('nationality')}>
            <input className="input" value={form.nationality} onChange={set('nationality')} autoComplete="off" />
          </Field>
          <Field label={t('screening.gender')} error={reason('gender')}>
            <select className="input" value={form.gender} onChange={set('gender')}>
              <option value="">{t('screening.gender-any')}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`screening.gender.${g}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('screening.schema')} error={reason('schema')}>
            <select className="input" value={form.schema} onChange={set('schema')}>
              {SCHEMATA.map((s) => (
                <option key={s} value={s}>
                  {schemaLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('screening.documents')} hint={t('screening.documents-hint')} error={reason('documents')} className="form__full">
            <input className="input mono" value={form.documents} onChange={set('documents')} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={t('screening.min-score')} hint={t('screening.min-score-hint')} error={reason('minScore')}>
            <input className="input input--short" inputMode="decimal" value={form.minScore} onChange={set('minScore')} autoComplete="off" placeholder="0.70" />
          </Field>
          {canLists && (lists.data?.length ?? 0) > 1 && (
            <div className="form__full">
              <CheckboxGroup
                legend={t('screening.lists')}
                hint={t('screening.lists-hint')}
                options={(lists.data ?? []).map((l) => ({ value: l.name, label: l.title || l.name }))}
                value={form.lists}
                onChange={(next) => setForm({ ...form, lists: next })}
                error={reason('lists')}
                columns
              />
            </div>
          )}
        </div>
        {error !== undefined && !fieldError && <ErrorNote error={error} />}
        <div className="screen-form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('screening.screening') : t('screening.screen')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setForm(EMPTY);
              setResult(null);
              setError(undefined);
            }}
          >
            {t('action.clear')}
          </button>
        </div>
      </form>
      <section className="screen-results" aria-live="polite" aria-busy={busy || undefined} aria-labelledby="screen-results-title">
        <h2 id="screen-results-title" className="section-title">
          {t('screening.results')}
          {result && <span className="count-pill">{tn('screening.matches', result.result.matches.length)}</span>}
        </h2>
        {busy && <Loading label={t('screening.screening')} />}
        {!busy && !result && <p className="muted">{t('screening.results-empty')}</p>}
        {!busy && result && <MatchList matches={result.result.matches} query={result.query} />}
      </section>
    </div>
  );
}
