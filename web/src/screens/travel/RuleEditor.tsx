// Writing a rule: name, description and expression checked as one types (line, column, why), tested against stored traffic, saved as a version.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { Field } from '../../components/Field';
import { ErrorNote } from '../../components/Text';
import { t } from '../../i18n';
import { checkExpression, createRule, updateRule, testExpression, type Rule, type RuleProblem, type RuleTest } from './rulesApi';
import { RuleTestResult } from './RuleTestResult';

/** The expression's line with a caret under the offending part. */
function Pointer({ expression, problem }: { expression: string; problem: RuleProblem }) {
  const line = expression.split('\n')[problem.line - 1] ?? '';
  const caret = `${' '.repeat(Math.max(0, problem.column - 1))}${'^'.repeat(Math.max(1, Math.min(problem.length, line.length - problem.column + 1)))}`;
  return (
    <pre className="rule-pointer" aria-hidden="true">
      {line}
      {'\n'}
      {caret}
    </pre>
  );
}

interface Props {
  rule: Rule | null;
  onSaved: (rule: Rule) => void;
}

export function RuleEditor({ rule, onSaved }: Props) {
  const [name, setName] = useState(rule?.name ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [expression, setExpression] = useState(rule?.expression ?? '');
  const [check, setCheck] = useState<{ ok: boolean; problem: RuleProblem | null; lists: Record<string, number> } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [test, setTest] = useState<RuleTest | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [error, setError] = useState<unknown>();

  // Checked on the server (the one implementation of the language) a moment after typing stops.
  useEffect(() => {
    if (!expression.trim()) return setCheck(null);
    let live = true;
    const timer = setTimeout(() => {
      checkExpression(expression).then(
        (c) => live && setCheck(c),
        () => live && setCheck(null),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [expression]);

  const runTest = async () => {
    setBusy('test');
    setError(undefined);
    try {
      setTest(await testExpression(expression, { ...(from ? { from } : {}), ...(to ? { to } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setError(undefined);
    try {
      onSaved(rule ? await updateRule(rule.id, { name, description, expression }) : await createRule({ name, description, expression }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const problem = check?.problem ?? null;
  const fieldError = (f: string) => (error instanceof ApiError ? error.reasonFor(f) : undefined);
  const unchanged = !!rule && rule.name === name && rule.description === description && rule.expression === expression;

  return (
    <form className="panel rule-editor" onSubmit={save} aria-labelledby="rule-editor-title" noValidate>
      <h2 id="rule-editor-title" className="panel__title">
        {rule ? t('travel.rules.edit-title', { id: rule.id, version: rule.version }) : t('travel.rules.new-title')}
      </h2>
      <div className="form form--grid">
        <Field label={t('travel.rules.name')} required error={fieldError('name')}>
          <input className="input" value={name} maxLength={120} onChange={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('travel.rules.description-field')} error={fieldError('description')}>
          <input className="input" value={description} maxLength={2000} onChange={(e) => setDescription(e.currentTarget.value)} />
        </Field>
        <Field className="form__full" label={t('travel.rules.expression')} hint={t('travel.rules.expression-hint')} required error={fieldError('expression')}>
          <textarea
            className="input rule-expression"
            rows={5}
            spellCheck={false}
            value={expression}
            maxLength={4000}
            onChange={(e) => {
              setExpression(e.currentTarget.value);
              setTest(null);
            }}
          />
        </Field>
      </div>
      <div className="rule-check" role="status" aria-live="polite">
        {problem && (
          <div className="callout callout--warning" data-problem={problem.code}>
            <p>{t('travel.rules.problem', { line: problem.line, column: problem.column, detail: problem.detail })}</p>
            <Pointer expression={expression} problem={problem} />
          </div>
        )}
        {check?.ok && (
          <p className="callout callout--info" data-check="ok">
            {Object.keys(check.lists).length
              ? t('travel.rules.valid-lists', {
                  lists: Object.entries(check.lists)
                    .map(([n, v]) => `${n} v${v}`)
                    .join(', '),
                })
              : t('travel.rules.valid')}
          </p>
        )}
      </div>
      <fieldset className="fieldset rule-test-period">
        <legend>{t('travel.rules.test-legend')}</legend>
        <div className="form form--inline">
          <Field label={t('travel.rules.from')} hint={t('travel.rules.from-hint')}>
            <input className="input" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field label={t('travel.rules.to')} hint={t('travel.rules.to-hint')}>
            <input className="input" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </Field>
          <button type="button" className="button" onClick={runTest} disabled={busy !== null || !expression.trim() || !!problem}>
            {busy === 'test' ? t('travel.rules.testing') : t('travel.rules.test')}
          </button>
        </div>
      </fieldset>
      {test && <RuleTestResult result={test} />}
      {error !== undefined && <ErrorNote error={error} />}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy !== null || !name.trim() || !expression.trim() || !!problem || unchanged}>
          {rule ? t('travel.rules.save-version') : t('travel.rules.save-new')}
        </button>
        {!rule && <p className="field__hint">{t('travel.rules.saved-disabled')}</p>}
      </div>
    </form>
  );
}
