// The login screen: user name and password, with clear messages for wrong credentials, throttling and outages.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problem';
import { t } from '../i18n';
import { useSession, type LoginNotice } from '../session';

const NOTICES = { expired: 'login.expired', 'logged-out': 'login.logged-out', 'password-changed': 'login.password-changed' } as const;

export function Login({ notice }: { notice?: LoginNotice | undefined }) {
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const errorRef = useRef<HTMLDivElement>(null);
  const userRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · Vigil`;
    userRef.current?.focus();
  }, []);

  useEffect(() => {
    if (waitUntil === null) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setPassword('');
      if (err instanceof ApiError && err.code === 'invalid-credentials') setError(t('login.invalid'));
      else if (err instanceof ApiError && err.status === 429) {
        const wait = err.retryAfter ?? 60;
        setNow(Date.now());
        setWaitUntil(Date.now() + wait * 1000);
        setError(t('login.rate-limited'));
      } else setError(messageOf(err));
      setBusy(false);
      errorRef.current?.focus();
    }
  };

  return (
    <div className="login">
      <main className="login__panel" id="main">
        <div className="login__brand">
          <span className="brand__mark" aria-hidden="true">
            V
          </span>
          <span className="brand__name">Vigil</span>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__intro">{t('login.intro')}</p>
        {notice && (
          <p className="callout callout--info" role="status">
            {t(NOTICES[notice])}
          </p>
        )}
        <div ref={errorRef} tabIndex={-1} role="alert" className={error ? 'callout callout--error' : undefined}>
          {error}
          {secondsLeft > 0 && <> {t('login.retry-in', { seconds: secondsLeft })}</>}
        </div>
        <form onSubmit={submit} noValidate className="form">
          <div className="field">
            <label htmlFor="login-username" className="field__label">
              {t('login.username')}
            </label>
            <input
              ref={userRef}
              id="login-username"
              name="username"
              className="input"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="login-password" className="field__label">
              {t('login.password')}
            </label>
            <input
              id="login-password"
              name="password"
              type="password"
              className="input"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
          </div>
          <button type="submit" className="button button--primary button--block" disabled={busy || secondsLeft > 0}>
            {busy ? t('login.signing-in') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
