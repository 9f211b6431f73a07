// A file import form of the documents tool: a file, one choice about it, and a button; the caller sends it and shows the outcome.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { t } from '../../i18n';

interface Props<C extends string> {
  title: string;
  hint: string;
  accept?: string;
  choiceLabel: string;
  choices: ReadonlyArray<{ value: C; label: string }>;
  busy: boolean;
  onSubmit: (file: File, choice: C) => void;
  /** The outcome: errors, problems, warnings. */
  children?: ReactNode;
}

export function FileImport<C extends string>({ title, hint, accept, choiceLabel, choices, busy, onSubmit, children }: Props<C>) {
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<C>(choices[0]!.value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) onSubmit(file, choice);
  };
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        {title}
      </h2>
      <form className="form form--inline" onSubmit={submit}>
        <Field label={t('documents.import.file')} hint={hint} className="field--wide">
          <input type="file" className="input" accept={accept} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={choiceLabel}>
          <select className="input" value={choice} onChange={(e) => setChoice(choices.find((c) => c.value === e.target.value)?.value ?? choices[0]!.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          {busy ? t('documents.import.busy') : t('documents.import.submit')}
        </button>
      </form>
      {children}
    </section>
  );
}
