// Changing one's own password: the current one, then the new one twice.
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, messageOf } from '../../api/problem';
import { Field } from '../../components/Field';
import { useSession } from '../../session';
import { t } from '../../i18n';

export function PasswordForm() {
  const { ended } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);

  const fieldError = (field: string) => (error instanceof ApiError ? error.reasonFor(field) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(next !== again);
    if (next !== again || !current || !next) return;
    setBusy(true);
    setError(null);
    try {
      await call(api.POST('/api/me/password', { body: { currentPassword: current, newPassword: next } }));
      // The server ends the session with the change: sign in again with the new password.
      ended('password-changed');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password" className="panel__title">
        {t('account.password')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        {error !== null && (
          <p className="form-error" role="alert">
            {error instanceof ApiError && (error.code === 'invalid-credentials' || error.field === 'currentPassword')
              ? t('account.current-wrong')
              : messageOf(error)}
          </p>
        )}
        <Field label={t('account.current-password')} error={fieldError('currentPassword') ? t('account.current-wrong') : undefined} required>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            name="currentPassword"
          />
        </Field>
        <Field label={t('account.new-password')} hint={t('account.new-password-hint')} error={fieldError('newPassword')} required>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            name="newPassword"
          />
        </Field>
        <Field label={t('account.repeat-password')} error={mismatch ? t('account.mismatch') : undefined} required>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            name="repeatPassword"
          />
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('account.change-password')}
          </button>
        </div>
      </form>
    </section>
  );
}
