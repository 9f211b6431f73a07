// The signed-in user and their CSRF token, shared with every screen; login, logout and expiry live here.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, onUnauthenticated, setCsrfToken } from './api/client';
import { ApiError } from './api/problem';
import type { Me } from './api/types';
import { navigate } from './router';

/** Why the login screen is shown, when it follows a session. */
export type LoginNotice = 'expired' | 'logged-out' | 'password-changed';

export type SessionState =
  { status: 'loading' } | { status: 'anonymous'; notice?: LoginNotice } | { status: 'error'; error: unknown } | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Forgets a session the server already ended (e.g. after a password change). */
  ended(notice: LoginNotice): void;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call(api.GET('/api/me')).then(
      (s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken);
        setState({ status: 'signed-in', me: s.user });
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', error: err });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setState((s) => (s.status === 'signed-in' ? { status: 'anonymous', notice: 'expired' } : s));
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const s = await call(api.POST('/api/auth/login', { body: { username, password } }));
    setCsrfToken(s.csrfToken);
    setState({ status: 'signed-in', me: s.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(api.POST('/api/auth/logout'));
    } finally {
      setCsrfToken(null);
      // The next person to sign in starts at home, not on the screen (and filters) of the last one.
      navigate('/', { replace: true });
      setState({ status: 'anonymous', notice: 'logged-out' });
    }
  }, []);

  const ended = useCallback((notice: LoginNotice) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', notice });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, ended, retry }), [state, login, logout, ended, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for screens rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}

/** Whether the signed-in user holds any of `permissions`. */
export function useCan(...permissions: string[]): boolean {
  const me = useMe();
  return permissions.some((p) => me.permissions.includes(p));
}
